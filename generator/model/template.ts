/**
 * The template model: what a module under `templates/` exports.
 *
 * A template describes one OAuth client app once, in the words of the Setup
 * page, with named environments (prod, sandbox, …) that carry their own values.
 * Field names follow the Setup labels; the TSDoc of each field names the label
 * and the metadata element it becomes.
 */
import type { AppKind } from './appKind';
import type {
  CALLBACK_LINE_BREAKS,
  CANVAS_ACCESS_METHODS,
  DISTRIBUTION_STATES,
  CANVAS_LOCATIONS,
  CANVAS_OPTIONS,
  DEVICE_PLATFORMS,
  DEVICE_TYPES,
  IP_RELAXATIONS,
  LIST_SEPARATORS,
  PERMITTED_USERS,
  REFRESH_TOKEN_CHOICES,
  REFRESH_TOKEN_UNITS,
  SAML_ENCRYPTION_TYPES,
  SAML_INITIATION_METHODS,
  SAML_LOGOUT_BINDINGS,
  SAML_NAME_ID_FORMATS,
  SAML_SIGNING_ALGORITHMS,
  SAML_SUBJECT_TYPES,
  SESSION_POLICY_ACTIONS,
  START_PAGES,
} from './enums';
import type { EcaChildRole, OrgManagedRole } from './externalClientAppParts';
import type { OAuthScope } from './scopes';

/**
 * Setup → OAuth Policies → "Permitted Users".
 * - `all-self-authorize`: "All users may self-authorize" (the default).
 * - `admin-approved`: "Admin approved users are pre-authorized"; list the
 *   profiles and permission sets that may use the app.
 */
export type PermittedUsers = (typeof PERMITTED_USERS)[number];

/**
 * Setup → OAuth Policies → "IP Relaxation".
 * - `enforce`: "Enforce IP restrictions" (the default).
 * - `enforce-relax-refresh`: "Enforce IP restrictions, but relax for refresh tokens".
 * - `relax-activated-devices`: "Relax IP restrictions for activated devices".
 * - `relax`: "Relax IP restrictions".
 */
export type IpRelaxation = (typeof IP_RELAXATIONS)[number];

/**
 * A unit of the refresh-token expiry periods in Setup.
 * @public
 */
export type RefreshTokenUnit = (typeof REFRESH_TOKEN_UNITS)[number];

/** A period such as "90 days". */
export interface Period {
  /** A whole number of units, at least 1. */
  value: number;
  unit: RefreshTokenUnit;
}

/**
 * Setup → OAuth Policies → "Refresh Token Policy".
 * - `valid-until-revoked`: "Refresh token is valid until revoked" (the default).
 * - `expire-immediately`: "Immediately expire refresh token".
 * - `{ expireAfter }`: "Expire refresh token after N units".
 * - `{ expireIfUnusedFor }`: "Expire refresh token if not used for N units".
 */
export type RefreshTokenPolicy = (typeof REFRESH_TOKEN_CHOICES)[number] | { expireAfter: Period } | { expireIfUnusedFor: Period };

/** "Configure ID Token" → `oauthConfig/idTokenConfig` (ECA: the global settings' `idTokenConfig`). */
export interface IdTokenSettings {
  /** "Audiences". */
  audience?: string;
  /** "Include Custom Attributes". */
  includeAttributes?: boolean;
  /** "Include Custom Permissions". */
  includeCustomPermissions?: boolean;
  /** "Include Standard Claims". */
  includeStandardClaims?: boolean;
  /** "ID Token Valid for (minutes)", 1 to 720. */
  validityMinutes?: number;
}

/** "Enable Asset Tokens" → `oauthConfig/assetTokenConfig`. */
export interface AssetTokenSettings {
  /** "Asset Token Audiences". */
  audiences: string;
  /** "Include Custom Attributes". */
  includeAttributes: boolean;
  /** "Include Custom Permissions". */
  includeCustomPermissions: boolean;
  /** "Asset Signing Certificate". */
  signingCertificateId: string;
  /** "Token Valid for" (minutes). */
  validityMinutes: number;
}

