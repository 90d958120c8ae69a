import { contactEmailFlagProblem, resolveApp, type ResolveRequest } from '../../generator/validate/resolveApp';
import type { AppSettings } from '../../generator/model/template';
import { privateKeyHeader } from '../helpers/secretShapes';

const BASE: AppSettings = {
  label: 'Fullcast Motion Package',
  oauth: { callbackUrls: ['https://app.fullcast.io/app/motion/segments'], scopes: ['Basic', 'Api'] },
  policies: { ipRelaxation: 'enforce-relax-refresh' },
};

function request(settings: unknown, overrides: Partial<ResolveRequest> = {}): ResolveRequest {
  return {
    template: 'sample',
    file: 'templates/sample.ts',
    exported: { environments: { prod: {}, sandbox: { aliases: ['preprod'] } }, app: settings },
    environment: 'prod',
    contactEmail: { flag: 'admin@example.com' },
    apiVersion: { version: 66, source: 'sourceApiVersion in sfdx-project.json' },
    ...overrides,
  };
}

/** The problems for settings merged over the valid base, as `field: message` lines. */
function problemsOf(settings: Record<string, unknown>, overrides: Partial<ResolveRequest> = {}): string[] {
  return resolveApp(request({ ...BASE, ...settings }, overrides)).problems.map((problem) => `${problem.field}: ${problem.message}`);
}

const oauth = (fields: Record<string, unknown>) => ({ oauth: { ...BASE.oauth, ...fields } });
const policies = (fields: Record<string, unknown>) => ({ policies: { ...fields } });

describe('a valid template', () => {
  test('resolves with the API name derived from the label', () => {
    const outcome = resolveApp(request(BASE));
    expect(outcome.problems).toEqual([]);
    expect(outcome.app).toMatchObject({
      apiName: 'Fullcast_Motion_Package',
      environment: 'prod',
      contactEmail: 'admin@example.com',
      apiVersion: 66,
    });
  });

  test('resolves an alias to the declared environment and passes its values to app()', () => {
    const exported = {
      environments: { prod: { host: 'a' }, sandbox: { host: 'b', aliases: ['preprod'] } },
      app: (env: { host: string; name: string }) => ({ ...BASE, description: `${env.name}:${env.host}` }),
    };
    const outcome = resolveApp(request(undefined, { exported, environment: 'preprod' }));
    expect(outcome.app?.environment).toBe('sandbox');
    expect(outcome.app?.settings.description).toBe('sandbox:b');
  });

  test('picks the only environment when none is given', () => {
    const exported = { environments: { default: {} }, app: BASE };
    expect(resolveApp(request(undefined, { exported, environment: undefined })).app?.environment).toBe('default');
  });
});

describe('environments', () => {
  test('an unknown environment lists the known ones with their aliases', () => {
    expect(problemsOf({}, { environment: 'qa' })).toEqual([
      "--env: unknown environment 'qa' for sample; known: prod, sandbox (alias preprod)",
    ]);
  });

  test('several environments and no --env asks for one', () => {
    expect(problemsOf({}, { environment: undefined })).toEqual([
      '--env: sample has several environments; choose one: prod, sandbox (alias preprod)',
    ]);
  });

  test('environment names must be usable as folder names, and unique', () => {
    const exported = { environments: { prod: {}, '../x': {}, sandbox: { aliases: ['prod'] } }, app: BASE };
    expect(resolveApp(request(undefined, { exported })).problems.map((problem) => problem.field)).toEqual([
      'environments.../x',
      'environments.sandbox.aliases[0]',
    ]);
  });

  test('an app() that throws is reported, not crashed on', () => {
    const exported = {
      environments: { prod: {} },
      app: () => {
        throw new Error('no baseUrl');
      },
    };
    expect(resolveApp(request(undefined, { exported })).problems).toEqual([
      { field: 'app', message: 'failed for environment prod: no baseUrl' },
    ]);
  });
});

