import {
  connectedAppRefreshTokenFrom,
  connectedAppRefreshTokenValue,
  externalClientAppRefreshTokenFrom,
  externalClientAppRefreshTokenValues,
  ipRelaxationFrom,
  ipRelaxationValue,
  permittedUsersFrom,
  permittedUsersValue,
  jwtTimeoutFrom,
  jwtTimeoutValues,
  scopeFrom,
  scopeName,
} from '../../generator/model/codecs';
import { IP_RELAXATIONS, PERMITTED_USERS } from '../../generator/model/enums';
import type { RefreshTokenPolicy } from '../../generator/model/template';

describe('refresh-token policy', () => {
  // Spellings from the Metadata API Developer Guide (ConnectedAppOauthPolicy, ExtlClntAppOauthConfigurablePolicies).
  test.each([
    ['valid-until-revoked', 'infinite', { refreshTokenPolicyType: 'Infinite' }],
    ['expire-immediately', 'zero', { refreshTokenPolicyType: 'Zero', refreshTokenValidityPeriod: 0 }],
    [
      { expireAfter: { value: 90, unit: 'days' } },
      'specific_lifetime:90:DAYS',
      { refreshTokenPolicyType: 'SpecificLifetime', refreshTokenValidityPeriod: 90, refreshTokenValidityUnit: 'Days' },
    ],
    [
      { expireIfUnusedFor: { value: 3, unit: 'hours' } },
      'specific_inactivity:3:HOURS',
      { refreshTokenPolicyType: 'SpecificInactivity', refreshTokenValidityPeriod: 3, refreshTokenValidityUnit: 'Hours' },
    ],
    [
      { expireAfter: { value: 60, unit: 'months' } },
      'specific_lifetime:60:MONTHS',
      { refreshTokenPolicyType: 'SpecificLifetime', refreshTokenValidityPeriod: 60, refreshTokenValidityUnit: 'Months' },
    ],
  ] as const)('%j ↔ %s (ConnectedApp) and %j (External Client App)', (policy, connectedApp, eca) => {
    expect(connectedAppRefreshTokenValue(policy as RefreshTokenPolicy)).toBe(connectedApp);
    expect(connectedAppRefreshTokenFrom(connectedApp)).toEqual(policy);
    expect(externalClientAppRefreshTokenValues(policy as RefreshTokenPolicy)).toEqual(eca);
    expect(externalClientAppRefreshTokenFrom(eca)).toEqual(policy);
  });

  test('values outside the forms are not read as a policy', () => {
    expect(connectedAppRefreshTokenFrom('specific_lifetime:90:WEEKS')).toBeUndefined();
    expect(externalClientAppRefreshTokenFrom({ refreshTokenPolicyType: 'SpecificLifetime' })).toBeNull();
    expect(externalClientAppRefreshTokenFrom({})).toBeUndefined();
  });
});

describe('IP relaxation', () => {
  test.each([
    ['enforce', 'ENFORCE', 'Enforce'],
    ['enforce-relax-refresh', 'ENFORCE_RELAXREFRESH', 'Enforce_relaxrefresh'],
    ['relax-activated-devices', 'BYPASS_2FACTOR', 'Bypass_2factor'],
    ['relax', 'BYPASS', 'Bypass'],
  ] as const)('%s is %s and %s', (setting, connectedApp, eca) => {
    expect(ipRelaxationValue('connected-app', setting)).toBe(connectedApp);
    expect(ipRelaxationValue('external-client-app', setting)).toBe(eca);
    expect(ipRelaxationFrom('connected-app', connectedApp)).toBe(setting);
    expect(ipRelaxationFrom('external-client-app', eca)).toBe(setting);
  });

  test('every choice round-trips; the documentation spelling of an External Client App value is read too', () => {
    for (const setting of IP_RELAXATIONS)
      expect(ipRelaxationFrom('external-client-app', ipRelaxationValue('external-client-app', setting))).toBe(setting);
    expect(ipRelaxationFrom('external-client-app', 'Enforce_RelaxRefresh')).toBe('enforce-relax-refresh');
    expect(ipRelaxationFrom('connected-app', 'enforce_relaxrefresh')).toBeUndefined();
  });
});

test('permitted users round-trip through the External Client App values', () => {
  expect(permittedUsersValue('admin-approved')).toBe('AdminApprovedPreAuthorized');
  for (const setting of PERMITTED_USERS) expect(permittedUsersFrom(permittedUsersValue(setting))).toBe(setting);
  expect(permittedUsersFrom('Everyone')).toBeUndefined();
});

test('scope names differ between the kinds only where the External Client App spells them otherwise', () => {
  expect(scopeName('external-client-app', 'SFAP')).toBe('SFApiPlatform');
  expect(scopeName('connected-app', 'SFAP')).toBe('SFAP');
  expect(scopeFrom('external-client-app', 'SFApiPlatform')).toBe('SFAP');
  expect(scopeName('external-client-app', 'Api')).toBe('Api');
});

test('a JWT timeout round-trips through the two policy elements; contradicting elements are told apart', () => {
  for (const timeout of ['user-session', 30] as const) {
    expect(jwtTimeoutFrom('namedUser', jwtTimeoutValues('namedUser', timeout))).toBe(timeout);
  }
  expect(jwtTimeoutValues('guest', 'user-session')).toEqual({ guestJwtSessionTimeoutType: 'UserSession' });
  // Retrieves at API 61.0 to 64.0 have the minutes but not the type (65.0).
  expect(jwtTimeoutFrom('guest', { guestJwtTimeout: 10 })).toBe(10);
  expect(jwtTimeoutFrom('guest', { guestJwtSessionTimeoutType: 'UserSession', guestJwtTimeout: 10 })).toBeNull();
  expect(jwtTimeoutFrom('guest', {})).toBeUndefined();
});