/** Setup → "API (Enable OAuth Settings)". Leave it out for an app without OAuth. */
export interface OAuthSettings {
  /**
   * "Callback URL": one or more URLs, in the order Setup shows them.
   * Rendered as one `oauthConfig/callbackUrl` (an External Client App's global OAuth settings'
   * `callbackUrl`), one URL per line. Required for a connected app; left out of an External
   * Client App whose global OAuth settings are managed in the org.
   */
  callbackUrls?: readonly string[];
  /**
   * "Selected OAuth Scopes", as metadata names: "Access the identity URL service" is
   * `Basic`, "Full access" `Full`, "Manage user data via APIs" `Api`, "Manage user data
   * via Web browsers" `Web`, "Perform requests at any time" `RefreshToken`.
   * Rendered in Salesforce's canonical order, whatever the order here.
   */
  scopes: readonly OAuthScope[];
  /**
   * "Require Proof Key for Code Exchange (PKCE) Extension for Supported Authorization
   * Flows" → `oauthConfig/isPkceRequired`. Default false. API 59.0.
   */
  requirePkce?: boolean;
  /**
   * "Require Secret for Web Server Flow" → `oauthConfig/isConsumerSecretOptional`,
   * inverted. Default true. API 49.0.
   */
  requireSecretForWebServerFlow?: boolean;
  /**
   * "Require Secret for Refresh Token Flow" → `oauthConfig/isSecretRequiredForRefreshToken`.
   * Default true. API 51.0.
   */
  requireSecretForRefreshTokenFlow?: boolean;
  /** "Enable Client Credentials Flow" → `oauthConfig/isClientCredentialEnabled`. Default false. API 56.0. */
  enableClientCredentialsFlow?: boolean;
  /**
   * "Enable Authorization Code and Credentials Flow" → `oauthConfig/isCodeCredentialEnabled`.
   * Default false. API 57.0.
   */
  enableAuthorizationCodeAndCredentialsFlow?: boolean;
  /**
   * "Require user credentials in the POST body for Authorization Code and Credentials Flow"
   * → `oauthConfig/isCodeCredentialPostOnly`. Default false. API 57.0.
   */
  requireCredentialsInPostBody?: boolean;
  /** "Introspect All Tokens" → `oauthConfig/isIntrospectAllTokens`. Default false. API 49.0. */
  introspectAllTokens?: boolean;
  /**
   * "Issue JSON Web Token (JWT)-based access tokens for named users"
   * → `oauthConfig/isNamedUserJwtEnabled`. Default false. API 58.0.
   */
  issueJwtAccessTokens?: boolean;
  /** "Enable Refresh Token Rotation" → `oauthConfig/isRefreshTokenRotationEnabled`. Default false. API 60.0. */
  enableRefreshTokenRotation?: boolean;
  /**
   * "Enable for Device Flow" → an External Client App's `isDeviceFlowEnabled` (API 60.0).
   * ConnectedApp metadata has no such element up to API 66.0. Default false.
   */
  enableDeviceFlow?: boolean;
  /** "Enable Token Exchange Flow" → `oauthConfig/isTokenExchangeEnabled`. Default false. API 60.0. */
  enableTokenExchangeFlow?: boolean;
  /**
   * "Require Secret for Token Exchange Flow" → `oauthConfig/isSecretRequiredForTokenExchange`.
   * Default false. API 60.0.
   */
  requireSecretForTokenExchangeFlow?: boolean;
  /**
   * "Use digital signatures": the public certificate (base64 DER, no PEM armour) used for the
   * JWT bearer flow → `oauthConfig/certificate`. Never a private key.
   */
  certificate?: string;
  /** "Single Logout URL" (OAuth) → `oauthConfig/singleLogoutUrl`. */
  singleLogoutUrl?: string;
  /** "Configure ID Token". */
  idToken?: IdTokenSettings;
  /** "Enable Asset Tokens". */
  assetTokens?: AssetTokenSettings;
  /**
   * The line break Salesforce keeps between callback URLs: `crlf` when they were typed into
   * Setup's text box (a retrieve returns them so), `lf` otherwise. Default `lf`.
   */
  callbackUrlLineBreak?: (typeof CALLBACK_LINE_BREAKS)[number];
}