describe('template shape', () => {
  test('a misspelt field is named, with a suggestion', () => {
    expect(problemsOf(oauth({ callbackUrl: 'https://x.example.com' }))).toContain(
      'oauth.callbackUrl: is not a known field (did you mean callbackUrls?)',
    );
  });

  test('a string where a list belongs is named', () => {
    expect(problemsOf(oauth({ scopes: 'Api' }))).toEqual(['oauth.scopes: must be a list, not a string']);
  });

  test('a missing required field is named', () => {
    const rest: Partial<typeof BASE> = { ...BASE };
    delete rest.label;
    expect(resolveApp(request(rest)).problems).toEqual([{ field: 'label', message: 'is required' }]);
  });

  test('a module without environments or app is named', () => {
    expect(resolveApp(request(undefined, { exported: {} })).problems.map((problem) => problem.field)).toEqual(['environments', 'app']);
  });
});

describe('contact email', () => {
  test('missing everywhere: one error naming both ways to give it', () => {
    expect(problemsOf({}, { contactEmail: {} })).toEqual([
      'contactEmail: is missing: pass --contact-email you@example.com once (connected-app.json remembers it), or set contactEmail in templates/sample.ts',
    ]);
  });

  test('the flag wins over the remembered setting and the template', () => {
    const outcome = resolveApp(
      request({ ...BASE, contactEmail: 't@example.com' }, { contactEmail: { flag: 'f@example.com', settings: 's@example.com' } }),
    );
    expect(outcome.app?.contactEmail).toBe('f@example.com');
  });

  test('the remembered setting wins over the template', () => {
    const outcome = resolveApp(request({ ...BASE, contactEmail: 't@example.com' }, { contactEmail: { settings: 's@example.com' } }));
    expect(outcome.app?.contactEmail).toBe('s@example.com');
  });

  test.each(['admin', 'admin@', 'a b@example.com', 'admin@example', `${'a'.repeat(75)}@example.com`])(
    '%s is refused, naming where it came from',
    (email) => {
      expect(contactEmailFlagProblem(email)?.field).toBe('--contact-email');
      expect(problemsOf({ contactEmail: email }, { contactEmail: {} })[0]).toMatch(/^contactEmail: /);
    },
  );
});

describe('names', () => {
  test.each([
    ['1App', "apiName: '1App' must start with a letter"],
    ['My-App', "apiName: 'My-App' may contain only letters, digits and underscores"],
    ['My__App', "apiName: 'My__App' may not contain two underscores in a row"],
    ['My_App_', "apiName: 'My_App_' may not end with an underscore"],
    ['A'.repeat(41), `apiName: '${'A'.repeat(41)}' is 41 characters long; the limit is 40`],
  ])('API name %s', (apiName, message) => {
    expect(problemsOf({ apiName })).toEqual([message]);
  });

  test('a label without letters gives no usable API name', () => {
    expect(problemsOf({ label: '日本語' })).toEqual(["apiName: the name derived from the label, '', is empty; set apiName"]);
  });

  test('a label of 81 characters is too long; 80 is fine', () => {
    expect(problemsOf({ label: 'L'.repeat(80), apiName: 'L' })).toEqual([]);
    expect(problemsOf({ label: 'L'.repeat(81), apiName: 'L' })).toEqual(['label: is 81 characters long; the limit is 80']);
  });

  test('an empty label and a label with a line break are refused', () => {
    expect(problemsOf({ label: ' ', apiName: 'X' })).toEqual(['label: is empty']);
    expect(problemsOf({ label: 'A\nB', apiName: 'X' })).toEqual(['label: may not contain a line break']);
  });
});

