/**
 * Setup choices ↔ metadata values, in both directions and for both kinds: each table below is
 * the one place a value's spelling is written; rendering encodes with it and import decodes
 * with the same table, so the two can never disagree.
 */
import type { AppKind } from './appKind';
import { IP_RELAXATIONS, PERMITTED_USERS, REFRESH_TOKEN_UNITS, isOneOf } from './enums';
import { EXTERNAL_CLIENT_APP_SCOPES } from './externalClientAppScopes';
import type { MetadataObject } from './metadata';
import { textOf, numberOf } from './metadata';
import type { IpRelaxation, JwtTimeout, PermittedUsers, RefreshTokenPolicy } from './template';

/**
 * "IP Relaxation" as each kind writes it. ConnectedApp: `oauthPolicy/ipRelaxation` (Metadata API
 * Developer Guide, ConnectedAppOauthPolicy). External Client App: `ipRelaxationPolicyType`, with
 * the relax-for-refresh-tokens value spelt as a Salesforce retrieve writes it,
 * `Enforce_relaxrefresh` (test/render/externalClientApp.test.ts compares it with a retrieved
 * set); the guide spells it `Enforce_RelaxRefresh`, so reading ignores case.
 */
const IP_RELAXATION_VALUES: Readonly<Record<IpRelaxation, Readonly<Record<AppKind, string>>>> = {
  enforce: { 'connected-app': 'ENFORCE', 'external-client-app': 'Enforce' },
  'enforce-relax-refresh': { 'connected-app': 'ENFORCE_RELAXREFRESH', 'external-client-app': 'Enforce_relaxrefresh' },
  'relax-activated-devices': { 'connected-app': 'BYPASS_2FACTOR', 'external-client-app': 'Bypass_2factor' },
  relax: { 'connected-app': 'BYPASS', 'external-client-app': 'Bypass' },
};

/** The metadata value of an IP relaxation choice. */
export function ipRelaxationValue(kind: AppKind, setting: IpRelaxation): string {
  return IP_RELAXATION_VALUES[setting][kind];
}

/** The IP relaxation choice a metadata value stands for (an External Client App's in any case), or undefined. */
export function ipRelaxationFrom(kind: AppKind, value: string): IpRelaxation | undefined {
  const same =
    kind === 'external-client-app' ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase() : (a: string, b: string) => a === b;
  return IP_RELAXATIONS.find((setting) => same(IP_RELAXATION_VALUES[setting][kind], value));
}

/** Every metadata value of IP relaxation for a kind, for messages. */
export function ipRelaxationValues(kind: AppKind): string[] {
  return IP_RELAXATIONS.map((setting) => IP_RELAXATION_VALUES[setting][kind]);
}

/** "Permitted Users" as an External Client App's `permittedUsersPolicyType` writes it (a ConnectedApp: `isAdminApproved`). */
const PERMITTED_USERS_VALUES: Readonly<Record<PermittedUsers, string>> = {
  'all-self-authorize': 'AllSelfAuthorized',
  'admin-approved': 'AdminApprovedPreAuthorized',
};

/** An External Client App's `permittedUsersPolicyType` for a choice. */
export function permittedUsersValue(setting: PermittedUsers): string {
  return PERMITTED_USERS_VALUES[setting];
}

/** The choice a `permittedUsersPolicyType` value stands for, or undefined. */
export function permittedUsersFrom(value: string): PermittedUsers | undefined {
  return PERMITTED_USERS.find((setting) => PERMITTED_USERS_VALUES[setting] === value);
}

const CONNECTED_APP_REFRESH_TOKEN = /^(specific_lifetime|specific_inactivity):(\d+):(HOURS|DAYS|MONTHS)$/;

/** A ConnectedApp's `oauthPolicy/refreshTokenPolicy`: `infinite`, `zero`, or `specific_lifetime|specific_inactivity:N:UNIT`. */
export function connectedAppRefreshTokenValue(policy: RefreshTokenPolicy): string {
  if (policy === 'valid-until-revoked') return 'infinite';
  if (policy === 'expire-immediately') return 'zero';
  const [kind, period] =
    'expireAfter' in policy ? ['specific_lifetime', policy.expireAfter] : ['specific_inactivity', policy.expireIfUnusedFor];
  return `${kind}:${period.value}:${period.unit.toUpperCase()}`;
}

/** The choice a ConnectedApp's `refreshTokenPolicy` stands for, or undefined. */
export function connectedAppRefreshTokenFrom(value: string): RefreshTokenPolicy | undefined {
  if (value === 'infinite') return 'valid-until-revoked';
  if (value === 'zero') return 'expire-immediately';
  const match = CONNECTED_APP_REFRESH_TOKEN.exec(value);
  if (!match) return undefined;
  const period = { value: Number(match[2]), unit: match[3].toLowerCase() as (typeof REFRESH_TOKEN_UNITS)[number] };
  return match[1] === 'specific_lifetime' ? { expireAfter: period } : { expireIfUnusedFor: period };
}

