import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGolden } from '../helpers/readGolden';
import { makeProject, runCli, snapshotFiles } from '../helpers/tempProject';
import { element } from '../helpers/secretShapes';

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

/** A retrieved-style ConnectedApp (API 52.0 flags), with a consumer key and secret. */
const RETRIEVED = `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>ops@acme.example</contactEmail>
    <description>Acme&apos;s sync: SF -&gt; ERP &amp; back — über</description>
    <label>Acme Sync</label>
    <oauthConfig>
        <callbackUrl>https://erp.acme.example/oauth/callback\r
https://erp-staging.acme.example/oauth/callback</callbackUrl>
        ${element('consumerKey', '3MVG9AcmeConsumerKeyValue000000000000000000000000000000000000000000000000000000000')}
        ${element('consumerSecret', 'SuperSecret1234567890')}
        <isAdminApproved>true</isAdminApproved>
        <isConsumerSecretOptional>false</isConsumerSecretOptional>
        <isIntrospectAllTokens>false</isIntrospectAllTokens>
        <isSecretRequiredForRefreshToken>true</isSecretRequiredForRefreshToken>
        <scopes>Api</scopes>
        <scopes>RefreshToken</scopes>
    </oauthConfig>
    <oauthPolicy>
        <ipRelaxation>ENFORCE</ipRelaxation>
        <refreshTokenPolicy>specific_lifetime:90:DAYS</refreshTokenPolicy>
    </oauthPolicy>
    <profileName>System Administrator</profileName>
    <profileName>Integration User</profileName>
</ConnectedApp>
`;

function projectWith(files: Record<string, string | Buffer>): string {
  const project = makeProject();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(project, path, '..'), { recursive: true });
    writeFileSync(join(project, path), content);
  }
  return project;
}

