/**
 * The closed lists of values a template may use, each defined once: the template types
 * (`template.ts`) derive their unions from these arrays, the rules (`validate/appRules.ts`) check
 * values against them, and the schema tables use the same arrays for the metadata enums whose
 * values a template passes through unchanged (canvas, SAML and mobile settings).
 */

/** Setup → OAuth Policies → "Permitted Users". */
export const PERMITTED_USERS = ['all-self-authorize', 'admin-approved'] as const;

/** Setup → OAuth Policies → "IP Relaxation". */
export const IP_RELAXATIONS = ['enforce', 'enforce-relax-refresh', 'relax-activated-devices', 'relax'] as const;

/** The refresh-token policies without a period. */
export const REFRESH_TOKEN_CHOICES = ['valid-until-revoked', 'expire-immediately'] as const;

/** A unit of the refresh-token expiry periods in Setup. */
export const REFRESH_TOKEN_UNITS = ['hours', 'days', 'months'] as const;

/** Session Policies: what happens without the required session level. */
export const SESSION_POLICY_ACTIONS = ['Block', 'RaiseSessionLevel'] as const;

/** An External Client App's "Start Page" (`ExtlClntAppStartPage`). */
export const START_PAGES = ['None', 'Custom', 'OAuth', 'SAML'] as const;

/** An External Client App's "Distribution State" (`ExtlClntAppDistState`); Managed and AutoInstalled are "for internal use only" (Metadata API Developer Guide, ExternalClientApplication). */
export const DISTRIBUTION_STATES = ['Local', 'Packaged', 'Managed', 'AutoInstalled'] as const;

/** How a JWT-based access token's timeout is set (`JWTSessionTimeoutType`). */
export const JWT_SESSION_TIMEOUT_TYPES = ['UserSession', 'Custom'] as const;

/**
 * The custom timeouts of JWT-based access tokens, in minutes, with the API version that
 * introduced each (Metadata API Developer Guide, ExtlClntAppOauthConfigurablePolicies:
 * namedUserJwtTimeout, guestJwtTimeout).
 */
export const JWT_TIMEOUT_MINUTES: Readonly<Record<number, number>> = {
  1: 61,
  5: 61,
  10: 61,
  15: 61,
  30: 61,
  60: 65,
  90: 65,
  120: 65,
  240: 65,
  480: 65,
  720: 65,
};

/** What separates the names of an External Client App's comma-separated profile and permission set lists. */
export const LIST_SEPARATORS = [', ', ','] as const;

/** The line break Salesforce keeps between callback URLs. */
export const CALLBACK_LINE_BREAKS = ['lf', 'crlf'] as const;

/** "Canvas App Settings" → "Access Method" (`CanvasAccessMethod`). */
export const CANVAS_ACCESS_METHODS = ['Get', 'Post'] as const;

/** "Canvas App Settings" → "Locations" (`CanvasLocationOptions`), in the WSDL's order. */
export const CANVAS_LOCATIONS = [
  'None',
  'Chatter',
  'UserProfile',
  'Visualforce',
  'Aura',
  'Publisher',
  'ChatterFeed',
  'ServiceDesk',
  'OpenCTI',
  'AppLauncher',
  'MobileNav',
  'PageLayout',
] as const;

/** "Canvas App Settings" → "Options" (`CanvasOptions`). */
export const CANVAS_OPTIONS = ['HideShare', 'HideHeader', 'PersonalEnabled'] as const;

/** "SAML Initiation Method" (`SamlInitiationMethod`). */
export const SAML_INITIATION_METHODS = ['None', 'IdpInitiated', 'SpInitiated'] as const;

/** "Mobile App Settings" → platform (`DevicePlatformType`). */
export const DEVICE_PLATFORMS = ['ios', 'android'] as const;

/** "Mobile App Settings" → device type (`FormFactor`). */
export const DEVICE_TYPES = ['phone', 'tablet', 'minitablet'] as const;

/** "Enable SAML" → "Subject Type" (`SamlSubjectType`). */
export const SAML_SUBJECT_TYPES = ['Username', 'FederationId', 'UserId', 'SpokeId', 'CustomAttribute', 'PersistentId'] as const;

/** "Enable SAML" → "Name ID Format" (`SamlNameIdFormatType`). */
export const SAML_NAME_ID_FORMATS = ['Unspecified', 'EmailAddress', 'Persistent', 'Transient'] as const;

/** "Enable SAML" → "IdP Signature Algorithm" (`SamlSigningAlgoType`). */
export const SAML_SIGNING_ALGORITHMS = ['SHA1', 'SHA256'] as const;

/** "Enable SAML" → encryption algorithm (`SamlEncryptionType`). */
export const SAML_ENCRYPTION_TYPES = ['AES_128', 'AES_256', 'Triple_Des'] as const;

/** "Enable SAML" → "Single Logout Binding" (`SamlIdpSLOBinding`). */
export const SAML_LOGOUT_BINDINGS = ['RedirectBinding', 'PostBinding'] as const;

/** True when `value` is one of `values` (and narrows it). */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
