/**
 * The Setup label of every template setting, as one table keyed by the setting's path in
 * {@link AppSettings} (`oauth.callbackUrls`, `policies.refreshToken`): the words `diff` and
 * `changes` use to say what differs. The labels are those the TSDoc of generator/model/template.ts
 * gives each field; a path the table does not list is shown as the path itself.
 */
import type { AppSettings } from './template';

/** Paths of settings that are not the app's but this tool's bookkeeping: never compared. */
export const UNCOMPARED_SETTINGS: readonly string[] = [
  'metadataApiVersion',
  'existsInOrg',
  'oauth.callbackUrlLineBreak',
  'policies.listSeparator',
];

/** Setting path → Setup label. Sub-objects compared whole (attributes, IP ranges, canvas…) have one label. */
export const SETUP_LABELS: Readonly<Record<string, string>> = {
  label: 'App Name',
  apiName: 'API Name',
  contactEmail: 'Contact Email',
  contactPhone: 'Contact Phone',
  description: 'Description',
  infoUrl: 'Info URL',
  startUrl: 'Start URL',
  startPage: 'Start Page',
  mobileStartUrl: 'Mobile Start URL',
  logoUrl: 'Logo Image URL',
  iconUrl: 'Icon URL',
  'oauth.callbackUrls': 'Callback URL',
  'oauth.scopes': 'Selected OAuth Scopes',
  'oauth.requirePkce': 'Require Proof Key for Code Exchange (PKCE)',
  'oauth.requireSecretForWebServerFlow': 'Require Secret for Web Server Flow',
  'oauth.requireSecretForRefreshTokenFlow': 'Require Secret for Refresh Token Flow',
  'oauth.enableClientCredentialsFlow': 'Enable Client Credentials Flow',
  'oauth.enableAuthorizationCodeAndCredentialsFlow': 'Enable Authorization Code and Credentials Flow',
  'oauth.requireCredentialsInPostBody': 'Require user credentials in the POST body',
  'oauth.introspectAllTokens': 'Introspect All Tokens',
  'oauth.issueJwtAccessTokens': 'Issue JSON Web Token (JWT)-based access tokens for named users',
  'oauth.enableRefreshTokenRotation': 'Enable Refresh Token Rotation',
  'oauth.enableDeviceFlow': 'Enable for Device Flow',
  'oauth.enableTokenExchangeFlow': 'Enable Token Exchange Flow',
  'oauth.requireSecretForTokenExchangeFlow': 'Require Secret for Token Exchange Flow',
  'oauth.certificate': 'Use digital signatures (certificate)',
  'oauth.singleLogoutUrl': 'Single Logout URL',
  'oauth.idToken.audience': 'ID Token › Audiences',
  'oauth.idToken.includeAttributes': 'ID Token › Include Custom Attributes',
  'oauth.idToken.includeCustomPermissions': 'ID Token › Include Custom Permissions',
  'oauth.idToken.includeStandardClaims': 'ID Token › Include Standard Claims',
  'oauth.idToken.validityMinutes': 'ID Token › ID Token Valid for (minutes)',
  'oauth.assetTokens.audiences': 'Asset Tokens › Asset Token Audiences',
  'oauth.assetTokens.includeAttributes': 'Asset Tokens › Include Custom Attributes',
  'oauth.assetTokens.includeCustomPermissions': 'Asset Tokens › Include Custom Permissions',
  'oauth.assetTokens.signingCertificateId': 'Asset Tokens › Asset Signing Certificate',
  'oauth.assetTokens.validityMinutes': 'Asset Tokens › Token Valid for',
  'policies.permittedUsers': 'Permitted Users',
  'policies.ipRelaxation': 'IP Relaxation',
  'policies.refreshToken': 'Refresh Token Policy',
  'policies.enableTokenExchangeFlow': 'OAuth Policies › Token Exchange Flow',
  'policies.clientCredentialsRunAs': 'Client Credentials Flow › Run As',
  'policies.sessionTimeoutMinutes': 'Session Policies › Timeout Value',
  'policies.singleLogoutUrl': 'OAuth Policies › Single Logout URL',
  'policies.sessionLevel': 'Session Policies › High Assurance session required',
  'policies.sessionPolicyAction': 'Session Policies › Action',
  'policies.profiles': 'Profiles',
  'policies.permissionSets': 'Permission Sets',
  'policies.enableClientCredentialsFlow': 'OAuth Policies › Enable Client Credentials Flow',
  'policies.namedUserJwtTimeout': 'JWT-based access tokens › Token Timeout',
  'policies.guestJwtTimeout': 'JWT-based access tokens for guests › Token Timeout',
  attributes: 'Custom Attributes',
  ipRanges: 'IP Ranges',
  canvas: 'Canvas App Settings',
  canvasMetadata: 'Canvas (canvas element)',
  mobile: 'Mobile App Settings',
  saml: 'Enable SAML',
  plugin: 'Plugin Class',
  pluginExecutionUser: 'Run Plugin as',
  externalClientAppNames: 'Component names of the settings and policies',
  externalClientAppLabels: 'Labels of the settings and policies',
  distributionState: 'Distribution State',
  protectedInPackage: 'Protected in package',
  managedInOrg: 'Parts managed in the org',
  policiesOnly: 'Policies only (installed app)',
  enabled: 'App Policies › Enabled',
  oauthEnabled: 'App Policies › OAuth plugin',
} satisfies Readonly<Record<string, string>>;

/** Sub-objects of {@link AppSettings} whose fields have labels of their own (the rest compare whole). */
export const LABELLED_GROUPS: readonly (keyof AppSettings | 'oauth.idToken' | 'oauth.assetTokens')[] = [
  'oauth',
  'policies',
  'oauth.idToken',
  'oauth.assetTokens',
];

/** The words Setup shows for a setting's values, by setting path (values not listed are shown as they are). */
export const SETUP_VALUES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'policies.permittedUsers': {
    'all-self-authorize': 'All users may self-authorize',
    'admin-approved': 'Admin approved users are pre-authorized',
  },
  'policies.ipRelaxation': {
    enforce: 'Enforce IP restrictions',
    'enforce-relax-refresh': 'Enforce IP restrictions, but relax for refresh tokens',
    'relax-activated-devices': 'Relax IP restrictions for activated devices',
    relax: 'Relax IP restrictions',
  },
  'policies.refreshToken': { 'valid-until-revoked': 'valid until revoked', 'expire-immediately': 'expire immediately' },
  'policies.namedUserJwtTimeout': { 'user-session': "the user's session timeout" },
  'policies.guestJwtTimeout': { 'user-session': "the user's session timeout" },
};

/** The Setup label of the setting at `path`. */
export function setupLabel(path: string): string {
  return SETUP_LABELS[path] ?? path;
}
