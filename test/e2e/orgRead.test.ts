/**
 * Reading an org end to end with the real sf against the stand-in org: `import --target-org`
 * (--list, --app-name) and `diff`, including a change made "in Setup" between two calls, an app
 * missing in the org, an org that refuses the retrieve and a dropped connection. One stand-in, one
 * project, each sf call counted (they cost seconds).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withoutOrgValues } from '../../generator/import/retrieveVersion';
import { type AsyncRun, runAsync } from '../helpers/runAsync';
import { REPO_ROOT } from '../helpers/paths';
import { SF_BIN, sfEnvironment } from '../helpers/sfEnv';
import { makeProject, snapshotFiles } from '../helpers/tempProject';
import { FAKE_CONSUMER_KEY, orgContents } from '../standin/orgContents';
import { ACCESS_TOKEN, StandInOrg } from '../standin/standInOrg';

const org = new StandInOrg();
const contents = orgContents();
const [A] = contents.connectedApps;
const E = contents.externalClientApp;
let project = '';
let env: NodeJS.ProcessEnv = {};

const git = (args: readonly string[]) => spawnSync('git', [...args], { cwd: project, encoding: 'utf8' });

/** `connected-app <args>` as a child process, checked for what must never happen: a token or a consumer key shown, a stack trace. */
async function run(args: readonly string[]): Promise<AsyncRun> {
  const result = await runAsync(process.execPath, [join(project, 'bin', 'connected-app.js'), ...args], { cwd: project, env });
  const output = result.stdout + result.stderr;
  expect(output).not.toContain(ACCESS_TOKEN);
  expect(output).not.toContain(ACCESS_TOKEN.split('!')[1]);
  expect(output).not.toContain(FAKE_CONSUMER_KEY);
  expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  return result;
}

