import { XMLParser } from 'fast-xml-parser';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { METADATA_TYPES } from '../../generator/model/registry';
import { renderApp } from '../../generator/render/index';
import { fullcastApp } from '../helpers/fullcast';
import { CORPUS_DIR, REPO_ROOT, XSD_FILE, requireShared } from '../helpers/paths';
import { readGolden } from '../helpers/readGolden';
import { schemaErrors } from '../helpers/xsd';

const eca = (environment: 'prod' | 'sandbox', apiVersion = 66, overrides = {}) =>
  renderApp(fullcastApp(environment, apiVersion, overrides, 'external-client-app'));
const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: false });

/** The golden set's files, as `folder/file` paths. */
function goldenPaths(environment: string): string[] {
  const root = join(REPO_ROOT, 'test', 'golden', 'eca', environment);
  return readdirSync(root)
    .flatMap((folder) => readdirSync(join(root, folder)).map((file) => `${folder}/${file}`))
    .sort();
}

describe('the External Client App file set of the Fullcast Motion Package', () => {
  test.each(['prod', 'sandbox'] as const)('%s matches its golden set, file for file and byte for byte', (environment) => {
    const files = eca(environment);
    expect(files.map((file) => file.path).sort()).toEqual(goldenPaths(environment));
    for (const file of files) expect([file.path, file.content]).toEqual([file.path, readGolden('eca', environment, file.path)]);
  });

  test('every child names its app, and is labelled with its own component name', () => {
    const files = eca('prod');
    const header = files.find((file) => file.type === 'ExternalClientApplication');
    expect(header?.fullName).toBe('Fullcast_Motion_Package');
    for (const file of files.filter((candidate) => candidate !== header)) {
      const root = parser.parse(file.content)[file.type];
      expect([file.fullName, root.externalClientApplication, root.label]).toEqual([
        file.fullName,
        'Fullcast_Motion_Package',
        file.fullName,
      ]);
      expect(file.fullName).toMatch(/^Fullcast_Motion_Package_(glbloauth|oauth|oauthPlcy|plcy)$/);
    }
  });

  test('every file sits in the folder and carries the suffix of its type (as sf registers them)', () => {
    for (const file of eca('prod', 66, { startUrl: 'https://app.fullcast.io/' })) {
      const type = Object.values(METADATA_TYPES).find((candidate) => candidate.name === file.type);
      expect(file.path).toBe(`${type?.directoryName}/${file.fullName}.${type?.suffix}-meta.xml`);
    }
  });

  test('never a consumer key or secret, an oauthLink or an org-scoped name', () => {
    for (const file of eca('prod', 66, { oauth: { callbackUrls: ['https://a.example.com'], scopes: ['Api'], certificate: 'MIIB' } })) {
      expect(file.content).not.toMatch(/consumerKey|consumerSecret|oauthLink|orgScopedExternalApp/);
    }
  });

  test('the app policies file appears only when the template sets a start URL', () => {
    expect(eca('prod').some((file) => file.type === 'ExtlClntAppConfigurablePolicies')).toBe(false);
    const policies = eca('prod', 66, { startUrl: 'https://app.fullcast.io/home' }).find(
      (file) => file.type === 'ExtlClntAppConfigurablePolicies',
    );
    expect(parser.parse(policies?.content ?? '').ExtlClntAppConfigurablePolicies).toMatchObject({
      isEnabled: 'true',
      isOauthPluginEnabled: 'true',
      startPage: 'Custom',
      startUrl: 'https://app.fullcast.io/home',
    });
  });

  test('maps the Setup policies to the ECA values', () => {
    const policies = eca('prod', 66, {
      policies: {
        permittedUsers: 'admin-approved',
        profiles: ['System Administrator', 'Sales'],
        permissionSets: ['Fullcast'],
        ipRelaxation: 'relax-activated-devices',
        refreshToken: { expireIfUnusedFor: { value: 90, unit: 'days' } },
      },
    }).find((file) => file.type === 'ExtlClntAppOauthConfigurablePolicies');
    expect(parser.parse(policies?.content ?? '').ExtlClntAppOauthConfigurablePolicies).toMatchObject({
      commaSeparatedPermissionSet: 'Fullcast',
      commaSeparatedProfile: 'System Administrator, Sales',
      ipRelaxationPolicyType: 'Bypass_2factor',
      permittedUsersPolicyType: 'AdminApprovedPreAuthorized',
      refreshTokenPolicyType: 'SpecificInactivity',
      refreshTokenValidityPeriod: '90',
      refreshTokenValidityUnit: 'Days',
    });
  });

  test('at API 60.0 the flags of 61.0 and 62.0 are left out', () => {
    const files = eca('prod', 60);
    const global = files.find((file) => file.type === 'ExtlClntAppGlobalOauthSettings')?.content ?? '';
    expect(global).not.toMatch(/isCodeCredFlowEnabled|isCodeCredPostOnly|isNamedUserJwtEnabled/);
    expect(global).toContain('<isPkceRequired>false</isPkceRequired>');
    expect(files.find((file) => file.type === 'ExtlClntAppOauthSettings')?.content).not.toContain('isFirstPartyAppEnabled');
    expect(files.find((file) => file.type === 'ExtlClntAppOauthConfigurablePolicies')?.content).not.toContain('isGuestCodeCredFlowEnabled');
  });

  test('at API 62.0 the policies list isNamedUserJwtEnabled, which the WSDL had from 61.0 to 63.0', () => {
    expect(eca('prod', 62).find((file) => file.type === 'ExtlClntAppOauthConfigurablePolicies')?.content).toContain(
      '<isNamedUserJwtEnabled>false</isNamedUserJwtEnabled>',
    );
    expect(eca('prod', 64).find((file) => file.type === 'ExtlClntAppOauthConfigurablePolicies')?.content).not.toContain(
      'isNamedUserJwtEnabled',
    );
  });
});