/** "Custom Attributes": a key and the formula that computes its value → `attributes`. */
export interface CustomAttribute {
  key: string;
  formula: string;
}

/** Manage → "IP Ranges": a trusted range of addresses → `ipRanges`. */
export interface IpRange {
  start: string;
  end: string;
  description?: string;
}

/**
 * "Canvas App Settings" → "Locations": where the canvas app appears.
 * @public
 */
export type CanvasLocation = (typeof CANVAS_LOCATIONS)[number];

/** "Canvas App Settings" → `canvasConfig`. */
export interface CanvasSettings {
  /** "Canvas App URL". */
  canvasUrl: string;
  /** "Access Method": `Post` (Signed Request) or `Get` (OAuth Webflow). */
  accessMethod: (typeof CANVAS_ACCESS_METHODS)[number];
  /** "Locations", in Setup's order. */
  locations?: readonly CanvasLocation[];
  /** "Options". */
  options?: readonly (typeof CANVAS_OPTIONS)[number][];
  /** "Lifecycle Class". */
  lifecycleClass?: string;
  /** "SAML Initiation Method". */
  samlInitiationMethod?: (typeof SAML_INITIATION_METHODS)[number];
}

/** `canvas` (CanvasMetadata): the WSDL's older canvas element, on no Setup page; kept as is. */
export interface LegacyCanvas {
  accessMethod: string;
  canvasUrl: string;
  canvasOptions?: string;
  lifecycleClass?: string;
  locationOptions?: string;
  samlInitiationMethod?: string;
}

/** "Mobile App Settings" → `mobileAppConfig` (element names as in the Metadata API). */
export interface MobileAppSettings {
  devicePlatform: (typeof DEVICE_PLATFORMS)[number];
  version: string;
  deviceType?: (typeof DEVICE_TYPES)[number];
  minimumOsVersion?: string;
  privateApp?: boolean;
  applicationBundleIdentifier?: string;
  applicationBinaryFile?: string;
  applicationBinaryFileName?: string;
  applicationFileLength?: number;
  applicationIconFile?: string;
  applicationIconFileName?: string;
  applicationInstallUrl?: string;
}

/** "Web App Settings → Enable SAML" → `samlConfig`. */
export interface SamlSettings {
  /** "Entity Id" → `entityUrl`. */
  entityUrl: string;
  /** "ACS URL" → `acsUrl`. */
  acsUrl: string;
  /** "Subject Type" → `samlSubjectType`. */
  subjectType: (typeof SAML_SUBJECT_TYPES)[number];
  /** "Name ID Format" → `samlNameIdFormat`. */
  nameIdFormat?: (typeof SAML_NAME_ID_FORMATS)[number];
  /** "Issuer" → `issuer`. */
  issuer?: string;
  /** "IdP Signature Algorithm" → `samlSigningAlgoType`. */
  signingAlgorithm?: (typeof SAML_SIGNING_ALGORITHMS)[number];
  /** "Encryption Certificate" algorithm → `encryptionType`. */
  encryptionType?: (typeof SAML_ENCRYPTION_TYPES)[number];
  /** "IdP Certificate" (its name) → `certificate`. */
  certificate?: string;
  /** "Encryption Certificate" (its name) → `encryptionCertificate`. */
  encryptionCertificate?: string;
  /** Custom subject attribute → `samlSubjectCustomAttr`. */
  subjectCustomAttribute?: string;
  /** "Single Logout URL" → `samlSloUrl`. */
  singleLogoutUrl?: string;
  /** "Single Logout Binding" → `samlIdpSLOBindingEnum`. */
  singleLogoutBinding?: (typeof SAML_LOGOUT_BINDINGS)[number];
}

