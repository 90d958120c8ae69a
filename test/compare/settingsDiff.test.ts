/**
 * The settings comparison behind `diff` and `changes`: settings compared after the same
 * normalization on both sides, each difference named by its Setup label with both values in
 * Setup's words.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compareSettings, normalizedSettings, setupValue } from '../../generator/compare/settingsDiff';
import { type MetadataText, settingsFromTexts } from '../../generator/import/settingsFromTexts';
import { SETUP_LABELS, UNCOMPARED_SETTINGS } from '../../generator/model/setupLabels';
import type { AppSettings } from '../../generator/model/template';
import { renderApp } from '../../generator/render/index';
import { fullcastApp } from '../helpers/fullcast';
import { REPO_ROOT } from '../helpers/paths';

const app = fullcastApp('prod');
const compared = { kind: app.kind, apiName: app.apiName, apiVersion: app.apiVersion };
const settings = { ...app.settings, contactEmail: app.contactEmail };

test('equal settings compare equal, whether a default is written out or left out', () => {
  const explicit: AppSettings = { ...settings, oauth: { ...settings.oauth, scopes: settings.oauth?.scopes ?? [], requirePkce: false } };
  const withoutPkce = { ...explicit.oauth, scopes: explicit.oauth?.scopes ?? [], requirePkce: undefined };
  expect(
    compareSettings(normalizedSettings(explicit, compared), normalizedSettings({ ...settings, oauth: withoutPkce }, compared)),
  ).toEqual([]);
});

test("a changed refresh token policy is said in Setup's words", () => {
  const after: AppSettings = {
    ...settings,
    policies: { ...settings.policies, refreshToken: { expireAfter: { value: 90, unit: 'days' } } },
  };
  expect(compareSettings(normalizedSettings(settings, compared), normalizedSettings(after, compared))).toEqual([
    { setting: 'policies.refreshToken', label: 'Refresh Token Policy', left: 'valid until revoked', right: 'expire after 90 days' },
  ]);
});

test('callback URLs, permitted users and a setting only one side has', () => {
  const after: AppSettings = {
    ...settings,
    description: 'Syncs plans',
    oauth: { ...settings.oauth, scopes: settings.oauth?.scopes ?? [], callbackUrls: ['https://app.fullcast.io/other'] },
    policies: { ...settings.policies, permittedUsers: 'admin-approved', profiles: ['System Administrator'] },
  };
  const differences = compareSettings(normalizedSettings(settings, compared), normalizedSettings(after, compared));
  expect(differences.map((difference) => [difference.label, difference.right])).toEqual(
    expect.arrayContaining([
      ['Description', 'Syncs plans'],
      ['Callback URL', 'https://app.fullcast.io/other'],
      ['Permitted Users', 'Admin approved users are pre-authorized'],
      ['Profiles', 'System Administrator'],
    ]),
  );
  expect(differences.find((difference) => difference.label === 'Description')?.left).toBe('(not set)');
});

test('a setting the API version cannot express is left out on both sides', () => {
  const old = { ...compared, apiVersion: 48 };
  const after: AppSettings = {
    ...settings,
    oauth: { ...settings.oauth, scopes: settings.oauth?.scopes ?? [], enableRefreshTokenRotation: true },
  };
  expect(compareSettings(normalizedSettings(settings, old), normalizedSettings(after, old))).toEqual([]);
  expect(compareSettings(normalizedSettings(settings, compared), normalizedSettings(after, compared))).toHaveLength(1);
});

test("values in Setup's words", () => {
  expect(setupValue('oauth.requirePkce', true)).toBe('checked');
  expect(setupValue('policies.ipRelaxation', 'enforce-relax-refresh')).toBe('Enforce IP restrictions, but relax for refresh tokens');
  expect(setupValue('policies.refreshToken', { expireIfUnusedFor: { value: 1, unit: 'months' } })).toBe('expire if not used for 1 month');
  expect(setupValue('policies.namedUserJwtTimeout', 30)).toBe('30 minutes');
  expect(setupValue('oauth.scopes', ['Api', 'Web'])).toBe('Api, Web');
  expect(setupValue('label', undefined)).toBe('(not set)');
});

/** Every setting path of imported settings, sub-objects of labelled groups opened. */
function paths(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, item]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const group = ['oauth', 'policies', 'oauth.idToken', 'oauth.assetTokens'].includes(path);
    return group && typeof item === 'object' && item !== null ? paths(item as Record<string, unknown>, path) : [path];
  });
}

test('every setting an import of the fixtures and the built-in template gives has a Setup label', () => {
  const problems: { field: string; message: string }[] = [];
  const sets: AppSettings[] = [normalizedSettings(settings, compared)];
  const fixtures = join(REPO_ROOT, 'test', 'fixtures', 'eca');
  for (const set of readdirSync(fixtures)) {
    const files: MetadataText[] = readdirSync(join(fixtures, set)).flatMap((folder) =>
      readdirSync(join(fixtures, set, folder)).map((name) => ({
        type: {
          externalClientApps: 'ExternalClientApplication',
          extlClntAppGlobalOauthSets: 'ExtlClntAppGlobalOauthSettings',
          extlClntAppOauthSettings: 'ExtlClntAppOauthSettings',
          extlClntAppOauthPolicies: 'ExtlClntAppOauthConfigurablePolicies',
          extlClntAppPolicies: 'ExtlClntAppConfigurablePolicies',
        }[folder] as string,
        fullName: name.split('.')[0],
        text: readFileSync(join(fixtures, set, folder, name), 'utf8'),
        source: `${set}/${folder}/${name}`,
      })),
    );
    const header = files.find((file) => file.type === 'ExternalClientApplication');
    const read = settingsFromTexts('external-client-app', header?.fullName ?? 'Acme', files, problems);
    if (read) sets.push(read);
  }
  expect(sets.length).toBeGreaterThan(2);
  const unlabelled = new Set(
    sets
      .flatMap((set) => paths(set as Record<string, unknown>))
      .filter((path) => !SETUP_LABELS[path] && !UNCOMPARED_SETTINGS.includes(path)),
  );
  expect([...unlabelled]).toEqual([]);
});

test('the rendered file reads back to the settings it came from', () => {
  const [file] = renderApp(app);
  const read = settingsFromTexts(
    'connected-app',
    app.apiName,
    [{ type: file.type, fullName: file.fullName, text: file.content, source: file.path }],
    [],
  );
  expect(compareSettings(read as AppSettings, normalizedSettings(settings, compared))).toEqual([]);
});