/** Project files as git sees them (sf's state folders and the tool's cache left out). */
function projectFiles(): Map<string, string> {
  const files = snapshotFiles(project);
  for (const path of [...files.keys()]) if (/^\.(sf|sfdx|git|connected-app)\//.test(path)) files.delete(path);
  return files;
}

beforeAll(async () => {
  const url = await org.start();
  for (const [path, text] of contents.files) org.orgFiles.set(path, text);
  project = makeProject();
  copyFileSync(join(REPO_ROOT, '.gitignore'), join(project, '.gitignore'));
  git(['init', '--quiet']);
  git(['add', '-A']);
  git(['-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '--quiet', '-m', 'start']);
  env = sfEnvironment({ SF_ACCESS_TOKEN: ACCESS_TOKEN });
  const login = await runAsync(
    SF_BIN,
    ['org', 'login', 'access-token', '--instance-url', url, '--no-prompt', '--alias', 'standin', '--json'],
    {
      cwd: project,
      env,
    },
  );
  if (login.status !== 0) throw new Error(`login failed: ${login.stdout}`);
});

afterAll(() => org.stop());

describe(`import --target-org against a stand-in org holding ${contents.source} and one External Client App set`, () => {
  test('--list names every app with its kind and label; --json parses', async () => {
    const result = await run(['import', '--target-org', 'standin', '--list', '--json']);
    expect(result.status).toBe(0);
    const apps = (JSON.parse(result.stdout) as { result: { apps: { apiName: string; kind: string; label?: string }[] } }).result.apps;
    expect(apps.map((app) => app.apiName).sort()).toEqual([...contents.connectedApps, E].sort());
    expect(apps.find((app) => app.apiName === E)).toMatchObject({ kind: 'external-client-app', label: 'Partner Connector' });
    for (const name of contents.connectedApps) expect(apps.find((app) => app.apiName === name)?.kind).toBe('connected-app');
  });

  test('--app-name A --app-name E writes two templates that generate the org files back, byte for byte, with no consumer key anywhere', async () => {
    const result = await run(['import', '--target-org', 'standin', '--app-name', A, '--app-name', E, '--env', 'prod', '--json']);
    expect(result.status).toBe(0);
    const imported = (JSON.parse(result.stdout) as { result: { apps: { template: string }[] } }).result.apps.map((app) => app.template);
    expect(imported.sort()).toEqual([A, E].sort());
    const status = git(['status', '--porcelain', '--untracked-files=all']).stdout.trim().split('\n').sort();
    expect(status).toEqual([`?? templates/${A}.ts`, `?? templates/${E}.ts`].sort());
    for (const text of projectFiles().values()) expect(text).not.toContain(FAKE_CONSUMER_KEY);

    expect((await run(['generate', '--app', A, '--env', 'prod'])).status).toBe(0);
    expect((await run(['generate', '--app', E, '--env', 'prod', '--kind', 'external-client-app'])).status).toBe(0);
    const generated = (path: string) => readFileSync(join(project, 'force-app', 'main', 'default', `${path}-meta.xml`), 'utf8');
    const expected = [...contents.files].filter(([path]) => path.includes(`/${A}.`) || path.includes(`/${E}`));
    expect(expected).toHaveLength(6);
    for (const [path, text] of expected) expect(generated(path)).toBe(withoutOrgValues(text));
  });
});

describe('diff --target-org', () => {
  test('exits 0 when the org holds what the repository renders', async () => {
    const result = await run(['diff', '--target-org', 'standin', '--app', A]);
    expect(result.stdout).toBe(`${A} (prod, ConnectedApp ${A}): in sync with standin\n`);
    expect(result.status).toBe(0);
  });

  test('after a callback URL and the permitted users are changed in Setup, and for an app the org lacks: exit 1, each change named by its Setup label; --json parses', async () => {
    // The built-in template's app, rendered for prod too, is one the stand-in org does not hold.
    expect((await run(['generate', '--env', 'prod', '--contact-email', 'admin@example.com'])).status).toBe(0);
    const appFile = `connectedApps/${A}.connectedApp`;
    const policies = `extlClntAppOauthPolicies/${E}_oauthPlcy.ecaOauthPlcy`;
    const before = new Map(org.orgFiles);
    org.orgFiles.set(
      appFile,
      (org.orgFiles.get(appFile) ?? '').replace(
        /<callbackUrl>[^<]*<\/callbackUrl>/,
        '<callbackUrl>https://changed.example.com/cb</callbackUrl>',
      ),
    );
    org.orgFiles.set(policies, (org.orgFiles.get(policies) ?? '').replace('AdminApprovedPreAuthorized', 'AllSelfAuthorized'));
    const files = projectFiles();
    const result = await run(['diff', '--target-org', 'standin', '--env', 'prod', '--json', '--verbose']);
    for (const [path, text] of before) org.orgFiles.set(path, text);
    expect(result.status).toBe(1);
    const apps = (
      JSON.parse(result.stdout) as { result: { apps: { apiName: string; state: string; differences: { label: string; org: string }[] }[] } }
    ).result.apps;
    const of = (name: string) => apps.find((app) => app.apiName === name);
    expect(of(A)?.state).toBe('drift');
    expect(of(A)?.differences).toEqual([expect.objectContaining({ label: 'Callback URL', org: 'https://changed.example.com/cb' })]);
    expect(of(E)?.differences).toEqual([expect.objectContaining({ label: 'Permitted Users', org: 'All users may self-authorize' })]);
    expect(of('Fullcast_Motion_Package')).toMatchObject({ state: 'missing-in-org', differences: [] });
    expect(projectFiles()).toEqual(files);
  });

  test('an org that refuses the retrieve, and a dropped connection: one-line errors, exit 1', async () => {
    org.reset({ outcome: 'success', retrieve: 'refuse' });
    const refused = await run(['diff', '--target-org', 'standin', '--app', A, '--env', 'prod']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^Error \(RetrieveFailed\): the retrieve in the org 'standin' failed: .*INSUFFICIENT_ACCESS/m);
    org.reset({ outcome: 'success', retrieve: 'drop' });
    const dropped = await run(['diff', '--target-org', 'standin', '--app', A, '--env', 'prod']);
    org.reset({ outcome: 'success' });
    expect(dropped.status).toBe(1);
    expect(dropped.stderr).toMatch(/^Error \(RetrieveFailed\): the retrieve in the org 'standin' failed: /m);
  });
});

describe('import --into: a sandbox next to production', () => {
  test("the sandbox's copy becomes the environment sandbox of the template; both environments regenerate what their orgs hold", async () => {
    const appFile = `connectedApps/${A}.connectedApp`;
    const production = org.orgFiles.get(appFile) as string;
    const sandbox = production.replace(
      /<callbackUrl>[^<]*<\/callbackUrl>/,
      '<callbackUrl>https://sandbox.example.com/callback</callbackUrl>',
    );
    org.orgFiles.set(appFile, sandbox);
    const result = await run(['import', '--target-org', 'standin', '--app-name', A, '--into', A, '--env', 'sandbox']);
    org.orgFiles.set(appFile, production);
    expect(result.stderr).not.toContain('Error');
    expect(result.status).toBe(0);
    expect(readFileSync(join(project, 'templates', `${A}.ts`), 'utf8')).toContain('oauthCallbackUrls');
    expect((await run(['generate', '--app', A, '--env', 'sandbox'])).status).toBe(0);
    expect((await run(['generate', '--app', A, '--env', 'prod', '--check'])).status).toBe(0);
    const file = (folder: string) => readFileSync(join(project, folder, 'connectedApps', `${A}.connectedApp-meta.xml`), 'utf8');
    expect(file(join('environments', 'sandbox'))).toBe(withoutOrgValues(sandbox));
    expect(file(join('force-app', 'main', 'default'))).toBe(withoutOrgValues(production));
    for (const text of projectFiles().values()) expect(text).not.toContain(FAKE_CONSUMER_KEY);
  });
});
