/**
 * Property: for a template in the form an import writes, import(render(t)) equals t — the
 * renderer and the import are inverses. fast-check generates the templates (labels with
 * entities and non-ASCII text, URL lists with either line break, every scope and flag).
 */
import fc from 'fast-check';
import { connectedAppSettings } from '../../generator/import/connectedAppSettings';
import { readMetadata } from '../../generator/import/readMetadata';
import { retrieveVersion } from '../../generator/import/retrieveVersion';
import { rawElementText } from '../../generator/import/units';
import { CONNECTED_APP_SCHEMA } from '../../generator/model/connectedAppSchema';
import type { ResolvedApp } from '../../generator/model/resolvedApp';
import { OAUTH_SCOPES, type OAuthScope, canonicalScopeOrder } from '../../generator/model/scopes';
import type { AppSettings } from '../../generator/model/template';
import { appDocuments, renderApp } from '../../generator/render/index';
import { parseMetadataXml } from '../../generator/xml';

/** Text a retrieve can hold: no control characters, not blank, no surrounding spaces. */
const text = (max: number) =>
  fc
    .string({ unit: fc.constantFrom(...'abcXYZ 019&<>\'"-_.:/éü→ｼ'.split('')), minLength: 1, maxLength: max })
    .map((value) => value.trim())
    .filter((value) => value !== '');

const host = fc.stringMatching(/^[a-z][a-z0-9]{0,8}\.example\.com$/);
const url = fc.tuple(host, fc.stringMatching(/^(\/[a-z0-9]{1,6}){0,3}$/)).map(([name, path]) => `https://${name}${path}`);
const optionalTrue = fc.option(fc.constant(true as const), { nil: undefined });
const names = fc.uniqueArray(text(20), { minLength: 1, maxLength: 3 });

const settings: fc.Arbitrary<AppSettings> = fc
  .record({
    label: text(80),
    apiName: fc.stringMatching(/^[A-Z][a-z0-9]{0,8}(_[A-Za-z0-9]{1,6}){0,3}$/),
    contactEmail: fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,8}[a-z0-9]$/), host).map(([user, domain]) => `${user}@${domain}`),
    description: fc.option(text(200), { nil: undefined }),
    callbackUrls: fc.uniqueArray(url, { minLength: 1, maxLength: 3 }),
    crlf: fc.boolean(),
    scopes: fc.subarray([...OAUTH_SCOPES]),
    requirePkce: fc.boolean(),
    requireSecretForWebServerFlow: fc.boolean(),
    requireSecretForRefreshTokenFlow: fc.boolean(),
    flags: fc.record({
      enableClientCredentialsFlow: optionalTrue,
      enableAuthorizationCodeAndCredentialsFlow: optionalTrue,
      requireCredentialsInPostBody: optionalTrue,
      introspectAllTokens: optionalTrue,
      issueJwtAccessTokens: optionalTrue,
      enableRefreshTokenRotation: optionalTrue,
      enableTokenExchangeFlow: optionalTrue,
      requireSecretForTokenExchangeFlow: optionalTrue,
    }),
    adminApproved: fc.boolean(),
    policy: fc.option(
      fc.record({
        ipRelaxation: fc.constantFrom('enforce', 'enforce-relax-refresh', 'relax-activated-devices', 'relax' as const),
        refreshToken: fc.oneof(
          fc.constantFrom('valid-until-revoked', 'expire-immediately' as const),
          fc.record({
            expireAfter: fc.record({ value: fc.integer({ min: 1, max: 999 }), unit: fc.constantFrom('hours', 'days', 'months' as const) }),
          }),
          fc.record({
            expireIfUnusedFor: fc.record({
              value: fc.integer({ min: 1, max: 999 }),
              unit: fc.constantFrom('hours', 'days', 'months' as const),
            }),
          }),
        ),
        enableTokenExchangeFlow: optionalTrue,
      }),
      { nil: undefined },
    ),
    profiles: fc.option(names, { nil: undefined }),
    permissionSets: fc.option(names, { nil: undefined }),
    runAs: fc.option(fc.constant('integration@acme.example'), { nil: undefined }),
  })
  .map((value) => {
    const policies = {
      permittedUsers: value.adminApproved ? ('admin-approved' as const) : ('all-self-authorize' as const),
      ...(value.policy ?? {}),
      ...(value.runAs ? { clientCredentialsRunAs: value.runAs } : {}),
      ...(value.profiles ? { profiles: value.profiles } : {}),
      ...(value.permissionSets ? { permissionSets: value.permissionSets } : {}),
    };
    const flags = Object.fromEntries(Object.entries(value.flags).filter(([, flag]) => flag !== undefined));
    const result: AppSettings = {
      label: value.label,
      apiName: value.apiName,
      existsInOrg: true,
      contactEmail: value.contactEmail,
      ...(value.description ? { description: value.description } : {}),
      oauth: {
        callbackUrls: value.callbackUrls,
        scopes: canonicalScopeOrder(value.scopes) as OAuthScope[],
        requirePkce: value.requirePkce,
        requireSecretForWebServerFlow: value.requireSecretForWebServerFlow,
        requireSecretForRefreshTokenFlow: value.requireSecretForRefreshTokenFlow,
        ...flags,
        ...(value.crlf && value.callbackUrls.length > 1 ? { callbackUrlLineBreak: 'crlf' as const } : {}),
      },
      policies: Object.fromEntries(Object.entries(policies).filter(([, item]) => item !== undefined)),
      metadataApiVersion: '66.0',
    };
    return result;
  });

function resolved(template: AppSettings, apiVersion: number): ResolvedApp {
  return {
    template: 't',
    environment: 'default',
    kind: 'connected-app',
    settings: template,
    apiName: template.apiName as string,
    contactEmail: template.contactEmail ?? null,
    apiVersion,
  };
}

function render(template: AppSettings, apiVersion: number): string {
  return renderApp(resolved(template, apiVersion))[0].content;
}

/** The import of a rendered file, the way `connected-app import` reads it. */
function importText(xml: string, apiName: string): AppSettings {
  const problems: { field: string; message: string }[] = [];
  const object = readMetadata(parseMetadataXml(xml, 'x'), CONNECTED_APP_SCHEMA, problems);
  const imported = connectedAppSettings(object ?? {}, apiName, rawElementText(xml, 'callbackUrl'), problems);
  expect(problems).toEqual([]);
  const version = retrieveVersion(appDocuments(resolved(imported.settings, 66)), [xml]);
  return version === undefined ? imported.settings : { ...imported.settings, metadataApiVersion: `${version}.0` };
}

describe('import is the inverse of render', () => {
  test('import(render(t)) equals t', () => {
    fc.assert(
      fc.property(settings, (template) => {
        expect(importText(render(template, 66), template.apiName as string)).toEqual(template);
      }),
      { numRuns: 150 },
    );
  });

  test('render(import(render(t))) equals render(t) at the flag sets of older retrieves', () => {
    fc.assert(
      fc.property(settings, fc.constantFrom(46, 49, 51, 52, 56, 57, 58, 59, 60), (template, apiVersion) => {
        const file = render(template, apiVersion);
        expect(render(importText(file, template.apiName as string), apiVersion)).toBe(file);
      }),
      { numRuns: 100 },
    );
  });
});