describe('import a retrieved ConnectedApp', () => {
  const project = projectWith({ 'retrieved/connectedApps/Acme_Sync.connectedApp-meta.xml': RETRIEVED });
  const imported = runCli(project, ['import', 'retrieved/connectedApps/Acme_Sync.connectedApp-meta.xml']);
  const template = () => readFileSync(join(project, 'templates', 'Acme_Sync.ts'), 'utf8');

  test('writes a typed template named after the API name, under the default environment', () => {
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain(
      'Imported ConnectedApp Acme_Sync → templates/Acme_Sync.ts (environment default; API 55.0, regenerates byte for byte)',
    );
    expect(template()).toContain("import type { AppTemplate } from '../generator/model/template';");
    expect(template()).toMatch(/environments: \{\n {4}default: \{\},\n {2}\}/);
    expect(template()).toContain("metadataApiVersion: '55.0'");
  });

  test('keeps no consumer secret or key anywhere, and says why', () => {
    for (const [path, content] of snapshotFiles(project)) {
      if (!path.startsWith('retrieved/'))
        expect([path, content.includes('SuperSecret1234567890') || content.includes('3MVG9AcmeConsumerKey')]).toEqual([path, false]);
    }
    expect(imported.stdout + imported.stderr).not.toContain('SuperSecret1234567890');
    expect(imported.stderr).toContain('holds a consumer secret: it was dropped and written nowhere');
    expect(imported.stdout).toContain('Note: its consumer key stays in Salesforce');
  });

  test('generate --app N --output-dir D needs no --env, and gives the file back byte for byte but the credentials', () => {
    const generated = runCli(project, ['generate', '--app', 'Acme_Sync', '--output-dir', 'D']);
    expect(generated.status).toBe(0);
    const expected = RETRIEVED.replace(/ *<consumer(Key|Secret)>.*\n/g, '');
    expect(readFileSync(join(project, 'D', 'connectedApps', 'Acme_Sync.connectedApp-meta.xml'), 'utf8')).toBe(expected);
    expect(generated.stderr).not.toMatch(/Spring '26/);
  });

  test('--name and --env choose the template name and environment', () => {
    const other = projectWith({ 'a.connectedApp-meta.xml': RETRIEVED });
    expect(runCli(other, ['import', 'a.connectedApp-meta.xml', '--name', 'acme-sync', '--env', 'prod']).status).toBe(0);
    expect(readFileSync(join(other, 'templates', 'acme-sync.ts'), 'utf8')).toMatch(/environments: \{\n {4}prod: \{\},/);
  });

  test('an existing template is never overwritten', () => {
    const again = runCli(project, ['import', 'retrieved/connectedApps/Acme_Sync.connectedApp-meta.xml']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('templates/Acme_Sync.ts: exists already; choose another --name, or remove it first');
  });

  test('the Metadata API format (connectedApps/X.connectedApp) imports too, from a folder', () => {
    const other = projectWith({ 'src/connectedApps/Acme_Sync.connectedApp': RETRIEVED, 'src/package.xml': '<Package/>' });
    const result = runCli(other, ['import', 'src']);
    expect(result.status).toBe(0);
    expect(existsSync(join(other, 'templates', 'Acme_Sync.ts'))).toBe(true);
  });
});

describe('a hand-written file imports into the same model and renders canonically', () => {
  const SCRAMBLED = `<?xml version="1.0" encoding="UTF-8" ?>
<!-- written by hand -->
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
  <label>Hand Made</label>
  <oauthConfig>
    <scopes>RefreshToken</scopes>
    <callbackUrl>https://hand.example/cb</callbackUrl>
    <scopes>Api</scopes>
  </oauthConfig>
  <contactEmail>hand@example.com</contactEmail>
</ConnectedApp>`;
  const project = projectWith({ 'Hand_Made.connectedApp-meta.xml': SCRAMBLED });
  const imported = runCli(project, ['import', 'Hand_Made.connectedApp-meta.xml']);

  test('the import says it will regenerate canonically, and a second round trip changes nothing', () => {
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('not as a retrieve writes it, so it will regenerate in canonical form');
    expect(runCli(project, ['generate', '--app', 'Hand_Made', '--output-dir', 'one']).status).toBe(0);
    const first = readFileSync(join(project, 'one', 'connectedApps', 'Hand_Made.connectedApp-meta.xml'), 'utf8');
    expect(first).toMatch(/<contactEmail>[\s\S]*<label>[\s\S]*<callbackUrl>[\s\S]*<scopes>Api<\/scopes>\n\s*<scopes>RefreshToken/);
    expect(
      runCli(project, ['import', 'one/connectedApps/Hand_Made.connectedApp-meta.xml', '--name', 'second', '--allow-same-api-name']).status,
    ).toBe(0);
    expect(runCli(project, ['generate', '--app', 'second', '--output-dir', 'two']).status).toBe(0);
    expect(readFileSync(join(project, 'two', 'connectedApps', 'Hand_Made.connectedApp-meta.xml'), 'utf8')).toBe(first);
  });
});

describe('an External Client App set', () => {
  const project = makeProject();
  runCli(project, [
    'generate',
    '--env',
    'prod',
    '--kind',
    'external-client-app',
    '--contact-email',
    'admin@example.com',
    '--output-dir',
    'set',
  ]);
  const imported = runCli(project, ['import', 'set', '--name', 'eca-copy', '--allow-same-api-name']);

  test('imports from the folder holding it, as an external-client-app template', () => {
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('Imported External Client App Fullcast_Motion_Package → templates/eca-copy.ts');
    expect(readFileSync(join(project, 'templates', 'eca-copy.ts'), 'utf8')).toContain("kind: 'external-client-app',");
  });

  test('regenerates the set byte for byte', () => {
    expect(runCli(project, ['generate', '--app', 'eca-copy', '--output-dir', 'again']).status).toBe(0);
    for (const folder of readdirSync(join(project, 'set'))) {
      for (const file of readdirSync(join(project, 'set', folder))) {
        expect([file, readFileSync(join(project, 'again', folder, file), 'utf8')]).toEqual([file, readGolden('eca', 'prod', folder, file)]);
      }
    }
  });

  test('a settings file naming another app is refused (its header is not among the files)', () => {
    const other = makeProject();
    runCli(other, [
      'generate',
      '--env',
      'prod',
      '--kind',
      'external-client-app',
      '--contact-email',
      'admin@example.com',
      '--output-dir',
      'set',
    ]);
    const settings = join(other, 'set', 'extlClntAppOauthSettings', 'Fullcast_Motion_Package_oauth.ecaOauth-meta.xml');
    writeFileSync(
      settings,
      readFileSync(settings, 'utf8').replace(
        '<externalClientApplication>Fullcast_Motion_Package<',
        '<externalClientApplication>Other_App<',
      ),
    );
    const result = runCli(other, ['import', 'set']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "names the External Client App 'Other_App', whose header (Other_App.eca-meta.xml) is not among the files read",
    );
  });
});

describe('bad input: a one-line error naming the file or field, exit 1 or 2, nothing written', () => {
  const big = `<?xml version="1.0" encoding="UTF-8"?>\n<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">\n<description>${'x'.repeat(1024 * 1024)}</description>\n</ConnectedApp>\n`;
  const cases: [string, Record<string, string | Buffer>, string[], number, RegExp][] = [
    [
      'a DOCTYPE with an entity (billion laughs)',
      {
        'X.connectedApp-meta.xml':
          '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;&l;">]><ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata"><label>&l2;</label></ConnectedApp>',
      },
      ['X.connectedApp-meta.xml'],
      1,
      /X\.connectedApp-meta\.xml: declares a DOCTYPE, which metadata never has; refused/,
    ],
    [
      'an external entity',
      {
        'X.connectedApp-meta.xml':
          '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata"><label>&xxe;</label></ConnectedApp>',
      },
      ['X.connectedApp-meta.xml'],
      1,
      /declares a DOCTYPE/,
    ],
    [
      'a file over the size limit',
      { 'X.connectedApp-meta.xml': big },
      ['X.connectedApp-meta.xml'],
      1,
      /X\.connectedApp-meta\.xml: is \d+ bytes or more; the limit is 1048576/,
    ],
    [
      'malformed XML',
      {
        'X.connectedApp-meta.xml':
          '<?xml version="1.0"?>\n<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">\n  <label>X</label>\n  <oauthConfig>\n</ConnectedApp>\n',
      },
      ['X.connectedApp-meta.xml'],
      1,
      /X\.connectedApp-meta\.xml: malformed XML at line \d+, column \d+: /,
    ],
    [
      'a wrong root element',
      { 'X.connectedApp-meta.xml': '<?xml version="1.0"?><ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"/>' },
      ['X.connectedApp-meta.xml'],
      1,
      /X\.connectedApp-meta\.xml: ApexClass: is the root element; a ConnectedApp file has <ConnectedApp>/,
    ],
    [
      'no metadata namespace',
      { 'X.connectedApp-meta.xml': '<ConnectedApp><label>X</label></ConnectedApp>' },
      ['X.connectedApp-meta.xml'],
      1,
      /ConnectedApp: is not in the metadata namespace/,
    ],
    [
      'an unknown element',
      { 'X.connectedApp-meta.xml': RETRIEVED.replace('<label>', '<lable>Oops</lable>\n    <label>') },
      ['X.connectedApp-meta.xml'],
      1,
      /ConnectedApp\.lable: is not an element of ConnectedApp \(did you mean label\?\)/,
    ],
    [
      'a value outside the enum',
      { 'X.connectedApp-meta.xml': RETRIEVED.replace('ENFORCE', 'EnforceIpRestrictions') },
      ['X.connectedApp-meta.xml'],
      1,
      /oauthPolicy\.ipRelaxation: 'EnforceIpRestrictions' is not one of ENFORCE, ENFORCE_RELAXREFRESH, BYPASS_2FACTOR, BYPASS/,
    ],
    [
      'a boolean that is not one',
      { 'X.connectedApp-meta.xml': RETRIEVED.replace('<isAdminApproved>true', '<isAdminApproved>yes') },
      ['X.connectedApp-meta.xml'],
      1,
      /ConnectedApp\.oauthConfig\.isAdminApproved: 'yes' is not true or false/,
    ],
    [
      'a label too long',
      { 'X.connectedApp-meta.xml': RETRIEVED.replace('Acme Sync', 'A'.repeat(81)) },
      ['X.connectedApp-meta.xml'],
      1,
      /X\.connectedApp-meta\.xml: label: is 81 characters long; the limit is 80/,
    ],
    [
      'a dangerous callback URL',
      { 'X.connectedApp-meta.xml': RETRIEVED.replace('https://erp.acme.example/oauth/callback', 'javascript:alert(document.cookie)') },
      ['X.connectedApp-meta.xml'],
      1,
      /oauth\.callbackUrls\[0\]: 'javascript:alert\(document\.cookie\)' uses the javascript: scheme/,
    ],
    ['an empty file', { 'X.connectedApp-meta.xml': '' }, ['X.connectedApp-meta.xml'], 1, /X\.connectedApp-meta\.xml: is empty/],
    [
      'a binary file',
      { 'X.connectedApp-meta.xml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]) },
      ['X.connectedApp-meta.xml'],
      1,
      /X\.connectedApp-meta\.xml: is not UTF-8 text/,
    ],
    ['a missing file', {}, ['nowhere.connectedApp-meta.xml'], 1, /nowhere\.connectedApp-meta\.xml: no such file or folder/],
    ['a file of another type', { 'X.cls': 'class X {}' }, ['X.cls'], 1, /X\.cls: not a ConnectedApp .* or External Client App .* file/],
    [
      '--name with a path',
      { 'X.connectedApp-meta.xml': RETRIEVED },
      ['X.connectedApp-meta.xml', '--name', '../../evil'],
      2,
      /--name: '\.\.\/\.\.\/evil' is not a template name/,
    ],
    [
      '--env that is no name',
      { 'X.connectedApp-meta.xml': RETRIEVED },
      ['X.connectedApp-meta.xml', '--env', 'a/b'],
      2,
      /--env: 'a\/b' is not a valid environment name/,
    ],
    ['no path at all', {}, [], 2, /Not enough non-option arguments|name the files/],
  ];

  test.each(cases)('%s', (_name, files, args, status, message) => {
    const project = projectWith(files);
    const before = snapshotFiles(project);
    const result = runCli(project, ['import', ...args]);
    expect(result.status).toBe(status);
    expect(result.stderr).toMatch(message);
    noStackTrace(result.stderr);
    expect(snapshotFiles(project)).toEqual(before);
  });
});
