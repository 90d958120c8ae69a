/**
 * OAuth scopes: the `ConnectedAppOauthAccessScope` enum of the Metadata API.
 *
 * The order is the enum order of the Metadata API 66.0 WSDL (forcedotcom/wsdl,
 * resources/metadata.wsdl), which is also the order a retrieve writes `<scopes>` in: Salesforce
 * does not document it, but every retrieved file seen lists its scopes as a subsequence of it
 * (test/corpus/connectedAppOrdering.test.ts checks that on real retrieves).
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

/** Values of ConnectedApp's scope enum newer than ConnectedApp itself (WSDL 65.0 → 66.0); an External Client App's scopes are text, with no such limit. */
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

/** A ConnectedApp scope → its rank in the enum (the order a ConnectedApp retrieve writes). */
const SCOPE_RANK: ReadonlyMap<string, number> = new Map(OAUTH_SCOPES.map((scope, index) => [scope, index]));

/** True when `name` is a scope of the enum. */
export function isOAuthScope(name: string): name is OAuthScope {
  return SCOPE_RANK.has(name);
}

/**
 * The scopes in the order a retrieve writes them (`rank`: ConnectedApp's enum unless given),
 * duplicates removed. A scope this tool does not know (newer than API 66.0) keeps its place after
 * the known scope it follows, so a list Salesforce wrote comes out as it went in.
 */
export function canonicalScopeOrder(scopes: readonly string[], rank: ReadonlyMap<string, number> = SCOPE_RANK): string[] {
  let previousRank = -1;
  const ranked = [...new Set(scopes)].map((scope, position) => {
    const known = rank.get(scope);
    if (known !== undefined) previousRank = known;
    return { scope, rank: known ?? previousRank, unknown: known === undefined ? 1 : 0, position };
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.unknown - b.unknown || a.position - b.position).map((entry) => entry.scope);
}