/** Setup → Manage → "Edit Policies". */
export interface AppPolicies {
  /** "Permitted Users" → `oauthConfig/isAdminApproved`. Default `all-self-authorize`. */
  permittedUsers?: PermittedUsers;
  /** "IP Relaxation" → `oauthPolicy/ipRelaxation`. Default `enforce`. API 49.0. */
  ipRelaxation?: IpRelaxation;
  /** "Refresh Token Policy" → `oauthPolicy/refreshTokenPolicy`. Default `valid-until-revoked`. API 49.0. */
  refreshToken?: RefreshTokenPolicy;
  /**
   * OAuth Policies → "Token Exchange Flow": the admin lets the app use the token exchange
   * flow → `oauthPolicy/isTokenExchangeFlowEnabled`. Default false. API 60.0.
   */
  enableTokenExchangeFlow?: boolean;
  /**
   * Client Credentials Flow "Run As": the username the client-credentials flow acts as
   * → `oauthConfig/oauthClientCredentialUser`. API 56.0.
   */
  clientCredentialsRunAs?: string;
  /**
   * Session Policies "Timeout Value", in minutes (15, 30, 60, 120, 240, 480, 720 or 1440)
   * → `sessionPolicy/sessionTimeout`. API 49.0.
   */
  sessionTimeoutMinutes?: number;
  /** OAuth Policies "Single Logout URL" → `oauthPolicy/singleLogoutUrl`. */
  singleLogoutUrl?: string;
  /** Session Policies "High assurance session required" level → `sessionPolicy/sessionLevel` (e.g. `HIGH_ASSURANCE`). */
  sessionLevel?: string;
  /** What happens without that level: `Block` or `RaiseSessionLevel` → `sessionPolicy/policyAction`. */
  sessionPolicyAction?: (typeof SESSION_POLICY_ACTIONS)[number];
  /** Manage → "Profiles": profile names pre-authorized when users are admin approved → `profileName`. */
  profiles?: readonly string[];
  /** Manage → "Permission Sets": permission set API names pre-authorized → `permissionSetName`. */
  permissionSets?: readonly string[];
  /**
   * External Client Apps: Policies → "OAuth Flows and External Client App Enhancements" →
   * "Enable Client Credentials Flow" → the OAuth policies' `isClientCredentialsFlowEnabled`.
   * Default: `oauth.enableClientCredentialsFlow` (false when the template has no global OAuth settings).
   */
  enableClientCredentialsFlow?: boolean;
  /**
   * External Client Apps: Policies → JWT-based access tokens for named users → "Token Timeout":
   * `'user-session'` (the user's session timeout; `namedUserJwtSessionTimeoutType` UserSession,
   * API 65.0) or a custom timeout in minutes (`Custom` and `namedUserJwtTimeout`: 1, 5, 10, 15 or 30
   * from API 61.0; 60, 90, 120, 240, 480 or 720 from 65.0).
   */
  namedUserJwtTimeout?: JwtTimeout;
  /** The same for guest users → `guestJwtSessionTimeoutType` and `guestJwtTimeout`. */
  guestJwtTimeout?: JwtTimeout;
  /**
   * External Client Apps: what separates the names of the OAuth policies' `commaSeparatedProfile`
   * and `commaSeparatedPermissionSet`: `', '` (the default) or `','`, as the retrieve an import
   * came from wrote them.
   */
  listSeparator?: (typeof LIST_SEPARATORS)[number];
}

/**
 * The timeout of JWT-based access tokens: `'user-session'` or a number of minutes.
 * @public
 */
export type JwtTimeout = 'user-session' | number;

