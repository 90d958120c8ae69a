/**
 * `connected-app deploy --all` end to end: six stand-in orgs (prod and sandbox mixed, one
 * refusing the deploy), the real sf, the built command as a child process. It checks the exit
 * code, that each org is named with its result (the failing one with Salesforce's problem text),
 * that each org received exactly its environment's file, that no more than three deploys were
 * in flight at the stand-ins while at least two were at once, the JSON of every org, the record
 * `--rerun-failed` reads, and that no token is printed and no project file changes.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AsyncRun, runAsync } from '../helpers/runAsync';
import { sfEnvironment } from '../helpers/sfEnv';
import { makeProject, runCli, snapshotFiles } from '../helpers/tempProject';
import { type FleetStandIns, startFleet } from '../standin/standInFleet';
import { ACCESS_TOKEN, type Scenario, type StandInOrg } from '../standin/standInOrg';

const ZIP_ENTRY = 'connectedApps/Fullcast_Motion_Package.connectedApp';
const FILES: Record<string, string> = {
  prod: 'force-app/main/default/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml',
  sandbox: 'environments/sandbox/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml',
};
const ORGS: Record<string, string> = {
  'acme-prod': 'prod',
  'acme-uat': 'sandbox',
  'beta-prod': 'prod',
  'beta-qa': 'sandbox',
  'gamma-prod': 'prod',
  'gamma-dev': 'sandbox',
};
const FAILING = 'beta-prod';
const PROBLEM = 'INSUFFICIENT_ACCESS_OR_READONLY: insufficient access rights on object id';

let project = '';
let env: NodeJS.ProcessEnv = {};
let fleet: FleetStandIns;

/** Project files as git sees them: sf's state folders left out (snapshotFiles leaves out .connected-app). */
const projectFiles = (): Map<string, string> => {
  const files = snapshotFiles(project);
  for (const path of [...files.keys()]) if (/^\.(sf|sfdx)\//.test(path)) files.delete(path);
  return files;
};

/** Runs `connected-app <args>` with every org's scenario set, checked for leaks, stack traces and changed files. */
async function run(args: readonly string[], scenario: (alias: string) => Scenario): Promise<AsyncRun> {
  for (const [alias, org] of fleet.orgs) org.reset(scenario(alias));
  fleet.gauge.peak = 0;
  const before = projectFiles();
  const result = await runAsync(process.execPath, [join(project, 'bin', 'connected-app.js'), ...args], { cwd: project, env });
  expect(result.stdout + result.stderr).not.toContain(ACCESS_TOKEN);
  expect(result.stdout + result.stderr).not.toContain(ACCESS_TOKEN.split('!')[1]);
  expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(projectFiles()).toEqual(before);
  return result;
}

/** Every org succeeds after one "in progress" poll (so deploys overlap), except the failing one. */
const oneFailing = (alias: string): Scenario =>
  alias === FAILING
    ? {
        outcome: 'componentFailure',
        inProgressPolls: 1,
        failures: [{ problem: PROBLEM, fileName: ZIP_ENTRY, fullName: 'Fullcast_Motion_Package' }],
      }
    : { outcome: 'success', inProgressPolls: 1 };

beforeAll(async () => {
  project = makeProject();
  runCli(project, ['generate', '--env', 'prod', '--contact-email', 'admin@example.com']);
  runCli(project, ['generate', '--env', 'sandbox']);
  for (const [alias, environment] of Object.entries(ORGS)) {
    const added = runCli(project, ['orgs', 'add', alias, '--env', environment]);
    if (added.status !== 0) throw new Error(added.stderr);
  }
  env = sfEnvironment({ SF_ACCESS_TOKEN: ACCESS_TOKEN });
  fleet = await startFleet(Object.keys(ORGS), project, env);
});

afterAll(() => fleet?.stop());

describe('deploy --all --concurrency 3 with one org failing', () => {
  let result: AsyncRun;
  beforeAll(async () => {
    result = await run(['deploy', '--all', '--concurrency', '3'], oneFailing);
  });

  test('exits 1 and names the failing org with its problem text', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${FAILING} (prod): Failed`);
    expect(result.stderr).toContain(`Salesforce: ${PROBLEM}`);
    expect(result.stderr).toMatch(/6 orgs: 5 succeeded, 1 failed\. Deploy those again: connected-app deploy --rerun-failed/);
  });

  test('names every other org as succeeded, with its environment and deploy id', () => {
    for (const [alias, environment] of Object.entries(ORGS)) {
      if (alias === FAILING) continue;
      const deployId = (fleet.orgs.get(alias)?.deploys.length ?? 0) > 0 ? /0Af\w+/ : /-/;
      expect(result.stdout).toMatch(new RegExp(`^  ${alias}\\s+${environment}\\s+Succeeded\\s+${deployId.source}\\s+\\d+\\.\\d s$`, 'm'));
    }
  });

  test("sends each org exactly its environment's file", () => {
    for (const [alias, environment] of Object.entries(ORGS)) {
      const deploys = fleet.orgs.get(alias)?.deploys ?? [];
      expect(deploys).toHaveLength(1);
      expect([...deploys[0].files.keys()].sort()).toEqual([ZIP_ENTRY, 'package.xml']);
      const sent = Buffer.from(deploys[0].files.get(ZIP_ENTRY) as Uint8Array);
      expect(sent.equals(readFileSync(join(project, FILES[environment])))).toBe(true);
    }
    expect(readFileSync(join(project, FILES.prod)).equals(readFileSync(join(project, FILES.sandbox)))).toBe(false);
  });

  test('has at most three deploys in flight at the orgs, and at least two at once', () => {
    expect(fleet.gauge.peak).toBeLessThanOrEqual(3);
    expect(fleet.gauge.peak).toBeGreaterThanOrEqual(2);
  });

  test('--rerun-failed deploys only the org that failed', async () => {
    const rerun = await run(['deploy', '--rerun-failed'], () => ({ outcome: 'success' }));
    expect(rerun.status).toBe(0);
    expect([...fleet.orgs].filter(([, org]) => org.deploys.length > 0).map(([alias]) => alias)).toEqual([FAILING]);
    expect(rerun.stdout).toMatch(new RegExp(`^  ${FAILING}\\s+prod\\s+Succeeded`, 'm'));
    expect(rerun.stdout).toContain('1 org: 1 succeeded, 0 failed');
  });
});

test('--json lists every org with the fields of a single deploy', async () => {
  const result = await run(['deploy', '--all', '--concurrency', '6', '--json'], oneFailing);
  expect(result.status).toBe(1);
  const json = JSON.parse(result.stdout) as { status: number; result: { orgs: Record<string, unknown>[] } };
  expect(json.status).toBe(1);
  expect(json.result.orgs.map((org) => org.alias)).toEqual(Object.keys(ORGS).sort());
  for (const org of json.result.orgs) {
    const environment = ORGS[org.alias as string];
    expect(org).toMatchObject({
      environment,
      exitCode: org.alias === FAILING ? 1 : 0,
      result: {
        deploys: [
          {
            app: 'fullcast-motion-package',
            environment,
            kind: 'connected-app',
            targetOrg: { name: org.alias },
            files: [FILES[environment]],
            status: org.alias === FAILING ? 'Failed' : 'Succeeded',
            deployId: expect.stringMatching(/^0Af/),
          },
        ],
      },
    });
  }
});

test('Ctrl-C starts no further org, lets the one in flight finish and reports the rest as not started', async () => {
  for (const org of fleet.orgs.values()) org.reset({ outcome: 'success', inProgressPolls: 2 });
  const child = spawn(process.execPath, [join(project, 'bin', 'connected-app.js'), 'deploy', '--all', '--concurrency', '1'], {
    cwd: project,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  while (fleet.gauge.current === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  child.kill('SIGINT');
  const status = await closed;
  const [first, ...others] = Object.keys(ORGS).sort();
  expect(status).toBe(1);
  expect(stderr).toContain('Stopping: no further org starts');
  expect(stdout).toMatch(new RegExp(`^  ${first}\\s+\\S+\\s+Succeeded`, 'm'));
  for (const alias of others) expect(stdout).toMatch(new RegExp(`^  ${alias}\\s+\\S+\\s+NotStarted\\s+-\\s+-$`, 'm'));
  expect(stderr).toContain(`6 orgs: 1 succeeded, 0 failed, 5 not started`);
  expect([...fleet.orgs].filter(([, org]) => org.deploys.length > 0).map(([alias]) => alias)).toEqual([first]);
});

describe('diff --orgs: the drift of several orgs in one run', () => {
  const COMPARED = ['acme-prod', 'acme-uat', FAILING];
  const CHANGED_URL = 'https://changed-in-setup.example.com/oauth/callback';

  test('exits 1, names the org whose callback URL was changed in Setup, and the others as in sync; --json parses', async () => {
    // Each org holds what the project renders for its environment; one was changed "in Setup".
    for (const alias of COMPARED) {
      const text = readFileSync(join(project, FILES[ORGS[alias]]), 'utf8');
      const held = alias === FAILING ? text.replace(/<callbackUrl>[^\n<]*/, `<callbackUrl>${CHANGED_URL}`) : text;
      (fleet.orgs.get(alias) as StandInOrg).orgFiles.set(ZIP_ENTRY, held);
    }
    const result = await run(['diff', '--orgs', COMPARED.join(','), '--concurrency', '3'], () => ({ outcome: 'success' }));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^ {2}acme-prod\s+prod\s+in sync\s+\d+\.\d s$/m);
    expect(result.stdout).toMatch(/^ {2}acme-uat\s+sandbox\s+in sync\s+\d+\.\d s$/m);
    expect(result.stdout).toMatch(new RegExp(`^  ${FAILING}\\s+prod\\s+drift \\(1 app\\)`, 'm'));
    expect(result.stdout).toContain('Callback URL');
    expect(result.stdout).toContain(CHANGED_URL);
    expect(result.stderr).toContain('3 orgs: 2 in sync, 1 drifted. Compare those again: connected-app diff --rerun-failed');
    for (const alias of COMPARED) expect(fleet.orgs.get(alias)?.deploys).toHaveLength(0);

    const json = await run(['diff', '--rerun-failed', '--json'], () => ({ outcome: 'success' }));
    expect(json.status).toBe(1);
    const parsed = JSON.parse(json.stdout) as { result: { orgs: { alias: string; result: { diffs: { apps: { state: string }[] }[] } }[] } };
    expect(parsed.result.orgs.map((org) => org.alias)).toEqual([FAILING]);
    expect(parsed.result.orgs[0].result.diffs[0].apps[0].state).toBe('drift');
  });
});
