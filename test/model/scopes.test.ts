import { EXTERNAL_CLIENT_APP_SCOPES, EXTERNAL_CLIENT_APP_SCOPE_RANK } from '../../generator/model/externalClientAppScopes';
import { OAUTH_SCOPES, canonicalScopeOrder } from '../../generator/model/scopes';
import { XSD_FILE, requireShared } from '../helpers/paths';
import { readFileSync } from 'node:fs';

describe('scopes', () => {
  test('canonical order puts the Setup selection in retrieve order, without duplicates', () => {
    // The order retrieved files use (test/corpus/connectedAppOrdering.test.ts checks real ones).
    expect(canonicalScopeOrder(['RefreshToken', 'Web', 'Full', 'Api', 'Basic', 'Api'])).toEqual([
      'Basic',
      'Api',
      'Web',
      'Full',
      'RefreshToken',
    ]);
  });

  test('the External Client App table names every scope once, under a name of its own, in its own order', () => {
    expect(EXTERNAL_CLIENT_APP_SCOPES.map((entry) => entry.scope).sort()).toEqual([...OAUTH_SCOPES].sort());
    expect(new Set(EXTERNAL_CLIENT_APP_SCOPES.map((entry) => entry.name)).size).toBe(OAUTH_SCOPES.length);
    // A retrieve of an External Client App selecting them all (externalClientAppScopes.ts) lists these in this order.
    expect(
      canonicalScopeOrder(
        ['UserRegistration', 'CDPCalculatedInsight', 'ForgotPassword', 'CDPIdentityResolution'],
        EXTERNAL_CLIENT_APP_SCOPE_RANK,
      ),
    ).toEqual(['CDPIdentityResolution', 'ForgotPassword', 'CDPCalculatedInsight', 'UserRegistration']);
    expect(canonicalScopeOrder(['UserRegistration', 'CDPCalculatedInsight', 'ForgotPassword'])).toEqual([
      'CDPCalculatedInsight',
      'ForgotPassword',
      'UserRegistration',
    ]);
  });

  describe('the enum matches the 66.0 schema, in order', () => {
    if (!requireShared(XSD_FILE, 'scope enum against the XSD')) return;
    test('same values, same order', () => {
      const xsd = readFileSync(XSD_FILE, 'utf8');
      const block = /<xsd:simpleType name="ConnectedAppOauthAccessScope">([\s\S]*?)<\/xsd:simpleType>/.exec(xsd)?.[1] ?? '';
      const values = [...block.matchAll(/value="(\w+)"/g)].map((match) => match[1]);
      expect(OAUTH_SCOPES).toEqual(values);
    });
  });
});