/**
 * Component names of an External Client App's files other than its header, by role:
 * `globalOauth`, `oauthSettings`, `oauthPolicies`, `appPolicies` (generator/model/externalClientAppParts.ts).
 */
export type ExternalClientAppNames = { [role in EcaChildRole]?: string };

/** The settings of one app in one environment: the Setup page as data. */
export interface AppSettings {
  /**
   * "Connected App Name" / "External Client App Name" → `label`. Required (a connected app's holds
   * at most 80 characters), except in a policies-only template, whose app is someone else's.
   */
  label?: string;
  /**
   * "API Name" → the component name (file name). Default: derived from the label
   * as Setup fills it in (`Fullcast Motion Package` → `Fullcast_Motion_Package`).
   */
  apiName?: string;
  /**
   * "Contact Email" → `contactEmail`. Required by Salesforce, and it is the customer's
   * own address, so usually given once with `--contact-email` and remembered in
   * `connected-app.json` rather than written here. `null`: the org has none (an old
   * retrieve writes `xsi:nil`); kept only so such an app round-trips.
   */
  contactEmail?: string | null;
  /** "Contact Phone" → `contactPhone`. */
  contactPhone?: string;
  /** "Description" → `description`. */
  description?: string;
  /** "Info URL" → `infoUrl`. */
  infoUrl?: string;
  /**
   * "Start URL": where users land when they open the app from the App Launcher → ConnectedApp
   * `startUrl`; for an External Client App, the app policies' `startPage` Custom and `startUrl`.
   */
  startUrl?: string;
  /**
   * An External Client App's "Start Page" → the app policies' `startPage`: `Custom` (the
   * default with a `startUrl`; the URL goes in the app policies), `OAuth` (the URL goes in the
   * OAuth policies), `SAML` or `None`.
   */
  startPage?: (typeof START_PAGES)[number];
  /** "Mobile Start URL" → `mobileStartUrl`. */
  mobileStartUrl?: string;
  /** "Logo Image URL" → `logoUrl` (https). */
  logoUrl?: string;
  /** "Icon URL" → `iconUrl` (https). */
  iconUrl?: string;
  /**
   * The app already exists in the target org, so deploying it updates it. Without
   * this, rendering a ConnectedApp warns that since Spring '26 Salesforce blocks
   * creating new connected apps.
   */
  existsInOrg?: boolean;
  /** "API (Enable OAuth Settings)". */
  oauth?: OAuthSettings;
  /** "Edit Policies": OAuth, session and client-credentials policies, profiles and permission sets. */
  policies?: AppPolicies;
  /** "Custom Attributes". */
  attributes?: readonly CustomAttribute[];
  /** Manage → "IP Ranges". */
  ipRanges?: readonly IpRange[];
  /** "Canvas App Settings". */
  canvas?: CanvasSettings;
  /** The WSDL's `canvas` element (see {@link LegacyCanvas}). */
  canvasMetadata?: LegacyCanvas;
  /** "Mobile App Settings". */
  mobile?: MobileAppSettings;
  /** "Enable SAML". */
  saml?: SamlSettings;
  /** "Plugin Class": an Apex class extending Auth.ConnectedAppPlugin → `plugin`. */
  plugin?: string;
  /** "Run Plugin as": the user the plugin runs as → `pluginExecutionUser`. */
  pluginExecutionUser?: string;
  /**
   * The component names of an External Client App's settings and policies, when they are not
   * the ones Setup gives (`<API name>_glbloauth`, `_oauth`, `_oauthPlcy`, `_plcy`); an import
   * keeps them, so a deploy updates the org's components instead of adding new ones.
   */
  externalClientAppNames?: ExternalClientAppNames;
  /**
   * The labels of an External Client App's settings and policies, when they are not their
   * component names (Setup labels each file with its name; an app deployed through the Metadata
   * API keeps the labels its files gave). By role, as {@link externalClientAppNames}.
   */
  externalClientAppLabels?: ExternalClientAppNames;
  /**
   * An External Client App's "Distribution State" → the header's `distributionState`: `Local`
   * (the default: the app lives in this org) or `Packaged` (the app goes into a second-generation
   * managed package; "the only difference in configuration between a local and a packaged external
   * client app", Salesforce Help, Package an External Client App). `Managed` and `AutoInstalled`
   * are Salesforce's own ("for internal use only") and kept only so a retrieved app round-trips.
   */
  distributionState?: (typeof DISTRIBUTION_STATES)[number];
  /**
   * A packaged External Client App hidden from subscriber orgs' metadata → the header's
   * `isProtected` ("a package construct that developers use to control the visibility of
   * components in subscriber orgs"). Default false.
   */
  protectedInPackage?: boolean;
  /**
   * The parts of an External Client App this template leaves to the org: none of their settings
   * are in the template, and `generate` writes no file for them.
   * - `globalOauth`: the global OAuth settings (Settings → OAuth Settings: callback URLs, flows,
   *   PKCE, secrets, certificate, ID token → the `_glbloauth` file), which "must not be added to
   *   source control" (Metadata API Developer Guide, ExtlClntAppGlobalOauthSettings); `oauth` then
   *   holds only what the other files carry (scopes, single logout URL, asset tokens).
   * - `oauthPolicies`: the OAuth policies (Policies → OAuth Policies → the `_oauthPlcy` file), for a
   *   set retrieved without them; `policies` is then empty.
   * An import sets this for a set that lacks those files.
   */
  managedInOrg?: readonly OrgManagedRole[];
  /**
   * An External Client App whose settings are not this template's — above all one installed from
   * a package, whose header and settings are the package's and whose policies are all an admin
   * manages (Setup → External Client App Manager → the app → Policies). Only the OAuth policies
   * (and the app policies, when the template sets any) are rendered and deployed; `apiName` is the
   * app's name, with the package's namespace (`Linear__Linear`).
   */
  policiesOnly?: boolean;
  /**
   * An External Client App's Policies → "App Policies": false turns every plugin of the app off
   * → the app policies' `isEnabled`. Default true.
   */
  enabled?: boolean;
  /**
   * An External Client App's Policies → the OAuth plugin on or off → the app policies'
   * `isOauthPluginEnabled`. Default: on when the app has OAuth settings (or only policies).
   */
  oauthEnabled?: boolean;
  /**
   * The Metadata API version this app's files are written for, like `58.0`; `--api-version`
   * overrides it. Default: sourceApiVersion. An import sets it to the version of the retrieve
   * it came from, so the file renders with the same elements, byte for byte.
   */
  metadataApiVersion?: string;
}

/**
 * What a template's `app` function receives: the environment's name and values.
 * @public
 */
export type EnvironmentContext<V extends object> = V & {
  /** The environment's name as declared (never an alias). */
  readonly name: string;
};

/** One environment: the template's own values, plus other names it answers to. */
export type EnvironmentDefinition<V extends object> = V & {
  /** Other names accepted by `--env` (for example `preprod` for `sandbox`). */
  readonly aliases?: readonly string[];
};

/**
 * A template module's default export.
 *
 * @typeParam V - the values every environment declares (for example `{ baseUrl: string }`).
 */
export interface AppTemplate<V extends object = Record<string, never>> {
  /**
   * The environments this app is rendered for, by name. The first one is the primary
   * environment: its files go to the default package directory.
   */
  environments: Readonly<Record<string, EnvironmentDefinition<V>>>;
  /**
   * What `generate` renders when `--kind` is not given: `connected-app` (the default) or
   * `external-client-app`, which Salesforce requires for new connections since Spring '26.
   */
  kind?: AppKind;
  /** The app's settings: the same for every environment, or computed from the environment. */
  app: AppSettings | ((env: EnvironmentContext<V>) => AppSettings);
}
