import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths';
import { readGolden } from '../helpers/readGolden';
import { makeProject, runCli, snapshotFiles } from '../helpers/tempProject';

const PROD_FILE = 'force-app/main/default/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml';
const SANDBOX_FILE = 'environments/sandbox/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml';
const EMAIL = ['--contact-email', 'admin@example.com'];

const read = (project: string, file: string) => readFileSync(join(project, file), 'utf8');
const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);

describe('generate --env prod on a fresh project', () => {
  const project = makeProject();
  const first = runCli(project, ['generate', '--env', 'prod', ...EMAIL]);

  test('writes the ConnectedApp with every Setup value and reports it created', () => {
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`created   ${PROD_FILE}`);
    expect(read(project, PROD_FILE)).toBe(readGolden('connectedApp', 'prod', 'Fullcast_Motion_Package.connectedApp-meta.xml'));
  });

  test("warns that Spring '26 blocks creating new connected apps", () => {
    expect(first.stderr).toMatch(
      /Warning: Fullcast_Motion_Package \(prod\): since Spring '26 Salesforce blocks creating new connected apps/,
    );
  });

  test('remembers the contact email and the rendering in connected-app.json', () => {
    expect(JSON.parse(read(project, 'connected-app.json'))).toEqual({
      apps: { 'fullcast-motion-package': { contactEmail: 'admin@example.com', outputs: [{ env: 'prod' }] } },
    });
  });

  test('a second run without the email changes nothing and says so', () => {
    const before = statSync(join(project, PROD_FILE)).mtimeMs;
    const second = runCli(project, ['generate', '--env', 'prod']);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`unchanged ${PROD_FILE}`);
    expect(statSync(join(project, PROD_FILE)).mtimeMs).toBe(before);
  });

  test('--check passes without the email, writes nothing, and says in sync', () => {
    const before = snapshotFiles(project);
    const check = runCli(project, ['generate', '--check']);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('In sync');
    expect(snapshotFiles(project)).toEqual(before);
  });
});

