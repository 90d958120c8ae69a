/**
 * Fuzz: templates full of hostile values — any Unicode text (control characters, lone
 * surrogates, markup), malformed URLs and emails, unknown scopes, odd environment names,
 * values of the wrong type — go through validation and rendering. Nothing throws: the
 * outcome is either problems, each naming a field, or files shaped as a retrieve writes
 * them (well-formed XML, the declaration, the Metadata namespace, 4-space indentation).
 */
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { OAUTH_SCOPES } from '../../generator/model/scopes';
import { renderApp } from '../../generator/render/index';
import { type ResolveRequest, contactEmailFlagProblem, resolveApp } from '../../generator/validate/resolveApp';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
/** Characters XML 1.0 forbids, and UTF-16 halves without their pair. */
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text of any kind: full Unicode with lone surrogates, markup and entity fragments, or blank. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 90 }),
  fc.string({ unit: fc.constantFrom(...'<>&;"\' \t\r\n]]>!--x#é\u0000\u0007\uFFFE\uD800'.split('')), maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 90 }),
  fc.constantFrom('', ' ', 'Fullcast Motion Package', 'A'.repeat(81), '<label>x</label>', ']]>', '&amp;'),
);
const hostileUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  hostileText,
  fc.constantFrom(
    'http://a.example.com/cb',
    'https://',
    'https://a.example.com/cb\nhttps://b',
    'javascript:alert(1)',
    'https://a.example.com/' + 'p'.repeat(2000),
    'myapp://callback',
  ),
);
const hostileEmail = fc.oneof(fc.emailAddress(), hostileText, fc.constantFrom('a@b', '@example.com', 'a@@example.com', 'a@example.com\n'));
const scope = fc.oneof(fc.constantFrom(...OAUTH_SCOPES), hostileText);
/** A value of any type, for fields that expect one particular type. */
const anyValue = fc.anything({ maxDepth: 2, withNullPrototype: true });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.option(fc.oneof({ arbitrary, weight: 9 }, { arbitrary: anyValue, weight: 1 }), { nil: undefined, freq: 3 });
/** Mostly a valid value, sometimes a hostile one: enough templates get through validation to exercise rendering. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: hostile, weight: 1 });
const goodText = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
  .map((value) => value.trim())
  .filter((value) => value !== '');

const settings = fc.record(
  {
    label: mostly(goodText, fc.oneof(hostileText, anyValue)),
    apiName: fc.option(mostly(fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,10}(_[A-Za-z0-9]{1,5}){0,2}$/), hostileText), { nil: undefined }),
    contactEmail: mostly(fc.emailAddress(), hostileEmail),
    description: maybe(mostly(goodText, hostileText)),
    existsInOrg: maybe(fc.boolean()),
    oauth: fc.oneof(
      fc.record(
        {
          callbackUrls: mostly(
            fc.uniqueArray(fc.webUrl({ validSchemes: ['https'] }), { minLength: 1, maxLength: 3 }),
            fc.oneof(fc.array(hostileUrl, { maxLength: 4 }), anyValue),
          ),
          scopes: mostly(fc.subarray([...OAUTH_SCOPES]), fc.oneof(fc.array(scope, { maxLength: 6 }), anyValue)),
          requirePkce: maybe(fc.boolean()),
          requireSecretForWebServerFlow: maybe(fc.boolean()),
          requireSecretForRefreshTokenFlow: maybe(fc.boolean()),
          enableClientCredentialsFlow: maybe(fc.boolean()),
          callbackUrlLineBreak: maybe(fc.constantFrom('crlf', 'lf')),
        },
        { requiredKeys: ['callbackUrls', 'scopes'] },
      ),
      anyValue,
    ),
    policies: maybe(
      fc.record({
        permittedUsers: maybe(fc.constantFrom('admin-approved', 'all-self-authorize')),
        ipRelaxation: maybe(fc.constantFrom('enforce', 'relax', 'enforce-relax-refresh')),
        refreshToken: maybe(
          fc.oneof(
            fc.constantFrom('valid-until-revoked', 'expire-immediately'),
            fc.record({ expireAfter: fc.record({ value: fc.integer(), unit: hostileText }) }),
          ),
        ),
        profiles: maybe(fc.array(hostileText, { maxLength: 3 })),
        clientCredentialsRunAs: maybe(hostileEmail),
      }),
    ),
    startUrl: maybe(mostly(fc.webUrl({ validSchemes: ['https'] }), hostileUrl)),
    metadataApiVersion: maybe(
      mostly(fc.constantFrom('66.0', '60.0', '52.0', '46.0', '30.0'), fc.oneof(fc.constantFrom('29.0', '67.0', '52'), hostileText)),
    ),
  },
  { requiredKeys: ['label', 'oauth'] },
);

const environmentName = mostly(fc.constantFrom('prod', 'sandbox', 'uat-2', 'a_b'), fc.string({ unit: 'binary', maxLength: 45 }));

const request = fc.record({
  environments: mostly(
    fc.constant({ prod: {}, sandbox: { aliases: ['preprod'] } }),
    fc.dictionary(environmentName, fc.record({ aliases: fc.option(fc.array(environmentName, { maxLength: 2 }), { nil: undefined }) }), {
      minKeys: 0,
      maxKeys: 3,
    }),
  ),
  settings,
  environment: mostly(fc.constantFrom('prod', 'preprod'), fc.option(environmentName, { nil: undefined })),
  kind: fc.option(fc.constantFrom('connected-app' as const, 'external-client-app' as const), { nil: undefined }),
  flagEmail: fc.option(mostly(fc.emailAddress(), hostileEmail), { nil: undefined }),
});

/** Asserts that `content` is shaped as a retrieve writes metadata. */
function expectRetrieveShaped(path: string, content: string): void {
  expect([path, content.startsWith(DECLARATION), content.endsWith('>\n')]).toEqual([path, true, true]);
  expect([path, XMLValidator.validate(content)]).toEqual([path, true]);
  expect([path, NOT_XML.test(content)]).toEqual([path, false]);
  const lines = content.split('\n');
  expect(lines[1]).toMatch(/^<[A-Za-z]+ xmlns="http:\/\/soap\.sforce\.com\/2006\/04\/metadata">$/);
  const tagLines = lines.filter((line) => /^\s*</.test(line));
  expect(tagLines.filter((line) => !/^( {4})*</.test(line))).toEqual([]);
  expect(content).not.toMatch(/<consumer(Key|Secret)>/);
}

