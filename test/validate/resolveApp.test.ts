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

/** The warnings for settings merged over the valid base; the settings must raise no problem. */
function warningsOf(settings: Record<string, unknown>, overrides: Partial<ResolveRequest> = {}): string[] {
  const outcome = resolveApp(request({ ...BASE, ...settings }, overrides));
  expect(outcome.problems).toEqual([]);
  return outcome.warnings;
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
    expect(problemsOf(oauth({ scopes: undefined }))).toEqual(['oauth.scopes: is required']);
    const rest: Partial<typeof BASE> = { ...BASE };
    delete rest.label;
    expect(resolveApp(request(rest)).problems).toEqual([{ field: 'label', message: 'is required (Salesforce requires the app name)' }]);
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
    '%s is refused as the flag typed now, and advised against in a template (a retrieve holds what Setup kept)',
    (email) => {
      expect(contactEmailFlagProblem(email)?.field).toBe('--contact-email');
      expect(warningsOf({ contactEmail: email }, { contactEmail: {} })[0]).toMatch(/^contactEmail: /);
    },
  );
});

describe('names', () => {
  test.each([
    ['1App', "apiName: '1App' must start with a letter"],
    ['My-App', "apiName: 'My-App' may contain only letters, digits and underscores"],
    ['My__App__X', "apiName: 'My__App__X' may not contain two underscores in a row but after its namespace prefix"],
    ['My_App_', "apiName: 'My_App_' may not end with an underscore"],
  ])('API name %s', (apiName, message) => {
    expect(problemsOf({ apiName })).toEqual([message]);
  });

  test('a connected app may have a namespace and more than 40 characters (retrieves hold both); an External Client App may not', () => {
    const long = `SFDC_IB_connector_vulture_${'x'.repeat(18)}`;
    expect(problemsOf({ apiName: long })).toEqual([]);
    expect(problemsOf({ apiName: 'HelloSend__HelloSend' })).toEqual([]);
    const eca = { kind: 'external-client-app' as const };
    expect(problemsOf({ apiName: long }, eca)).toEqual([`apiName: '${long}' is 44 characters long; the limit is 40`]);
    expect(problemsOf({ apiName: 'My__App' }, eca)).toEqual(["apiName: 'My__App' may not contain two underscores in a row"]);
  });

  test('a label without letters gives no usable API name', () => {
    expect(problemsOf({ label: '日本語' })).toEqual(["apiName: the name derived from the label, '', is empty; set apiName"]);
  });

  test('a label of 81 characters is too long; 80 is fine', () => {
    expect(problemsOf({ label: 'L'.repeat(80), apiName: 'L' })).toEqual([]);
    expect(problemsOf({ label: 'L'.repeat(81), apiName: 'L' })).toEqual(['label: is 81 characters long; the limit is 80']);
  });

  test('an empty label is refused; a line break is advised against', () => {
    expect(problemsOf({ label: ' ', apiName: 'X' })).toEqual(['label: is empty (Salesforce requires the app name)']);
    expect(warningsOf({ label: 'A\nB', apiName: 'X' })).toEqual(['label: holds a line break, which Setup never puts in a name']);
  });
});

