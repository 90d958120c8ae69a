/**
 * The External Client App types this tool writes, as the Metadata API 66.0 WSDL declares them
 * (forcedotcom/wsdl, resources/metadata.wsdl). `minApi` is the version that introduced an
 * element (the WSDL's history; the Metadata API Developer Guide's version notes); every type
 * exists from 59.0 (the configurable policies from 60.0). Defaults are Salesforce's for an app
 * created in Setup: PKCE and the secret for the token-exchange flow are on, the secret for the
 * refresh-token flow is required (Metadata API Developer Guide, ExtlClntAppGlobalOauthSettings).
 */
import { DISTRIBUTION_STATES, JWT_SESSION_TIMEOUT_TYPES, SESSION_POLICY_ACTIONS, START_PAGES } from './enums';
import { type ElementSpec, type MetadataSchema, t } from './schema';

const bool = (name: string, minApi?: number, defaultValue = false): ElementSpec => ({ name, type: t.boolean, minApi, defaultValue });
const text = (name: string, minApi?: number): ElementSpec => ({ name, type: t.string, minApi });
const parent: ElementSpec = { name: 'externalClientApplication', type: t.string, required: true };

const TYPES: Readonly<Record<string, readonly ElementSpec[]>> = {
  ExternalClientApplication: [
    text('contactEmail'),
    text('contactPhone'),
    text('description'),
    { name: 'distributionState', type: t.enumOf(DISTRIBUTION_STATES), defaultValue: 'Local' },
    text('iconUrl'),
    text('infoUrl'),
    bool('isProtected'),
    text('label'),
    text('logoUrl'),
    { name: 'managedType', type: t.enumOf(['Local', 'Global']), minApi: 60 },
    text('orgScopedExternalApp'),
  ],
  ExtlClntAppGlobalOauthSettings: [
    text('callbackUrl'),
    text('certificate', 60),
    text('consumerKey'),
    text('consumerSecret'),
    parent,
    { name: 'idTokenConfig', type: t.complex('ExternalAppIdTokenConfig') },
    bool('isClientCredentialsFlowEnabled', 60),
    bool('isCodeCredFlowEnabled', 61),
    bool('isCodeCredPostOnly', 61),
    bool('isConsumerSecretOptional'),
    bool('isDeviceFlowEnabled', 60),
    bool('isIntrospectAllTokens'),
    bool('isNamedUserJwtEnabled', 61),
    bool('isPkceRequired', undefined, true),
    bool('isRefreshTokenRotationEnabled', 60),
    bool('isSecretRequiredForRefreshToken', undefined, true),
    bool('isSecretRequiredForTokenExchange', 60, true),
    bool('isTokenExchangeEnabled', 60),
    text('label'),
    bool('shouldRotateConsumerKey'),
    bool('shouldRotateConsumerSecret'),
  ],
  ExternalAppIdTokenConfig: [
    text('idTokenAudience'),
    bool('idTokenIncludeAttributes'),
    bool('idTokenIncludeCustomPermissions'),
    bool('idTokenIncludeStandardClaims'),
    { name: 'idTokenValidityInMinutes', type: t.int },
  ],
  ExtlClntAppOauthSettings: [
    bool('areAttributesIncludedInAssetToken', 61),
    bool('areCustomPermsIncludedInAssetToken', 61),
    text('assetTokenAudiences', 61),
    text('assetTokenSigningCertificate', 61),
    { name: 'assetTokenValidity', type: t.int, minApi: 61 },
    text('clientAssertionCertificate', 62),
    text('commaSeparatedCustomScopes', 61),
    text('commaSeparatedOauthScopes'),
    { name: 'customAttributes', type: t.complex('ExtlClntAppOauthSettingsAttribute'), repeated: true },
    parent,
    bool('isFirstPartyAppEnabled', 62),
    text('label'),
    text('oauthLink'),
    text('singleLogoutUrl'),
    { name: 'trustedIpRanges', type: t.complex('ExtlClntAppOauthIpRange'), repeated: true },
  ],
  ExtlClntAppOauthSettingsAttribute: [
    { name: 'formula', type: t.string, required: true },
    { name: 'key', type: t.string, required: true },
  ],
  ExtlClntAppOauthIpRange: [
    text('description'),
    { name: 'endIpAddress', type: t.string, required: true },
    { name: 'startIpAddress', type: t.string, required: true },
  ],
  ExtlClntAppOauthConfigurablePolicies: [
    text('apexHandler', 61),
    text('clientCredentialsFlowUser', 60),
    text('commaSeparatedCustomScopes', 61),
    text('commaSeparatedPermissionSet'),
    text('commaSeparatedProfile', 62),
    { name: 'customAttributes', type: t.complex('ExtlClntAppOauthPoliciesAttribute'), repeated: true },
    text('executeHandlerAs', 61),
    parent,
    { name: 'guestJwtSessionTimeoutType', type: t.enumOf(JWT_SESSION_TIMEOUT_TYPES), minApi: 65 },
    { name: 'guestJwtTimeout', type: t.int, minApi: 61 },
    { name: 'ipRelaxationPolicyType', type: t.string, defaultValue: 'Enforce' },
    bool('isClientCredentialsFlowEnabled', 60),
    bool('isGuestCodeCredFlowEnabled', 61),
    // In the WSDL from 61.0 to 63.0 only; retrieves of that time list it.
    { name: 'isNamedUserJwtEnabled', type: t.boolean, minApi: 61, maxApi: 63, defaultValue: false },
    bool('isTokenExchangeFlowEnabled', 60),
    text('label'),
    { name: 'namedUserJwtSessionTimeoutType', type: t.enumOf(JWT_SESSION_TIMEOUT_TYPES), minApi: 65 },
    { name: 'namedUserJwtTimeout', type: t.int, minApi: 61 },
    {
      name: 'permittedUsersPolicyType',
      type: t.enumOf(['AllSelfAuthorized', 'AdminApprovedPreAuthorized']),
      defaultValue: 'AllSelfAuthorized',
    },
    { name: 'policyAction', type: t.enumOf(SESSION_POLICY_ACTIONS) },
    { name: 'refreshTokenPolicyType', type: t.enumOf(['Infinite', 'Zero', 'SpecificLifetime', 'SpecificInactivity']) },
    { name: 'refreshTokenValidityPeriod', type: t.int },
    text('refreshTokenValidityUnit'),
    { name: 'requiredSessionLevel', type: t.enumOf(['LOW', 'STANDARD', 'HIGH_ASSURANCE']), defaultValue: 'STANDARD' },
    { name: 'sessionTimeoutInMinutes', type: t.int },
    text('singleLogoutUrl'),
    text('startUrl'),
  ],
  ExtlClntAppOauthPoliciesAttribute: [
    { name: 'formula', type: t.string, required: true },
    { name: 'key', type: t.string, required: true },
  ],
  ExtlClntAppConfigurablePolicies: [
    parent,
    bool('isCanvasPluginEnabled', 65),
    { name: 'isEnabled', type: t.boolean, required: true, defaultValue: true },
    bool('isMobilePluginEnabled', 62),
    bool('isNotificationPluginEnabled', 61),
    bool('isOauthPluginEnabled', undefined, true),
    bool('isPushPluginEnabled', 62),
    bool('isSamlPluginEnabled', 63),
    text('label'),
    { name: 'startPage', type: t.enumOf(START_PAGES) },
    text('startUrl'),
  ],
};

/**
 * Elements real retrieves hold that the Metadata API 66.0 WSDL does not have and Salesforce's
 * documentation gives no version for (the Metadata API Developer Guide, up to its 67.0 edition,
 * does not list them): a file holding one was retrieved at 67.0 or later. An import refuses them
 * by name rather than drop them; they become elements here when Salesforce documents them.
 */
const NEWER_ELEMENTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  ExtlClntAppGlobalOauthSettings: { isDPopEnabled: 67, isEnforceRefreshTokenTTL: 67 },
};

const schema = (root: string): MetadataSchema => ({ root, types: TYPES, newerElements: NEWER_ELEMENTS });

export const EXTERNAL_CLIENT_APPLICATION_SCHEMA = schema('ExternalClientApplication');
export const GLOBAL_OAUTH_SETTINGS_SCHEMA = schema('ExtlClntAppGlobalOauthSettings');
export const OAUTH_SETTINGS_SCHEMA = schema('ExtlClntAppOauthSettings');
export const OAUTH_POLICIES_SCHEMA = schema('ExtlClntAppOauthConfigurablePolicies');
export const APP_POLICIES_SCHEMA = schema('ExtlClntAppConfigurablePolicies');
