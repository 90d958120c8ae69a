/**
 * Deploy overhead: `connected-app deploy` (checks, org lookup, sf deploy)
 * against a bare `sf project deploy start` of the same file, both to the stand-in org on
 * 127.0.0.1, run side by side. Target ratio 1.1.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ACCESS_TOKEN, StandInOrg } from '../test/standin/standInOrg';
import { benchEnvironment, copyProject, machine, median } from './measure';

const ROOT = resolve(__dirname, '..');
const ROUNDS = Number(process.env.BENCH_DEPLOY_ROUNDS ?? 7);
const TARGET = 1.1;
const APP_FILE = 'force-app/main/default/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml';

function run(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const start = process.hrtime.bigint();
  return new Promise((done, fail) => {
    const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: 'ignore' });
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done(Number(process.hrtime.bigint() - start) / 1e6) : fail(new Error(`${argv.join(' ')} exited ${code}`)),
    );
  });
}

export async function runDeployBench(): Promise<boolean> {
  const org = new StandInOrg();
  const project = copyProject();
  try {
    const url = await org.start();
    const home = mkdtempSync(join(tmpdir(), 'connected-app-bench-home-'));
    const env = {
      ...benchEnvironment(),
      HOME: home,
      SF_ACCESS_TOKEN: ACCESS_TOKEN,
      SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
      SF_DISABLE_TELEMETRY: 'true',
      SF_DISABLE_AUTOUPDATE: 'true',
      SF_SKIP_NEW_VERSION_CHECK: 'true',
    };
    const sf = join(ROOT, 'node_modules', '.bin', 'sf');
    await run([sf, 'org', 'login', 'access-token', '--instance-url', url, '--no-prompt', '--alias', 'standin', '--json'], project, env);
    const commands = {
      'sf project deploy start': [
        sf,
        'project',
        'deploy',
        'start',
        '--source-dir',
        APP_FILE,
        '--target-org',
        'standin',
        '--wait',
        '33',
        '--json',
      ],
      'connected-app deploy': [process.execPath, 'bin/connected-app.js', 'deploy', '--target-org', 'standin', '--env', 'prod', '--json'],
    };
    const samples = new Map<string, number[]>(Object.keys(commands).map((label) => [label, []]));
    for (const argv of Object.values(commands)) await run(argv, project, env);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [label, argv] of Object.entries(commands)) samples.get(label)?.push(await run(argv, project, env));
    }
    const bare = median(samples.get('sf project deploy start') ?? []);
    const ours = median(samples.get('connected-app deploy') ?? []);
    console.log(`deploy to the stand-in org (${ROUNDS} rounds side by side; ${machine()})`);
    console.log(`  ${'sf project deploy start'.padEnd(24)} ${bare.toFixed(0).padStart(6)} ms   ratio 1.00`);
    console.log(
      `  ${'connected-app deploy'.padEnd(24)} ${ours.toFixed(0).padStart(6)} ms   ratio ${(ours / bare).toFixed(2)}${ours / bare <= TARGET ? `  ≤ target ${TARGET}` : `  over target ${TARGET}`}`,
    );
    return true;
  } finally {
    await org.stop();
    rmSync(project, { recursive: true, force: true });
  }
}
