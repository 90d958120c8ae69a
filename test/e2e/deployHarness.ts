/**
 * The end-to-end deploy set-up shared by the test/e2e/deploy*.test.ts files: a stand-in org on
 * 127.0.0.1, a temporary project with the production renderings generated, the real sf logged in
 * to the stand-in, and a runner of `connected-app deploy` (the built command, as a child process)
 * that checks every run for what must never happen: the access token in any output, a project
 * file changed, a stack trace.
 */
import { join } from 'node:path';
import { type AsyncRun, runAsync } from '../helpers/runAsync';
import { SF_BIN, sfEnvironment } from '../helpers/sfEnv';
import { makeProject, runCli, snapshotFiles } from '../helpers/tempProject';
import { ACCESS_TOKEN, type Scenario, StandInOrg } from '../standin/standInOrg';

export const APP_FILE = 'force-app/main/default/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml';
export const ZIP_ENTRY = 'connectedApps/Fullcast_Motion_Package.connectedApp';

export interface DeployHarness {
  readonly org: StandInOrg;
  /** The project folder; set once the harness's beforeAll ran. */
  project(): string;
  /** sf's environment for this harness (its own HOME). */
  env(): NodeJS.ProcessEnv;
  login(url: string, alias: string): Promise<void>;
  /** `connected-app deploy --target-org standin --env prod <args>` with `scenario`, checked for leaks, stack traces and changes. */
  deployWith(scenario: Scenario, args?: readonly string[]): Promise<AsyncRun>;
  /** `connected-app <args>` as a child process, unchecked. */
  run(args: readonly string[]): Promise<AsyncRun>;
}

/** Registers the beforeAll/afterAll of an end-to-end deploy file and returns its harness. */
export function deployHarness(): DeployHarness {
  const org = new StandInOrg();
  let project = '';
  let env: NodeJS.ProcessEnv = {};

  /** Project files as git sees them: the tool's cache and sf's own state folders left out. */
  const projectFiles = (): Map<string, string> => {
    const files = snapshotFiles(project);
    for (const path of [...files.keys()]) if (/^\.(sf|sfdx)\//.test(path)) files.delete(path);
    return files;
  };
  const run = (args: readonly string[]) =>
    runAsync(process.execPath, [join(project, 'bin', 'connected-app.js'), ...args], { cwd: project, env });
  const login = async (url: string, alias: string) => {
    const result = await runAsync(
      SF_BIN,
      ['org', 'login', 'access-token', '--instance-url', url, '--no-prompt', '--alias', alias, '--json'],
      {
        cwd: project,
        env,
      },
    );
    if (result.status !== 0) throw new Error(`login failed: ${result.stdout}`);
  };

  beforeAll(async () => {
    const url = await org.start();
    project = makeProject();
    runCli(project, ['generate', '--env', 'prod', '--contact-email', 'admin@example.com']);
    runCli(project, ['generate', '--env', 'prod', '--kind', 'external-client-app']);
    env = sfEnvironment({ SF_ACCESS_TOKEN: ACCESS_TOKEN });
    await login(url, 'standin');
  });

  afterAll(() => org.stop());

  return {
    org,
    project: () => project,
    env: () => env,
    login,
    run,
    async deployWith(scenario, args = []) {
      org.reset(scenario);
      const before = projectFiles();
      const result = await run(['deploy', '--target-org', 'standin', '--env', 'prod', ...args]);
      expect(result.stdout + result.stderr).not.toContain(ACCESS_TOKEN);
      expect(result.stdout + result.stderr).not.toContain(ACCESS_TOKEN.split('!')[1]);
      expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(projectFiles()).toEqual(before);
      return result;
    },
  };
}
