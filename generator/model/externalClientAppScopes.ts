/**
 * OAuth scopes as an External Client App's `commaSeparatedOauthScopes` writes them, kept apart
 * from ConnectedApp's enum (scopes.ts) because the two differ:
 *
 * - names: the value list of ExtlClntAppOauthSettings (Metadata API Developer Guide) spells the
 *   API Platform scope `SFApiPlatform` where ConnectedApp's enum has `SFAP`; every other name is
 *   the same;
 * - order: a retrieve lists the scopes in this order, which is not ConnectedApp's —
 *   `ForgotPassword` comes before `CDPCalculatedInsight`, and `UserRegistration` after it (a
 *   retrieved file selecting every scope: "… CDPIdentityResolution, ForgotPassword,
 *   CDPCalculatedInsight, UserRegistration, SFApiPlatform, Interaction, CDP, EinsteinGPT,
 *   PwdlessLogin"; `MCP` follows `RefreshToken` in the ones that select it);
 * - versions: the element is a string, not an enum, so no scope waits for an API version
 *   (retrieves at 64.0 list `MCP`, which ConnectedApp's enum has from 66.0).
 *
 * A template names scopes as ConnectedApp does (`OAuthScope`); this table maps them.
 * test/corpus/ecaOrdering.test.ts checks every retrieved file against it.
 */
import type { OAuthScope } from './scopes';

/** Each scope, with the name an External Client App file writes for it, in the order retrieves list them. */
export const EXTERNAL_CLIENT_APP_SCOPES: readonly { readonly scope: OAuthScope; readonly name: string }[] = [
  { scope: 'Basic', name: 'Basic' },
  { scope: 'Api', name: 'Api' },
  { scope: 'Web', name: 'Web' },
  { scope: 'Full', name: 'Full' },
  { scope: 'Chatter', name: 'Chatter' },
  { scope: 'CustomApplications', name: 'CustomApplications' },
  { scope: 'RefreshToken', name: 'RefreshToken' },
  { scope: 'OpenID', name: 'OpenID' },
  { scope: 'Profile', name: 'Profile' },
  { scope: 'Email', name: 'Email' },
  { scope: 'Address', name: 'Address' },
  { scope: 'Phone', name: 'Phone' },
  { scope: 'OfflineAccess', name: 'OfflineAccess' },
  { scope: 'CustomPermissions', name: 'CustomPermissions' },
  { scope: 'Wave', name: 'Wave' },
  { scope: 'Eclair', name: 'Eclair' },
  { scope: 'Pardot', name: 'Pardot' },
  { scope: 'Lightning', name: 'Lightning' },
  { scope: 'Content', name: 'Content' },
  { scope: 'CDPIngest', name: 'CDPIngest' },
  { scope: 'CDPProfile', name: 'CDPProfile' },
  { scope: 'CDPQuery', name: 'CDPQuery' },
  { scope: 'Chatbot', name: 'Chatbot' },
  { scope: 'CDPSegment', name: 'CDPSegment' },
  { scope: 'CDPIdentityResolution', name: 'CDPIdentityResolution' },
  { scope: 'ForgotPassword', name: 'ForgotPassword' },
  { scope: 'CDPCalculatedInsight', name: 'CDPCalculatedInsight' },
  { scope: 'UserRegistration', name: 'UserRegistration' },
  { scope: 'SFAP', name: 'SFApiPlatform' },
  { scope: 'Interaction', name: 'Interaction' },
  { scope: 'CDP', name: 'CDP' },
  { scope: 'EinsteinGPT', name: 'EinsteinGPT' },
  { scope: 'PwdlessLogin', name: 'PwdlessLogin' },
  { scope: 'MCP', name: 'MCP' },
  { scope: 'SCRT', name: 'SCRT' },
];

/** A template scope → its rank in an External Client App file. */
export const EXTERNAL_CLIENT_APP_SCOPE_RANK: ReadonlyMap<string, number> = new Map(
  EXTERNAL_CLIENT_APP_SCOPES.map((entry, index) => [entry.scope, index]),
);