describe('callback URLs', () => {
  test.each([
    ['http://app.fullcast.io/cb', 'uses http; Salesforce takes https, or http for localhost, or a custom scheme'],
    ['javascript:alert(1)', 'uses the javascript: scheme, which must never receive OAuth redirects'],
    ['data:text/html,hi', 'uses the data: scheme, which must never receive OAuth redirects'],
    ['JavaScript:alert(1)', 'uses the javascript: scheme, which must never receive OAuth redirects'],
    ['https://app.fullcast.io/a\nhttps://b', 'contains a line break, which makes it two callback URLs'],
    [
      'app.fullcast.io/cb',
      'has no scheme; Salesforce takes https, or http for localhost, or a custom scheme (write it as https://host/path)',
    ],
    ['https://user:pw@app.fullcast.io/cb', 'carries a user name or password, which must never be written into a file'],
  ])('%j is refused', (url, message) => {
    // A message is one line: a line break in the value is quoted as \n.
    expect(problemsOf(oauth({ callbackUrls: [url] }))).toEqual([`oauth.callbackUrls[0]: '${url.replace('\n', '\\n')}' ${message}`]);
  });

  test.each([
    ['https://', 'is not a valid URL, so no redirect or link can reach it'],
    ['https://app.fullcast.io/a b', 'contains whitespace or a control character'],
    ['', 'is empty'],
    ['myapp:', 'has a scheme but nothing after it'],
  ])('%j is advised against: Salesforce keeps it (retrieves hold such URLs)', (url, message) => {
    expect(warningsOf(oauth({ callbackUrls: [url] }))).toEqual([`oauth.callbackUrls[0]: '${url}' ${message}`]);
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

  test('a connected app needs a callback URL; an External Client App is advised to have one', () => {
    expect(problemsOf(oauth({ callbackUrls: [] }))).toEqual([
      'oauth.callbackUrls: needs at least one URL (Salesforce requires a callback URL)',
    ]);
    expect(warningsOf(oauth({ callbackUrls: undefined }), { kind: 'external-client-app' })).toEqual([
      'oauth.callbackUrls: none given; Setup asks for one to enable OAuth',
    ]);
  });

  test('a duplicate or a fragment gives a warning, not an error', () => {
    expect(warningsOf(oauth({ callbackUrls: ['https://a.example.com', 'https://a.example.com', 'https://b.example.com/#x'] }))).toEqual([
      "oauth.callbackUrls[2]: 'https://b.example.com/#x' has a #fragment, which OAuth redirect URIs must not have (RFC 6749 §3.1.2)",
      "oauth.callbackUrls[1]: 'https://a.example.com' is listed twice",
    ]);
  });

  test('over 2000 characters in all: refused for an External Client App (documented), advised against for a connected app', () => {
    const long = Array.from({ length: 30 }, (_, index) => `https://app${index}.example.com/${'p'.repeat(60)}`);
    expect(warningsOf(oauth({ callbackUrls: long })).join('\n')).toMatch(/limit is 2000/);
    expect(problemsOf(oauth({ callbackUrls: long }), { kind: 'external-client-app' })).toEqual([
      `oauth.callbackUrls: ${long.join('\n').length} characters in all; the limit is 2000`,
    ]);
  });
});

describe('scopes', () => {
  test('a token name suggests the metadata name', () => {
    expect(problemsOf(oauth({ scopes: ['api', 'refresh_token'] }))).toEqual([
      "oauth.scopes[0]: 'api' is not a scope name (did you mean Api?)",
      "oauth.scopes[1]: 'refresh_token' is not a scope name (did you mean RefreshToken?)",
    ]);
  });

  test('a misspelt scope and one that is no identifier are refused; a duplicate is advised against', () => {
    expect(problemsOf(oauth({ scopes: ['Apii'] }))).toEqual(["oauth.scopes[0]: 'Apii' is not a scope name (did you mean Api?)"]);
    expect(problemsOf(oauth({ scopes: ['full access'] }))).toEqual(["oauth.scopes[0]: 'full access' is not a scope name"]);
    expect(warningsOf(oauth({ scopes: ['Api', 'Api'] }))).toEqual(["oauth.scopes[1]: 'Api' is listed twice"]);
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

  test('a scope newer than the API version is refused for a connected app (an enum value), not for an External Client App (text)', () => {
    const at65 = { apiVersion: { version: 65, source: '--api-version' } };
    expect(problemsOf(oauth({ scopes: ['MCP'] }), at65)).toEqual(["oauth.scopes[0]: 'MCP' needs API 66.0 or later"]);
    expect(problemsOf(oauth({ scopes: ['MCP'] }), { ...at65, kind: 'external-client-app' })).toEqual([]);
  });

  test("an External Client App file's spelling of a scope is pointed to the template's", () => {
    expect(warningsOf(oauth({ scopes: ['SFApiPlatform'] }), { kind: 'external-client-app' })).toEqual([
      "oauth.scopes[0]: 'SFApiPlatform' is how an External Client App file spells 'SFAP'; templates write 'SFAP'",
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
    [{ refreshToken: { expireAfter: { value: -1, unit: 'days' } } }, 'policies.refreshToken.expireAfter.value: must be 0 or more, not -1'],
    [
      { refreshToken: { expireAfter: { value: 2, unit: 'weeks' } } },
      "policies.refreshToken.expireAfter.unit: 'weeks' is not one of hours, days, months",
    ],
    [
      { refreshToken: { expireAfter: { value: 1.5, unit: 'days' } } },
      "policies.refreshToken: must be 'valid-until-revoked', 'expire-immediately', { expireAfter: { value, unit } } or { expireIfUnusedFor: { value, unit } }",
    ],
    [{ sessionPolicyAction: 'Deny' }, "policies.sessionPolicyAction: 'Deny' is not one of Block, RaiseSessionLevel"],
  ])('%j is refused', (fields, message) => {
    expect(problemsOf(policies(fields))).toEqual([message]);
  });

  test("OAuth policies without OAuth settings: refused where they would go in oauthConfig, advised against in a connected app's oauthPolicy", () => {
    expect(problemsOf({ oauth: undefined, policies: { permittedUsers: 'admin-approved', profiles: ['A'] } })).toEqual([
      'policies.permittedUsers: is written in the OAuth settings (oauthConfig); it needs oauth settings',
    ]);
    expect(warningsOf({ oauth: undefined, policies: { ipRelaxation: 'enforce' } })).toEqual([
      'policies.ipRelaxation: is an OAuth policy; it takes effect only with oauth settings',
    ]);
    expect(problemsOf({ oauth: undefined, policies: { ipRelaxation: 'enforce' } }, { kind: 'external-client-app' })).toEqual([
      'policies.ipRelaxation: is an OAuth policy; it needs oauth settings',
    ]);
  });

  test.each([
    [
      { sessionTimeoutMinutes: 0 },
      "policies.sessionTimeoutMinutes: 0 is not one of Setup's timeouts: 15, 30, 60, 120, 240, 480, 720, 1440",
    ],
    [
      { refreshToken: { expireAfter: { value: 0, unit: 'days' } } },
      'policies.refreshToken.expireAfter.value: is 0; Setup asks for at least 1',
    ],
    [{ profiles: ['Sales', 'Sales'], permittedUsers: 'admin-approved' }, "policies.profiles[1]: 'Sales' is listed twice"],
  ])('%j is advised against: retrieves hold it', (fields, warning) => {
    expect(warningsOf(policies(fields))).toEqual([warning]);
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
  test("a connected app's logo must be https (documented); other links are advised to be; none may run code", () => {
    expect(problemsOf({ logoUrl: 'http://x.example.com/logo.png', infoUrl: 'ftp://x' })).toEqual([
      "logoUrl: 'http://x.example.com/logo.png' must be an https URL (Metadata API Developer Guide, ConnectedApp: logoUrl)",
    ]);
    expect(warningsOf({ logoUrl: 'http://x.example.com/logo.png', infoUrl: 'ftp://x' }, { kind: 'external-client-app' })).toEqual([
      "infoUrl: 'ftp://x' is not an https URL",
      "logoUrl: 'http://x.example.com/logo.png' is not an https URL",
    ]);
    expect(problemsOf({ iconUrl: 'javascript:alert(1)' })).toEqual([
      "iconUrl: 'javascript:alert(1)' uses the javascript: scheme, which runs code instead of opening a page",
    ]);
  });

  test('a private key is refused (no secret in a file); a certificate in another form is advised against', () => {
    expect(problemsOf(oauth({ certificate: `${privateKeyHeader()}\nabc\n-----END PRIVATE KEY-----` }))[0]).toMatch(
      /^oauth.certificate: holds a private key/,
    );
    expect(warningsOf(oauth({ certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' }))[0]).toMatch(/PEM armour/);
    expect(warningsOf(oauth({ certificate: 'not base64!' }))).toEqual(['oauth.certificate: is not a base64 certificate body']);
  });

  test('an ID token validity: 0 is advised against (retrieves hold it), past 720 refused (documented)', () => {
    expect(warningsOf(oauth({ idToken: { validityMinutes: 0 } }))[0]).toMatch(/^oauth.idToken.validityMinutes: 0 is outside 1 to 720/);
    expect(problemsOf(oauth({ idToken: { validityMinutes: 721 } }))).toEqual([
      'oauth.idToken.validityMinutes: 721 is outside 1 to 720, the minutes Salesforce allows',
    ]);
  });

  test('a flag without the flow it belongs to warns', () => {
    const outcome = resolveApp(request({ ...BASE, ...oauth({ requireCredentialsInPostBody: true }) }));
    expect(outcome.problems).toEqual([]);
    expect(outcome.warnings).toEqual([
      'oauth.requireCredentialsInPostBody: takes effect only with oauth.enableAuthorizationCodeAndCredentialsFlow',
    ]);
  });

  test('start URLs: https, a custom scheme or a path in the org; never a script', () => {
    expect(warningsOf({ startUrl: '/lightning/n/App', mobileStartUrl: 'zsmsmobile://' })).toEqual([]);
    expect(problemsOf({ startUrl: 'javascript:alert(1)' })).toEqual([
      "startUrl: 'javascript:alert(1)' uses the javascript: scheme, which runs code instead of opening a page",
    ]);
  });

  test('an IP range that is not made of IP addresses is advised against', () => {
    expect(warningsOf({ ipRanges: [{ start: '10.0.0.1', end: '10.0.0.300' }] })).toEqual([
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

  test('all problems are reported together, and the advice with them', () => {
    const settings = { label: 'L'.repeat(81), apiName: 'x_', ...oauth({ scopes: ['api'], callbackUrls: ['http://x.example.com'] }) };
    const sources = { contactEmail: { settings: 'bad' } };
    const outcome = resolveApp(request({ ...BASE, ...settings }, sources));
    expect(outcome.problems.map((problem) => problem.field)).toEqual(['label', 'apiName', 'oauth.callbackUrls[0]', 'oauth.scopes[0]']);
    expect(outcome.warnings).toEqual([expect.stringMatching(/^connected-app.json apps\.\S+\.contactEmail: /)]);
  });
});

describe('External Client Apps', () => {
  const eca = { kind: 'external-client-app' as const };

  test('a policies-only template names the installed app, namespace and all, and needs no label or contact email', () => {
    const installed = {
      label: undefined,
      oauth: undefined,
      policiesOnly: true,
      apiName: 'Acme__Acme',
      policies: { ipRelaxation: 'relax' },
    };
    const outcome = resolveApp(request({ ...installed }, { ...eca, contactEmail: {} }));
    expect(outcome.problems).toEqual([]);
    expect(outcome.app?.apiName).toBe('Acme__Acme');
    expect(problemsOf({ ...installed, apiName: undefined }, eca)).toEqual([
      "apiName: is required in a policies-only template: the installed app's name, with its namespace",
    ]);
    expect(problemsOf({ ...installed, description: 'x', oauth: BASE.oauth }, eca)).toEqual([
      "oauth: is not rendered for a policies-only app, whose settings are not this template's; leave it out",
      "description: is not rendered for a policies-only app, whose settings are not this template's; leave it out",
    ]);
  });

  test('settings of a part left to the org are refused: they would not be written', () => {
    expect(problemsOf({ managedInOrg: ['globalOauth'] }, eca)).toEqual([
      "oauth.callbackUrls: is a global OAuth setting, which this template leaves to the org (managedInOrg: 'globalOauth')",
    ]);
    expect(problemsOf({ managedInOrg: ['oauthPolicies'] }, eca)).toEqual([
      "policies.ipRelaxation: is an OAuth policy, which this template leaves to the org (managedInOrg: 'oauthPolicies')",
    ]);
    expect(problemsOf({ managedInOrg: ['header'] }, eca)).toEqual(["managedInOrg[0]: 'header' is not one of globalOauth, oauthPolicies"]);
  });

  test('distribution state: a value outside the list is refused, an internal one or a protection without a package advised against', () => {
    expect(problemsOf({ distributionState: 'Public' }, eca)).toEqual([
      "distributionState: 'Public' is not one of Local, Packaged, Managed, AutoInstalled",
    ]);
    expect(warningsOf({ distributionState: 'Managed', protectedInPackage: true }, eca)).toEqual([
      "distributionState: Managed is for Salesforce's internal use (Metadata API Developer Guide, ExternalClientApplication)",
      'protectedInPackage: takes effect only in a package (distributionState: Packaged)',
    ]);
  });

  test('JWT timeouts: the minutes Salesforce lists, from their API version', () => {
    expect(problemsOf(policies({ namedUserJwtTimeout: 45 }), eca)).toEqual([
      'policies.namedUserJwtTimeout: 45 is not one of 1, 5, 10, 15, 30, 60, 90, 120, 240, 480, 720 minutes',
    ]);
    expect(problemsOf(policies({ guestJwtTimeout: 60 }), { ...eca, apiVersion: { version: 64, source: '--api-version' } })).toEqual([
      'policies.guestJwtTimeout: 60 minutes needs API 65.0 or later',
    ]);
    expect(problemsOf(policies({ namedUserJwtTimeout: 'user-session', guestJwtTimeout: 30 }), eca)).toEqual([]);
  });

  test('a connected app refuses what only an External Client App has', () => {
    expect(problemsOf({ policiesOnly: true, managedInOrg: ['globalOauth'], ...policies({ namedUserJwtTimeout: 5 }) })).toEqual([
      "managedInOrg: is an External Client App's; a connected app has no element for it",
      "policiesOnly: is an External Client App's; a connected app has no element for it",
      "policies.namedUserJwtTimeout: is an External Client App's policy; a connected app has no element for it",
    ]);
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
    const warnings = warningsOf({ contactEmail: `a\r\n${'x'.repeat(70)}` }, { contactEmail: {} });
    expect(warnings).toEqual([`contactEmail: 'a\\r\\n${'x'.repeat(57)}…' is not an email address`]);
  });
});
