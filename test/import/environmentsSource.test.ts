/**
 * The module `import --into` writes: settings every environment shares written once, those that
 * differ as environment values, and evaluated it gives each environment exactly its settings.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environmentsSource } from '../../generator/import/environmentsSource';
import { sameSettings } from '../../generator/model/settingsValue';
import type { AppSettings, AppTemplate } from '../../generator/model/template';
import { evaluateTemplateSource } from '../../generator/project/templates';

const prod: AppSettings = {
  label: 'Acme Sync',
  apiName: 'Acme_Sync',
  description: 'Production',
  oauth: { callbackUrls: ['https://acme.example.com/cb'], scopes: ['Api', 'Web'] },
  policies: { refreshToken: 'valid-until-revoked', ipRelaxation: 'enforce' },
};
const sandbox: AppSettings = {
  label: 'Acme Sync',
  apiName: 'Acme_Sync',
  oauth: { callbackUrls: ['https://uat.acme.example.com/cb', "https://x.example.com/'); process.exit(1); ('"], scopes: ['Api', 'Web'] },
  policies: { refreshToken: { expireAfter: { value: 90, unit: 'days' } }, ipRelaxation: 'enforce' },
};

function evaluate(source: string): Map<string, AppSettings> {
  const template = evaluateTemplateSource(mkdtempSync(join(tmpdir(), 'connected-app-into-')), source, 'x.ts') as AppTemplate<
    Record<string, unknown>
  >;
  const app = template.app;
  return new Map(
    Object.entries(template.environments).map(([name, values]) => [name, typeof app === 'function' ? app({ ...values, name }) : app]),
  );
}

test('each environment evaluates to exactly its settings; what they share is written once', () => {
  const source = environmentsSource({
    environments: new Map([
      ['prod', prod],
      ['sandbox', sandbox],
    ]),
    kind: 'connected-app',
    unknownScopes: new Set(),
  });
  const back = evaluate(source);
  expect(sameSettings(back.get('prod'), prod)).toBe(true);
  expect(sameSettings(back.get('sandbox'), sandbox)).toBe(true);
  expect(source).toContain('oauthCallbackUrls: OAuthSettings');
  expect(source).toContain('description?: AppSettings');
  expect(source).toContain('policiesRefreshToken: AppPolicies');
  expect(source.match(/'Acme Sync'/g)).toHaveLength(1);
  expect(source).not.toContain('ipRelaxation: env.');
});

test('environments with the same settings: a plain module', () => {
  const source = environmentsSource({
    environments: new Map([
      ['prod', prod],
      ['uat', prod],
    ]),
    kind: 'external-client-app',
    unknownScopes: new Set(),
  });
  expect(source).not.toContain('env.');
  expect(source).toContain("kind: 'external-client-app'");
  expect(sameSettings(evaluate(source).get('uat'), prod)).toBe(true);
});