describe('External Client Apps as they exist', () => {
  const types = (files: readonly { type: string }[]) => files.map((file) => file.type);
  const content = (files: readonly { type: string; content: string }[], type: string) =>
    files.find((file) => file.type === type)?.content ?? '';

  test('parts left to the org are not written: the global OAuth settings, the OAuth policies', () => {
    expect(types(eca('prod', 66, { managedInOrg: ['globalOauth'], oauth: { scopes: ['Api'] } }))).toEqual([
      'ExternalClientApplication',
      'ExtlClntAppOauthSettings',
      'ExtlClntAppOauthConfigurablePolicies',
    ]);
    expect(types(eca('prod', 66, { managedInOrg: ['globalOauth', 'oauthPolicies'], oauth: { scopes: ['Api'] }, policies: {} }))).toEqual([
      'ExternalClientApplication',
      'ExtlClntAppOauthSettings',
    ]);
  });

  test('a policies-only app renders its policies and nothing else', () => {
    const files = eca('prod', 66, {
      policiesOnly: true,
      oauth: undefined,
      policies: { permittedUsers: 'admin-approved', profiles: ['Sales'] },
    });
    expect(types(files)).toEqual(['ExtlClntAppOauthConfigurablePolicies']);
    expect(content(files, 'ExtlClntAppOauthConfigurablePolicies')).toContain('<commaSeparatedProfile>Sales</commaSeparatedProfile>');
  });

  test('scopes come in the order External Client App retrieves write them, SFAP as SFApiPlatform', () => {
    const files = eca('prod', 66, {
      oauth: { callbackUrls: ['https://a.example.com'], scopes: ['SFAP', 'CDPCalculatedInsight', 'ForgotPassword', 'Api'] },
    });
    expect(content(files, 'ExtlClntAppOauthSettings')).toContain(
      '<commaSeparatedOauthScopes>Api, ForgotPassword, CDPCalculatedInsight, SFApiPlatform</commaSeparatedOauthScopes>',
    );
  });

  test('the header, labels, switches and policies a retrieve can hold', () => {
    const files = eca('prod', 66, {
      distributionState: 'Packaged',
      protectedInPackage: true,
      enabled: false,
      externalClientAppLabels: { oauthSettings: 'OAuth settings' },
      policies: { enableClientCredentialsFlow: true, namedUserJwtTimeout: 30, guestJwtTimeout: 'user-session' },
    });
    expect(content(files, 'ExternalClientApplication')).toMatch(/<distributionState>Packaged<\/distributionState>\n {4}<isProtected>true</);
    expect(content(files, 'ExtlClntAppOauthSettings')).toContain('<label>OAuth settings</label>');
    expect(content(files, 'ExtlClntAppConfigurablePolicies')).toContain('<isEnabled>false</isEnabled>');
    const policies = content(files, 'ExtlClntAppOauthConfigurablePolicies');
    expect(policies).toContain('<guestJwtSessionTimeoutType>UserSession</guestJwtSessionTimeoutType>');
    expect(policies).toContain('<isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>');
    expect(policies).toMatch(/<namedUserJwtSessionTimeoutType>Custom<\/namedUserJwtSessionTimeoutType>\n {4}<namedUserJwtTimeout>30</);
    expect(policies).not.toContain('guestJwtTimeout>');
  });
});

describe('the relax-for-refresh-tokens spelling', () => {
  const retrieved = join(CORPUS_DIR, 'eca', 'N-P-N-P__SFDX-SFDX__Devops_JWT_oauthPlcy.ecaOauthPlcy-meta.xml');
  if (!requireShared(retrieved, 'the IP relaxation spelling against a retrieved file')) return;

  test('is what a Salesforce retrieve writes (shared/corpus/eca, N-P-N-P Devops_JWT), not the doc spelling', () => {
    // The set is a retrieve: its header carries orgScopedExternalApp and its OAuth settings an oauthLink.
    expect(readFileSync(join(CORPUS_DIR, 'eca', 'N-P-N-P__SFDX-SFDX__Devops_JWT.eca-meta.xml'), 'utf8')).toContain(
      '<orgScopedExternalApp>',
    );
    const value = /<ipRelaxationPolicyType>([^<]+)</.exec(readFileSync(retrieved, 'utf8'))?.[1];
    const ours = /<ipRelaxationPolicyType>([^<]+)</.exec(
      eca('prod').find((file) => file.type === 'ExtlClntAppOauthConfigurablePolicies')?.content ?? '',
    )?.[1];
    expect(ours).toBe(value);
    expect(ours).not.toBe('Enforce_RelaxRefresh');
  });
});

describe('the ECA files against the Metadata API 66.0 schema', () => {
  if (!requireShared(XSD_FILE, 'ECA XSD validation')) return;
  test('prod, sandbox and a set with every optional file are valid', async () => {
    const sets = [
      eca('prod'),
      eca('sandbox'),
      eca('prod', 66, {
        startUrl: 'https://app.fullcast.io/',
        description: 'x & y',
        policies: { permittedUsers: 'admin-approved', profiles: ['Admin'], refreshToken: 'expire-immediately', sessionTimeoutMinutes: 60 },
      }),
    ];
    const documents = sets.flatMap((files, index) =>
      files.map((file) => ({ fileName: `${index}-${file.fullName}.xml`, contents: file.content })),
    );
    expect(documents.length).toBeGreaterThanOrEqual(13);
    expect(await schemaErrors(documents)).toEqual([]);
  });
});