/** How `refreshTokenPolicy` values are written, for messages. */
export const CONNECTED_APP_REFRESH_TOKEN_FORMS = 'infinite, zero or specific_lifetime|specific_inactivity:N:HOURS|DAYS|MONTHS';

const capitalized = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

/** An External Client App's refresh-token elements (`refreshTokenPolicyType`, period and unit) for a choice. */
export function externalClientAppRefreshTokenValues(policy: RefreshTokenPolicy): MetadataObject {
  if (policy === 'valid-until-revoked') return { refreshTokenPolicyType: 'Infinite' };
  if (policy === 'expire-immediately') return { refreshTokenPolicyType: 'Zero', refreshTokenValidityPeriod: 0 };
  const [type, period] =
    'expireAfter' in policy ? ['SpecificLifetime', policy.expireAfter] : ['SpecificInactivity', policy.expireIfUnusedFor];
  return { refreshTokenPolicyType: type, refreshTokenValidityPeriod: period.value, refreshTokenValidityUnit: capitalized(period.unit) };
}

/**
 * The choice an External Client App's OAuth policies state: undefined without a
 * `refreshTokenPolicyType`; `null` when the type needs a period and unit the policies lack.
 */
export function externalClientAppRefreshTokenFrom(policies: MetadataObject): RefreshTokenPolicy | null | undefined {
  const type = textOf(policies.refreshTokenPolicyType);
  if (type === undefined) return undefined;
  if (type === 'Infinite') return 'valid-until-revoked';
  if (type === 'Zero') return 'expire-immediately';
  const value = numberOf(policies.refreshTokenValidityPeriod);
  const unit = textOf(policies.refreshTokenValidityUnit)?.toLowerCase();
  if (value === undefined || !isOneOf(REFRESH_TOKEN_UNITS, unit)) return null;
  const period = { value, unit };
  return type === 'SpecificLifetime' ? { expireAfter: period } : { expireIfUnusedFor: period };
}

/**
 * A JWT-based access token timeout as an External Client App's OAuth policies write it: the
 * `…JwtSessionTimeoutType` and, for a custom timeout, the `…JwtTimeout` in minutes (Metadata API
 * Developer Guide, ExtlClntAppOauthConfigurablePolicies: with UserSession, "omit this field").
 * `prefix` is `namedUser` or `guest`.
 */
export function jwtTimeoutValues(prefix: 'namedUser' | 'guest', timeout: JwtTimeout | undefined): MetadataObject {
  if (timeout === undefined) return {};
  if (timeout === 'user-session') return { [`${prefix}JwtSessionTimeoutType`]: 'UserSession' };
  return { [`${prefix}JwtSessionTimeoutType`]: 'Custom', [`${prefix}JwtTimeout`]: timeout };
}

/**
 * The timeout an External Client App's OAuth policies state: undefined without one; `null` when
 * the elements contradict each other (a UserSession type with minutes).
 */
export function jwtTimeoutFrom(prefix: 'namedUser' | 'guest', policies: MetadataObject): JwtTimeout | null | undefined {
  const type = textOf(policies[`${prefix}JwtSessionTimeoutType`]);
  const minutes = numberOf(policies[`${prefix}JwtTimeout`]);
  if (type === 'UserSession') return minutes === undefined ? 'user-session' : null;
  if (type === 'Custom') return minutes ?? null;
  return minutes;
}

const EXTERNAL_CLIENT_APP_SCOPE_NAME: ReadonlyMap<string, string> = new Map(
  EXTERNAL_CLIENT_APP_SCOPES.map(({ scope, name }) => [scope, name]),
);

const SCOPE_FROM_EXTERNAL_CLIENT_APP: ReadonlyMap<string, string> = new Map(
  EXTERNAL_CLIENT_APP_SCOPES.map(({ scope, name }) => [name, scope]),
);

/** A scope as the kind's metadata names it (externalClientAppScopes.ts: `SFAP` is `SFApiPlatform` in an External Client App). */
export function scopeName(kind: AppKind, scope: string): string {
  return kind === 'external-client-app' ? (EXTERNAL_CLIENT_APP_SCOPE_NAME.get(scope) ?? scope) : scope;
}

/** The template's scope for a name the kind's metadata uses. */
export function scopeFrom(kind: AppKind, name: string): string {
  return kind === 'external-client-app' ? (SCOPE_FROM_EXTERNAL_CLIENT_APP.get(name) ?? name) : name;
}