describe('callback URLs', () => {
  test.each([
    ['http://app.fullcast.io/cb', 'uses http; use https (http is allowed only for localhost)'],
    ['javascript:alert(1)', 'uses the javascript: scheme, which must never receive OAuth redirects'],
    ['data:text/html,hi', 'uses the data: scheme, which must never receive OAuth redirects'],
    ['JavaScript:alert(1)', 'uses the javascript: scheme, which must never receive OAuth redirects'],
    ['https://app.fullcast.io/a b', 'contains whitespace, a line break or a control character'],
    ['https://app.fullcast.io/a\nhttps://b', 'contains whitespace, a line break or a control character'],
    ['app.fullcast.io/cb', 'has no scheme; write it as https://host/path'],
    ['https://', 'is not a valid URL'],
    ['https://user:pw@app.fullcast.io/cb', 'may not carry a user name or password'],
    ['', 'is empty'],
  ])('%j is refused', (url, message) => {
    // A message is one line: a line break in the value is quoted as \n.
    expect(problemsOf(oauth({ callbackUrls: [url] }))).toEqual([`oauth.callbackUrls[0]: '${url.replace('\n', '\\n')}' ${message}`]);
  });

  test.each([
    'https://app.fullcast.io/app/admin/motion',
    'http://localhost:1717/OauthRedirect',
    'http://127.0.0.1:8080/cb',
    'sfdc://success',
    'com.example.app:/oauth2redirect',
  ])('%s is accepted', (url) => {
    expect(problemsOf(oauth({ callbackUrls: [url] }))).toEqual([]);
  });

  test('duplicates and an empty list are refused', () => {
    expect(problemsOf(oauth({ callbackUrls: ['https://a.example.com', 'https://a.example.com'] }))).toEqual([
      "oauth.callbackUrls[1]: 'https://a.example.com' is listed twice",
    ]);
    expect(problemsOf(oauth({ callbackUrls: [] }))).toEqual(['oauth.callbackUrls: needs at least one URL']);
  });

  test('a fragment or a very long list gives a warning, not an error', () => {
    const long = Array.from({ length: 30 }, (_, index) => `https://app${index}.example.com/${'p'.repeat(60)}`);
    const outcome = resolveApp(request({ ...BASE, oauth: { ...BASE.oauth, callbackUrls: ['https://a.example.com/#x', ...long] } }));
    expect(outcome.problems).toEqual([]);
    expect(outcome.warnings.join('\n')).toMatch(/#fragment[\s\S]*limit of 2000/);
  });
});

describe('scopes', () => {
  test('a token name suggests the metadata name', () => {
    expect(problemsOf(oauth({ scopes: ['api', 'refresh_token'] }))).toEqual([
      "oauth.scopes[0]: 'api' is not a scope name (did you mean Api?)",
      "oauth.scopes[1]: 'refresh_token' is not a scope name (did you mean RefreshToken?)",
    ]);
  });

  test('a misspelt scope, one that is no identifier and a duplicate are refused', () => {
    expect(problemsOf(oauth({ scopes: ['Apii'] }))).toEqual(["oauth.scopes[0]: 'Apii' is not a scope name (did you mean Api?)"]);
    expect(problemsOf(oauth({ scopes: ['full access'] }))).toEqual(["oauth.scopes[0]: 'full access' is not a scope name"]);
    expect(problemsOf(oauth({ scopes: ['Api', 'Api'] }))).toEqual(["oauth.scopes[1]: 'Api' is listed twice"]);
  });

  test('a scope newer than API 66.0 and an empty list are warnings (retrieved apps have both)', () => {
    const unknown = resolveApp(request({ ...BASE, oauth: { ...BASE.oauth, scopes: ['Api', 'DataCloudUserClaims'] } }));
    expect(unknown.problems).toEqual([]);
    expect(unknown.warnings).toEqual([
      "oauth.scopes[1]: 'DataCloudUserClaims' is not a scope of API 66.0; it is written as given, and an org that does not know it will refuse it",
    ]);
    const none = resolveApp(request({ ...BASE, oauth: { ...BASE.oauth, scopes: [] } }));
    expect(none.problems).toEqual([]);
    expect(none.warnings).toEqual(['oauth.scopes: none selected, so users cannot authorize the app']);
  });

  test('a scope newer than the API version is refused', () => {
    expect(problemsOf(oauth({ scopes: ['MCP'] }), { apiVersion: { version: 65, source: '--api-version' } })).toEqual([
      "oauth.scopes[0]: 'MCP' needs API 66.0 or later",
    ]);
  });

  test('a scope a retrieve renames gives a warning', () => {
    const outcome = resolveApp(request({ ...BASE, oauth: { ...BASE.oauth, scopes: ['Email'] } }));
    expect(outcome.warnings).toEqual(["oauth.scopes[0]: a retrieve writes 'Email' back as 'Basic'; list 'Basic' to keep git clean"]);
  });
});

describe('policies', () => {
  test.each([
    [{ permittedUsers: 'admins' }, "policies.permittedUsers: 'admins' is not one of all-self-authorize, admin-approved"],
    [
      { ipRelaxation: 'enforce_relax_refresh' },
      "policies.ipRelaxation: 'enforce_relax_refresh' is not one of enforce, enforce-relax-refresh, relax-activated-devices, relax (did you mean enforce-relax-refresh?)",
    ],
    [{ refreshToken: 'forever' }, "policies.refreshToken: 'forever' is not one of valid-until-revoked, expire-immediately"],
    [{ refreshToken: { expireAfter: { value: 0, unit: 'days' } } }, 'policies.refreshToken.expireAfter.value: must be at least 1, not 0'],
    [
      { refreshToken: { expireAfter: { value: 2, unit: 'weeks' } } },
      "policies.refreshToken.expireAfter.unit: 'weeks' is not one of hours, days, months",
    ],
    [
      { refreshToken: { expireAfter: { value: 1.5, unit: 'days' } } },
      "policies.refreshToken: must be 'valid-until-revoked', 'expire-immediately', { expireAfter: { value, unit } } or { expireIfUnusedFor: { value, unit } }",
    ],
    [
      { sessionTimeoutMinutes: 45 },
      "policies.sessionTimeoutMinutes: 45 is not one of Setup's timeouts: 15, 30, 60, 120, 240, 480, 720, 1440",
    ],
    [{ sessionPolicyAction: 'Deny' }, "policies.sessionPolicyAction: 'Deny' is not one of Block, RaiseSessionLevel"],
  ])('%j is refused', (fields, message) => {
    expect(problemsOf(policies(fields))).toEqual([message]);
  });

  test('OAuth policies without OAuth settings are refused', () => {
    expect(problemsOf({ oauth: undefined, policies: { ipRelaxation: 'enforce' } })).toEqual([
      'policies.ipRelaxation: is an OAuth policy; it needs oauth settings',
    ]);
  });

  test.each([
    [{ profiles: ['System Administrator'] }, /pre-authorize OAuth users only when policies.permittedUsers is 'admin-approved'/],
    [{ clientCredentialsRunAs: 'api@example.com' }, /clientCredentialsRunAs: takes effect only with oauth.enableClientCredentialsFlow/],
  ])('%j warns: retrieved apps can hold it, it has no effect', (fields, warning) => {
    const outcome = resolveApp(request({ ...BASE, ...policies(fields) }));
    expect(outcome.problems).toEqual([]);
    expect(outcome.warnings.join('\n')).toMatch(warning);
  });

  test('admin-approved with nobody pre-authorized warns', () => {
    expect(resolveApp(request({ ...BASE, policies: { permittedUsers: 'admin-approved' } })).warnings[0]).toMatch(/nobody can use the app/);
  });
});

describe('other fields', () => {
  test('links must be https', () => {
    expect(problemsOf({ logoUrl: 'http://x.example.com/logo.png', infoUrl: 'ftp://x' })).toEqual([
      "infoUrl: 'ftp://x' must be an https URL",
      "logoUrl: 'http://x.example.com/logo.png' must be an https URL",
    ]);
  });

  test('a certificate must be a public certificate body', () => {
    expect(problemsOf(oauth({ certificate: `${privateKeyHeader()}\nabc\n-----END PRIVATE KEY-----` }))[0]).toMatch(
      /^oauth.certificate: holds a private key/,
    );
    expect(problemsOf(oauth({ certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' }))[0]).toMatch(/PEM armour/);
    expect(problemsOf(oauth({ certificate: 'not base64!' }))).toEqual(['oauth.certificate: is not a base64 certificate body']);
  });

  test('a flag without the flow it belongs to warns', () => {
    const outcome = resolveApp(request({ ...BASE, ...oauth({ requireCredentialsInPostBody: true }) }));
    expect(outcome.problems).toEqual([]);
    expect(outcome.warnings).toEqual([
      'oauth.requireCredentialsInPostBody: takes effect only with oauth.enableAuthorizationCodeAndCredentialsFlow',
    ]);
  });

  test('start URLs: https, a custom scheme or a path in the org; never a script', () => {
    expect(problemsOf({ startUrl: '/lightning/n/App', mobileStartUrl: 'zsmsmobile://' })).toEqual([]);
    expect(problemsOf({ startUrl: 'javascript:alert(1)' })).toEqual([
      "startUrl: 'javascript:alert(1)' uses the javascript: scheme, which must never receive OAuth redirects",
    ]);
  });

  test('IP ranges need IP addresses', () => {
    expect(problemsOf({ ipRanges: [{ start: '10.0.0.1', end: '10.0.0.300' }] })).toEqual([
      "ipRanges[0].end: '10.0.0.300' is not an IP address",
    ]);
  });

  test('an External Client App cannot carry canvas, SAML or mobile settings', () => {
    const settings = { ...BASE, saml: { entityUrl: 'e', acsUrl: 'https://a.example.com', subjectType: 'Username' }, plugin: 'MyPlugin' };
    expect(resolveApp(request(settings, { kind: 'external-client-app' })).problems.map((problem) => problem.field)).toEqual([
      'saml',
      'plugin',
    ]);
    expect(resolveApp(request(settings)).problems).toEqual([]);
  });

  test('a pinned metadataApiVersion is used, and --api-version overrides it', () => {
    expect(resolveApp(request({ ...BASE, metadataApiVersion: '58.0' })).app?.apiVersion).toBe(58);
    expect(
      resolveApp(request({ ...BASE, metadataApiVersion: '58.0' }, { apiVersionOverride: { version: 62, source: '--api-version' } })).app
        ?.apiVersion,
    ).toBe(62);
    expect(problemsOf({ metadataApiVersion: '58' })).toEqual(["metadataApiVersion: '58' is not an API version; write it like 66.0"]);
  });

  test('a null contact email is kept, with a warning', () => {
    const outcome = resolveApp(request({ ...BASE, contactEmail: null }, { contactEmail: {} }));
    expect(outcome.app?.contactEmail).toBeNull();
    expect(outcome.warnings).toEqual(['contactEmail: null writes an empty contact email, which Salesforce requires for a new app']);
  });

  test('all problems are reported together', () => {
    expect(
      problemsOf(
        { label: 'L'.repeat(81), apiName: 'x_', ...oauth({ scopes: ['api'], callbackUrls: ['http://x.example.com'] }) },
        { contactEmail: { settings: 'bad' } },
      ),
    ).toHaveLength(5);
  });
});

describe('text a metadata file cannot hold', () => {
  test('a control character or an unpaired surrogate in a text field is refused, naming the field and the character', () => {
    expect(problemsOf({ label: 'Fullcast\u0007', description: 'half \uD800 pair' })).toEqual([
      'label: contains U+0007 at position 9, a character an XML file cannot hold',
      'description: contains U+D800 at position 6, a character an XML file cannot hold',
    ]);
  });

  test('a quoted value is shown on one line and cut at 60 characters', () => {
    const problems = problemsOf({ contactEmail: `a\r\n${'x'.repeat(70)}` }, { contactEmail: {} });
    expect(problems).toEqual([`contactEmail: 'a\\r\\n${'x'.repeat(57)}…' is not an email address`]);
  });
});
