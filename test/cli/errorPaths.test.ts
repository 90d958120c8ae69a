/**
 * Every error a user can cause, run through the CLI: a one-line message naming the file, field
 * or flag, the error's code and exit code, no stack trace, and no file written or lost.
 */
import { mkdirSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths';
import { makeProject, snapshotFiles, spawnCli } from '../helpers/tempProject';

const EMAIL = ['--contact-email', 'admin@example.com'];
const TEMPLATE = 'templates/fullcast-motion-package.ts';

interface Scenario {
  readonly name: string;
  /** Changes the fresh project before the run. */
  readonly setup?: (project: string) => void;
  readonly args: readonly string[];
  readonly code: string;
  readonly exitCode: number;
  /** Text the one-line message must hold: the file, field or flag at fault. */
  readonly names: string;
}

const write = (project: string, file: string, content: string) => {
  mkdirSync(join(project, file, '..'), { recursive: true });
  writeFileSync(join(project, file), content);
};

/** node_modules as links to the repository's packages, without the Salesforce CLI's binary. */
function withoutSf(project: string): void {
  unlinkSync(join(project, 'node_modules'));
  mkdirSync(join(project, 'node_modules'));
  for (const name of readdirSync(join(REPO_ROOT, 'node_modules'))) {
    if (name !== '.bin') symlinkSync(join(REPO_ROOT, 'node_modules', name), join(project, 'node_modules', name));
  }
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'no sfdx-project.json',
    setup: (p) => rmSync(join(p, 'sfdx-project.json')),
    args: ['generate', ...EMAIL],
    code: 'ProjectNotFound',
    exitCode: 1,
    names: 'sfdx-project.json',
  },
  {
    name: 'sfdx-project.json is not JSON',
    setup: (p) => write(p, 'sfdx-project.json', '{ "packageDirectories": [ '),
    args: ['generate', ...EMAIL],
    code: 'InvalidProjectFile',
    exitCode: 1,
    names: 'sfdx-project.json',
  },
  {
    name: 'sfdx-project.json has no package directory',
    setup: (p) => write(p, 'sfdx-project.json', '{ "packageDirectories": [] }'),
    args: ['generate', ...EMAIL],
    code: 'InvalidProjectFile',
    exitCode: 1,
    names: 'sfdx-project.json',
  },
  {
    name: 'connected-app.json is not JSON',
    setup: (p) => write(p, 'connected-app.json', '{ apps: }'),
    args: ['generate'],
    code: 'InvalidSettingsFile',
    exitCode: 1,
    names: 'connected-app.json',
  },
  {
    name: 'connected-app.json has the wrong shape',
    setup: (p) => write(p, 'connected-app.json', '{ "apps": 3 }'),
    args: ['generate'],
    code: 'InvalidSettingsFile',
    exitCode: 1,
    names: 'connected-app.json',
  },
  {
    name: 'a template with a syntax error',
    setup: (p) => write(p, TEMPLATE, 'export default { label: ;'),
    args: ['generate', ...EMAIL],
    code: 'TemplateSyntaxError',
    exitCode: 1,
    names: TEMPLATE,
  },
  {
    name: 'a template that throws while loading',
    setup: (p) => write(p, TEMPLATE, "throw new Error('no base URL configured');\nexport default {};\n"),
    args: ['generate', ...EMAIL],
    code: 'TemplateLoadError',
    exitCode: 1,
    names: 'no base URL configured',
  },
  {
    name: 'a template that imports a module at run time',
    setup: (p) =>
      write(
        p,
        TEMPLATE,
        "import { readFileSync } from 'node:fs';\nexport default { environments: { prod: {} }, app: { label: String(readFileSync) } };\n",
      ),
    args: ['generate', ...EMAIL],
    code: 'TemplateImport',
    exitCode: 1,
    names: 'node:fs',
  },
  {
    name: 'a template with an invalid field',
    setup: (p) =>
      write(
        p,
        TEMPLATE,
        "export default { environments: { prod: {} }, app: { label: 'X', oauth: { callbackUrls: ['http://x.example.com/cb'], scopes: ['Api'] } } };\n",
      ),
    args: ['generate', ...EMAIL],
    code: 'ValidationError',
    exitCode: 1,
    names: 'oauth.callbackUrls[0]',
  },
  {
    name: 'an unknown template',
    args: ['generate', '--app', 'no-such-app', ...EMAIL],
    code: 'ValidationError',
    exitCode: 1,
    names: 'no-such-app',
  },
  {
    name: 'an unknown environment',
    args: ['generate', '--env', 'staging', ...EMAIL],
    code: 'ValidationError',
    exitCode: 1,
    names: 'staging',
  },
  {
    name: 'a contact email that is not one',
    args: ['generate', '--env', 'prod', '--contact-email', 'admin@'],
    code: 'ValidationError',
    exitCode: 1,
    names: '--contact-email',
  },
  {
    name: 'an API version that is not one',
    args: ['generate', '--env', 'prod', '--api-version', 'v66', ...EMAIL],
    code: 'ValidationError',
    exitCode: 1,
    names: '--api-version',
  },
  { name: 'an unknown flag', args: ['generate', '--enviroment', 'prod'], code: 'UsageError', exitCode: 2, names: 'enviroment' },
  { name: 'an unknown command', args: ['genrate'], code: 'UsageError', exitCode: 2, names: 'genrate' },
  {
    name: 'an output folder that cannot be made',
    setup: (p) => write(p, 'blocked', 'a file where a folder must go'),
    args: ['generate', '--env', 'prod', '--output-dir', 'blocked/out', ...EMAIL],
    code: 'UnsafePath',
    exitCode: 1,
    names: 'blocked',
  },
  { name: 'import of a missing path', args: ['import', 'retrieved'], code: 'ImportSourceMissing', exitCode: 1, names: 'retrieved' },
  {
    name: 'import of a folder without apps',
    setup: (p) => write(p, 'retrieved/readme.txt', 'x'),
    args: ['import', 'retrieved'],
    code: 'ImportSourceEmpty',
    exitCode: 1,
    names: 'retrieved',
  },
  {
    name: 'import of a file of another type',
    setup: (p) => write(p, 'retrieved/a.txt', 'x'),
    args: ['import', 'retrieved/a.txt'],
    code: 'ImportSourceUnknown',
    exitCode: 1,
    names: 'retrieved/a.txt',
  },
  {
    name: 'import of one file of an External Client App set',
    setup: (p) => write(p, 'retrieved/extlClntAppOauthSettings/X_oauth.ecaOauth-meta.xml', '<x/>'),
    args: ['import', 'retrieved/extlClntAppOauthSettings/X_oauth.ecaOauth-meta.xml'],
    code: 'ImportEcaChild',
    exitCode: 1,
    names: 'X_oauth.ecaOauth-meta.xml',
  },
  {
    name: 'import of a file that is not XML',
    setup: (p) =>
      write(
        p,
        'retrieved/connectedApps/X.connectedApp-meta.xml',
        '<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata"><label>X</ConnectedApp>',
      ),
    args: ['import', 'retrieved'],
    code: 'ValidationError',
    exitCode: 1,
    names: 'X.connectedApp-meta.xml',
  },
  {
    name: 'a secret scan of a missing path',
    args: ['check-secrets', 'no/such/folder'],
    code: 'ScanPathMissing',
    exitCode: 1,
    names: 'no/such/folder',
  },
  {
    name: 'a folder where a generated file must go',
    setup: (p) =>
      mkdirSync(join(p, 'force-app/main/default/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml'), { recursive: true }),
    args: ['generate', '--env', 'prod', ...EMAIL],
    code: 'UnsafePath',
    exitCode: 1,
    names: 'Fullcast_Motion_Package.connectedApp-meta.xml',
  },
  {
    name: 'deploy without the Salesforce CLI installed',
    setup: (p) => {
      expect(spawnCli(p, ['generate', '--env', 'prod', ...EMAIL]).status).toBe(0);
      withoutSf(p);
    },
    args: ['deploy', '--env', 'prod', '--target-org', 'x@example.com'],
    code: 'SfNotFound',
    exitCode: 1,
    names: 'node_modules/.bin/sf',
  },
];

describe.each(SCENARIOS)('$name', (scenario) => {
  const project = makeProject();
  scenario.setup?.(project);
  const before = snapshotFiles(project);
  const run = spawnCli(project, scenario.args);
  const json = spawnCli(project, [...scenario.args, '--json']);

  test(`exits ${scenario.exitCode} with ${scenario.code} in one line that names ${scenario.names}`, () => {
    const [first] = run.stderr.split('\n');
    expect([run.status, first]).toEqual([scenario.exitCode, expect.stringMatching(new RegExp(`^Error \\(${scenario.code}\\): .+`))]);
    const problemLines = run.stderr.split('\n').filter((line) => line.startsWith('  '));
    expect(`${first}\n${problemLines.join('\n')}`).toContain(scenario.names);
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  test('--json prints the same error as a document on stdout', () => {
    expect(json.status).toBe(scenario.exitCode);
    expect(JSON.parse(json.stdout)).toMatchObject({ name: scenario.code, exitCode: scenario.exitCode, status: scenario.exitCode });
  });

  test('writes nothing and loses nothing', () => {
    expect(snapshotFiles(project)).toEqual(before);
  });
});