describe('--check on drift', () => {
  const project = makeProject();
  runCli(project, ['generate', '--env', 'prod', ...EMAIL]);
  writeFileSync(join(project, PROD_FILE), read(project, PROD_FILE).replace('ENFORCE_RELAXREFRESH', 'BYPASS'));
  const before = snapshotFiles(project);
  const check = runCli(project, ['generate', '--check']);

  test('exits 1 with a unified diff that names the file', () => {
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`--- ${PROD_FILE}\t(on disk)`);
    expect(check.stdout).toContain(`+++ ${PROD_FILE}\t(generated)`);
    expect(check.stdout).toContain('-        <ipRelaxation>BYPASS</ipRelaxation>');
    expect(check.stdout).toContain('+        <ipRelaxation>ENFORCE_RELAXREFRESH</ipRelaxation>');
    expect(check.stderr).toContain('Drift: 1 file differs from what the templates generate. Run `npm run generate`');
  });

  test('writes nothing', () => {
    expect(snapshotFiles(project)).toEqual(before);
  });

  test('a missing file is drift too', () => {
    const other = makeProject({ apps: { 'fullcast-motion-package': { contactEmail: 'admin@example.com', outputs: [{ env: 'prod' }] } } });
    const result = runCli(other, ['generate', '--check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`missing   ${PROD_FILE}`);
    expect(existsSync(join(other, PROD_FILE))).toBe(false);
  });

  test('--json reports the drift with status 1', () => {
    const json = JSON.parse(runCli(project, ['generate', '--check', '--json']).stdout);
    expect(json.status).toBe(1);
    expect(json.result.inSync).toBe(false);
    expect(json.result.targets[0].files[0]).toMatchObject({ path: PROD_FILE, state: 'differs' });
  });
});

describe('environments', () => {
  const project = makeProject();

  test('sandbox renders the sandbox URLs into its own folder, so both can be committed', () => {
    const result = runCli(project, ['generate', '--env', 'sandbox', ...EMAIL]);
    expect(result.status).toBe(0);
    expect(read(project, SANDBOX_FILE)).toBe(readGolden('connectedApp', 'sandbox', 'Fullcast_Motion_Package.connectedApp-meta.xml'));
    expect(existsSync(join(project, PROD_FILE))).toBe(false);
  });

  test('preprod is an alias of sandbox', () => {
    const result = runCli(project, ['generate', '--env', 'preprod']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`unchanged ${SANDBOX_FILE}`);
  });

  test('without --env, generate and --check cover every recorded environment', () => {
    runCli(project, ['generate', '--env', 'prod']);
    const all = runCli(project, ['generate']);
    expect(all.stdout).toContain(`unchanged ${PROD_FILE}`);
    expect(all.stdout).toContain(`unchanged ${SANDBOX_FILE}`);
    expect(runCli(project, ['generate', '--check']).status).toBe(0);
  });

  test('an unknown environment lists the known ones and writes nothing', () => {
    const before = snapshotFiles(project);
    const result = runCli(project, ['generate', '--env', 'qa']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("--env: unknown environment 'qa' for fullcast-motion-package; known: prod, sandbox (alias preprod)");
    expect(snapshotFiles(project)).toEqual(before);
  });
});

describe('a template edit takes effect on the next run', () => {
  const project = makeProject();
  runCli(project, ['generate', '--env', 'prod', ...EMAIL]);

  test('the file is updated with the new value, and --check then passes', () => {
    const template = join(project, 'templates', 'fullcast-motion-package.ts');
    writeFileSync(
      template,
      readFileSync(template, 'utf8').replace(
        "label: 'Fullcast Motion Package'",
        "label: 'Fullcast Motion Package', description: 'Fullcast & Salesforce'",
      ),
    );
    expect(runCli(project, ['generate', '--check']).status).toBe(1);
    const result = runCli(project, ['generate']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`updated   ${PROD_FILE}`);
    expect(read(project, PROD_FILE)).toContain('<description>Fullcast &amp; Salesforce</description>');
    expect(runCli(project, ['generate', '--check']).status).toBe(0);
  });
});

describe('options', () => {
  test('--output-dir and --api-version write the older flag set where asked, and nothing of the run is remembered', () => {
    const project = makeProject();
    const result = runCli(project, ['generate', '--env', 'prod', ...EMAIL, '--output-dir', 'out', '--api-version', '52.0']);
    expect(result.status).toBe(0);
    expect(read(project, 'out/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml')).toBe(
      readGolden('connectedApp', 'api-52', 'Fullcast_Motion_Package.connectedApp-meta.xml'),
    );
    expect(existsSync(join(project, 'connected-app.json'))).toBe(false);
  });

  test('--json prints the typed result', () => {
    const project = makeProject();
    const result = runCli(project, ['generate', '--env', 'prod', ...EMAIL, '--json']);
    const json = JSON.parse(result.stdout);
    expect(result.status).toBe(0);
    expect(json).toMatchObject({
      status: 0,
      result: {
        check: false,
        inSync: true,
        targets: [
          {
            app: 'fullcast-motion-package',
            environment: 'prod',
            apiName: 'Fullcast_Motion_Package',
            apiVersion: '66.0',
            outputDir: 'force-app/main/default',
            files: [{ path: PROD_FILE, state: 'created', type: 'ConnectedApp' }],
          },
        ],
      },
    });
    expect(json.warnings[0]).toMatch(/Spring '26/);
    expect(result.stderr).toBe('');
  });

  test('npm run generate runs the command', () => {
    const project = makeProject();
    const result = spawnSync('npm', ['run', '--silent', 'generate', '--', '--env', 'prod', ...EMAIL], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(existsSync(join(project, PROD_FILE))).toBe(true);
  });
});

describe('bad input: one line per problem, the right exit code, nothing written', () => {
  const cases: [string, string[], number, RegExp][] = [
    [
      'missing contact email',
      ['generate', '--env', 'prod'],
      1,
      /contactEmail: is missing: pass --contact-email you@example\.com once \(connected-app\.json remembers it\), or set contactEmail in templates\/fullcast-motion-package\.ts/,
    ],
    [
      'invalid contact email',
      ['generate', '--env', 'prod', '--contact-email', 'admin'],
      1,
      /--contact-email: 'admin' is not an email address/,
    ],
    [
      'unknown template',
      ['generate', '--env', 'prod', ...EMAIL, '--app', 'nope'],
      1,
      /--app: no template 'nope' in templates\/; available: fullcast-motion-package/,
    ],
    [
      'template name with a path',
      ['generate', '--env', 'prod', ...EMAIL, '--app', '../etc/passwd'],
      1,
      /--app: '\.\.\/etc\/passwd' is not a template name/,
    ],
    [
      'malformed API version',
      ['generate', '--env', 'prod', ...EMAIL, '--api-version', '66'],
      1,
      /--api-version: '66' is not an API version; write it like 66\.0/,
    ],
    [
      'API version too old for the template',
      ['generate', '--env', 'prod', ...EMAIL, '--api-version', '45.0'],
      1,
      /--api-version: API 45\.0 cannot express oauthPolicy\.ipRelaxation; this app needs API 49\.0 or later/,
    ],
    ['unknown flag', ['generate', '--envv', 'prod'], 2, /Error \(UsageError\): unknown flag --envv \(did you mean --env\?\) for generate/],
    [
      'unknown command',
      ['deploy-everything'],
      2,
      /Error \(UsageError\): unknown command 'deploy-everything'; the commands are generate, deploy/,
    ],
    ['no command', [], 2, /Error \(UsageError\): name a command: generate, deploy/],
  ];

  test.each(cases)('%s', (_name, args, status, message) => {
    const project = makeProject();
    const before = snapshotFiles(project);
    const result = runCli(project, args);
    expect(result.status).toBe(status);
    expect(result.stderr).toMatch(message);
    noStackTrace(result.stderr);
    expect(snapshotFiles(project)).toEqual(before);
  });

  test('several problems are listed together', () => {
    const result = runCli(makeProject(), ['generate', '--env', 'qa', '--contact-email', 'bad', '--api-version', '45']);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('  --'))).toHaveLength(3);
  });

  test('--json errors carry the code, message, problems and exit code', () => {
    const result = runCli(makeProject(), ['generate', '--env', 'prod', '--json']);
    const json = JSON.parse(result.stdout);
    expect(result.status).toBe(1);
    expect(json).toMatchObject({ status: 1, exitCode: 1, name: 'ValidationError', problems: [{ field: 'contactEmail' }] });
  });

  test('a syntax error in a template names the file, line and column', () => {
    const project = makeProject();
    const template = join(project, 'templates', 'fullcast-motion-package.ts');
    writeFileSync(
      template,
      readFileSync(template, 'utf8').replace("label: 'Fullcast Motion Package',", "label: 'Fullcast Motion Package',,"),
    );
    const result = runCli(project, ['generate', '--env', 'prod', ...EMAIL]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Error \(TemplateSyntaxError\): .*templates\/fullcast-motion-package\.ts:\d+:\d+: /);
    noStackTrace(result.stderr);
  });

  test('a template importing code at run time is refused', () => {
    const project = makeProject();
    writeFileSync(
      join(project, 'templates', 'evil.ts'),
      "import { execSync } from 'node:child_process';\nexecSync('touch pwned');\nexport default {};\n",
    );
    const result = runCli(project, ['generate', '--app', 'evil', ...EMAIL]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/imports 'node:child_process' at run time; a template may import only types/);
    expect(existsSync(join(project, 'pwned'))).toBe(false);
  });
});

describe('this repository', () => {
  test('its committed metadata is in sync with its templates (the PR gate on itself)', () => {
    const result = runCli(REPO_ROOT, ['generate', '--check']);
    expect(result.stdout).toContain('In sync');
    expect(result.status).toBe(0);
  });
});

describe('--kind external-client-app', () => {
  const project = makeProject();
  const ECA_SET = [
    'force-app/main/default/externalClientApps/Fullcast_Motion_Package.eca-meta.xml',
    'force-app/main/default/extlClntAppGlobalOauthSets/Fullcast_Motion_Package_glbloauth.ecaGlblOauth-meta.xml',
    'force-app/main/default/extlClntAppOauthSettings/Fullcast_Motion_Package_oauth.ecaOauth-meta.xml',
    'force-app/main/default/extlClntAppOauthPolicies/Fullcast_Motion_Package_oauthPlcy.ecaOauthPlcy-meta.xml',
  ];
  const first = runCli(project, ['generate', '--env', 'prod', '--kind', 'external-client-app', ...EMAIL]);

  test('writes the four linked files with the Setup choices, and no ConnectedApp', () => {
    expect(first.status).toBe(0);
    for (const file of ECA_SET) {
      expect(first.stdout).toContain(`created   ${file}`);
      expect(read(project, file)).toBe(readGolden('eca', 'prod', file.replace('force-app/main/default/', '')));
    }
    expect(existsSync(join(project, PROD_FILE))).toBe(false);
    expect(first.stderr).not.toMatch(/Spring '26/);
  });

  test('is remembered with its kind, so --check covers the set', () => {
    expect(JSON.parse(read(project, 'connected-app.json')).apps['fullcast-motion-package'].outputs).toEqual([
      { env: 'prod', kind: 'external-client-app' },
    ]);
    expect(runCli(project, ['generate', '--check']).status).toBe(0);
    writeFileSync(join(project, ECA_SET[3]), read(project, ECA_SET[3]).replace('Infinite', 'Zero'));
    const check = runCli(project, ['generate', '--check']);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`differs   ${ECA_SET[3]}`);
    expect(check.stdout).toContain(`--- ${ECA_SET[3]}\t(on disk)`);
    expect(check.stderr).toContain('Run `npm run generate`');
  });

  test('both kinds of the same environment live side by side', () => {
    runCli(project, ['generate', '--kind', 'external-client-app']);
    const both = runCli(project, ['generate', '--env', 'prod']);
    expect(both.status).toBe(0);
    expect(JSON.parse(read(project, 'connected-app.json')).apps['fullcast-motion-package'].outputs).toEqual([
      { env: 'prod' },
      { env: 'prod', kind: 'external-client-app' },
    ]);
    expect(runCli(project, ['generate', '--check']).stdout).toContain('In sync');
  });

  test('a template can make it the default kind', () => {
    const other = makeProject();
    const template = join(other, 'templates', 'fullcast-motion-package.ts');
    writeFileSync(
      template,
      readFileSync(template, 'utf8').replace(
        'const template: AppTemplate<{ baseUrl: string }> = {',
        "const template: AppTemplate<{ baseUrl: string }> = {\n  kind: 'external-client-app',",
      ),
    );
    const result = runCli(other, ['generate', '--env', 'sandbox', ...EMAIL]);
    expect(result.status).toBe(0);
    expect(read(other, 'environments/sandbox/externalClientApps/Fullcast_Motion_Package.eca-meta.xml')).toBe(
      readGolden('eca', 'sandbox', 'externalClientApps/Fullcast_Motion_Package.eca-meta.xml'),
    );
  });

  test('an API version without External Client Apps is refused; a bad --kind is a usage error', () => {
    const other = makeProject();
    const old = runCli(other, ['generate', '--env', 'prod', '--kind', 'external-client-app', ...EMAIL, '--api-version', '58.0']);
    expect(old.status).toBe(1);
    expect(old.stderr).toContain('--api-version: API 58.0 cannot express ExternalClientApplication; this app needs API 59.0 or later');
    const bad = runCli(other, ['generate', '--env', 'prod', '--kind', 'eca']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--kind: 'eca' is not one of connected-app, external-client-app/);
  });
});
