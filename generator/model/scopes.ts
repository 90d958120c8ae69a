/**
 * OAuth scopes: the `ConnectedAppOauthAccessScope` enum of the Metadata API.
 *
 * The order is the enum order of the Metadata API 66.0 WSDL, which is also the order a
 * retrieve writes `<scopes>` in (shared/reference/metadata-facts.md §2.1–2.2; every
 * retrieved file in shared/corpus lists its scopes as a subsequence of it).
 */
export const OAUTH_SCOPES = [
  'Basic',
  'Api',
  'Web',
  'Full',
  'Chatter',
  'CustomApplications',
  'RefreshToken',
  'OpenID',
  'Profile',
  'Email',
  'Address',
  'Phone',
  'OfflineAccess',
  'CustomPermissions',
  'Wave',
  'Eclair',
  'Pardot',
  'Lightning',
  'Content',
  'CDPIngest',
  'CDPProfile',
  'CDPQuery',
  'Chatbot',
  'CDPSegment',
  'CDPIdentityResolution',
  'CDPCalculatedInsight',
  'ForgotPassword',
  'UserRegistration',
  'SFAP',
  'Interaction',
  'CDP',
  'EinsteinGPT',
  'PwdlessLogin',
  'MCP',
  'SCRT',
] as const;

/** A scope name as the Metadata API spells it (`Api`, not `api`). */
export type OAuthScope = (typeof OAUTH_SCOPES)[number];

/** Scopes that first appear in a later API version than ConnectedApp itself (WSDL 65.0 → 66.0). */
export const SCOPE_MIN_API: Partial<Record<OAuthScope, number>> = { MCP: 66, SCRT: 66 };

/**
 * Scopes Salesforce accepts but writes back under another name on retrieve
 * (Doc-ConnectedApp-67: Profile, Email, Address and Phone behave as Basic,
 * OfflineAccess as RefreshToken, and the retrieve list names only the latter).
 */
export const SCOPE_RETRIEVED_AS: Partial<Record<OAuthScope, OAuthScope>> = {
  Profile: 'Basic',
  Email: 'Basic',
  Address: 'Basic',
  Phone: 'Basic',
  OfflineAccess: 'RefreshToken',
};

const SCOPE_RANK = new Map<string, number>(OAUTH_SCOPES.map((scope, index) => [scope, index]));

/** True when `name` is a scope of the enum. */
export function isOAuthScope(name: string): name is OAuthScope {
  return SCOPE_RANK.has(name);
}

/** The scopes in Salesforce's canonical order, duplicates removed. */
export function canonicalScopeOrder(scopes: readonly OAuthScope[]): OAuthScope[] {
  return [...new Set(scopes)].sort((a, b) => (SCOPE_RANK.get(a) ?? 0) - (SCOPE_RANK.get(b) ?? 0));
}