describe('hostile templates through validate and render', () => {
  test('never throw: problems that name a field, or retrieve-shaped files', () => {
    let rendered = 0;
    fc.assert(
      fc.property(request, (input) => {
        // generate checks a --contact-email flag once per run, before any template is read.
        const flagProblem = contactEmailFlagProblem(input.flagEmail);
        if (flagProblem) {
          expect(flagProblem.message.includes('\n')).toBe(false);
          return;
        }
        const resolve: ResolveRequest = {
          template: 'fuzz',
          file: 'templates/fuzz.ts',
          exported: { environments: input.environments, app: input.settings },
          environment: input.environment,
          kind: input.kind,
          contactEmail: { flag: input.flagEmail },
          apiVersion: { version: 66, source: 'sourceApiVersion in sfdx-project.json' },
        };
        const outcome = resolveApp(resolve);
        if (!outcome.app) {
          expect(outcome.problems.length).toBeGreaterThan(0);
          for (const problem of outcome.problems)
            expect([typeof problem.field, problem.message.length > 0, problem.message.includes('\n')]).toEqual(['string', true, false]);
          return;
        }
        expect(outcome.problems).toEqual([]);
        rendered++;
        for (const file of renderApp(outcome.app)) expectRetrieveShaped(file.path, file.content);
      }),
      { numRuns: 3000, seed: 20261128 },
    );
    console.log(`3000 hostile templates, ${rendered} valid enough to render`);
    expect(rendered).toBeGreaterThan(50);
  });

  test('valid templates with hostile text in free-text fields render retrieve-shaped files', () => {
    let rendered = 0;
    fc.assert(
      fc.property(
        hostileText,
        hostileText,
        fc.constantFrom('connected-app' as const, 'external-client-app' as const),
        (label, description, kind) => {
          const outcome = resolveApp({
            template: 'fuzz',
            file: 'templates/fuzz.ts',
            exported: {
              environments: { prod: {} },
              kind,
              app: {
                label,
                description,
                apiName: 'Fuzz_App',
                contactEmail: 'admin@example.com',
                oauth: { callbackUrls: ['https://a.example.com/cb'], scopes: ['Api'] },
              },
            },
            contactEmail: {},
            apiVersion: { version: 66, source: 'sourceApiVersion in sfdx-project.json' },
          });
          if (!outcome.app) {
            expect(outcome.problems.map((problem) => problem.field).every((field) => field === 'label' || field === 'description')).toBe(
              true,
            );
            return;
          }
          rendered++;
          for (const file of renderApp(outcome.app)) expectRetrieveShaped(file.path, file.content);
        },
      ),
      { numRuns: 2000, seed: 20261128 },
    );
    expect(rendered).toBeGreaterThan(200);
  });
});
