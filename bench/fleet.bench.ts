/**
 * A fleet: `connected-app deploy --all --concurrency 4` to 20 stand-in orgs (prod and sandbox
 * mixed) against 20 bare `sf project deploy start` runs of the same files one after the other,
 * side by side: wall time (target: the fleet at most 0.5 of the sequential runs) and the peak
 * memory of each side's process tree.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFleet } from '../test/standin/standInFleet';
import { ACCESS_TOKEN } from '../test/standin/standInOrg';
import { benchEnvironment, copyProject, machine, median } from './measure';
import { childrenCpuSeconds, samplePeakMemory } from './treeMemory';

const ROOT = resolve(__dirname, '..');
const ORGS = Number(process.env.BENCH_FLEET_ORGS ?? 20);
const ROUNDS = Number(process.env.BENCH_FLEET_ROUNDS ?? 1);
/**
 * Status polls each stand-in answers "in progress" before a deploy succeeds. A real org takes
 * seconds to deploy, during which sf only waits: the default, 2 polls, models that for both sides
 * alike. BENCH_FLEET_ORG_POLLS=0 is an org that deploys at once; the run is then all CPU (sf's
 * start-up), and two cores bound the ratio at about 0.6.
 */
const ORG_POLLS = Number(process.env.BENCH_FLEET_ORG_POLLS ?? 2);
const CONCURRENCY = 4;
const TARGET = 0.5;
const FILES: Record<string, string> = {
  prod: 'force-app/main/default/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml',
  sandbox: 'environments/sandbox/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml',
};

interface Timed {
  readonly ms: number;
  readonly peakMiB?: number;
  /** CPU seconds of the whole process tree. */
  readonly cpu?: number;
}

function run(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Timed> {
  const start = process.hrtime.bigint();
  const cpuBefore = childrenCpuSeconds();
  return new Promise((done, fail) => {
    const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: 'ignore' });
    const peak = samplePeakMemory(child.pid as number);
    child.on('error', fail);
    child.on('close', (code) => {
      const peakMiB = peak();
      const cpuAfter = childrenCpuSeconds();
      const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
      if (code !== 0) fail(new Error(`${argv.join(' ')} exited ${code}`));
      else done({ ms: Number(process.hrtime.bigint() - start) / 1e6, peakMiB, cpu });
    });
  });
}

export async function runFleetBench(): Promise<boolean> {
  const project = copyProject();
  const aliases = Array.from({ length: ORGS }, (_, index) => `org-${String(index + 1).padStart(2, '0')}`);
  const environmentOf = (index: number) => (index % 2 === 0 ? 'prod' : 'sandbox');
  const env = {
    ...benchEnvironment(),
    HOME: mkdtempSync(join(tmpdir(), 'connected-app-bench-home-')),
    SF_ACCESS_TOKEN: ACCESS_TOKEN,
    SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
    SF_DISABLE_TELEMETRY: 'true',
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
  };
  const fleet = await startFleet(aliases, project, env);
  try {
    for (const [index, alias] of aliases.entries()) {
      await run([process.execPath, 'bin/connected-app.js', 'orgs', 'add', alias, '--env', environmentOf(index)], project, env);
    }
    const sf = join(ROOT, 'node_modules', '.bin', 'sf');
    const resetOrgs = () => {
      for (const org of fleet.orgs.values()) org.reset({ outcome: 'success', existing: 'exists', inProgressPolls: ORG_POLLS });
    };
    const bareFleet = async (): Promise<Timed> => {
      resetOrgs();
      let ms = 0;
      let peakMiB = 0;
      let cpu = 0;
      for (const [index, alias] of aliases.entries()) {
        const one = await run(
          [sf, 'project', 'deploy', 'start', '--source-dir', FILES[environmentOf(index)], '--target-org', alias, '--wait', '33', '--json'],
          project,
          env,
        );
        ms += one.ms;
        peakMiB = Math.max(peakMiB, one.peakMiB ?? 0);
        cpu += one.cpu ?? 0;
      }
      return { ms, peakMiB, cpu };
    };
    const ours = () =>
      run([process.execPath, 'bin/connected-app.js', 'deploy', '--all', '--concurrency', String(CONCURRENCY), '--json'], project, env);
    const bareRuns: Timed[] = [];
    const fleetRuns: Timed[] = [];
    let peakInFlight = 0;
    const fleetRound = async () => {
      resetOrgs();
      fleet.gauge.peak = 0;
      fleetRuns.push(await ours());
      peakInFlight = Math.max(peakInFlight, fleet.gauge.peak);
    };
    // Rounds alternate which side goes first, so a busy stretch of the machine hits both.
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        bareRuns.push(await bareFleet());
        await fleetRound();
      } else {
        await fleetRound();
        bareRuns.push(await bareFleet());
      }
    }
    const bare = median(bareRuns.map((timed) => timed.ms));
    const mine = median(fleetRuns.map((timed) => timed.ms));
    const ratio = mine / bare;
    // CPU time does not depend on how busy the machine is: the fleet should cost what the single
    // deploys cost, and with C cores its wall time can shrink to about its CPU time / C.
    const memory = (runs: readonly Timed[]) => {
      const peaks = runs.flatMap((timed) => (timed.peakMiB ? [timed.peakMiB] : []));
      const cpu = median(runs.flatMap((timed) => (timed.cpu === undefined ? [] : [timed.cpu])));
      const cpuText = Number.isNaN(cpu) ? '' : `   CPU ${cpu.toFixed(1)} s`;
      return `${peaks.length > 0 ? `peak ${Math.max(...peaks).toFixed(0)} MiB` : 'peak memory not measured here'}${cpuText}`;
    };
    const orgTime = ORG_POLLS === 0 ? 'deploying at once' : `each deploy in progress for ${ORG_POLLS} status polls`;
    console.log(`fleet: ${ORGS} stand-in orgs, ${orgTime} (${ROUNDS} round${ROUNDS === 1 ? '' : 's'} side by side; ${machine()})`);
    console.log(
      `  ${`${ORGS} × sf project deploy start, in turn`.padEnd(44)} ${(bare / 1000).toFixed(1).padStart(6)} s   ratio 1.00   ${memory(bareRuns)}`,
    );
    console.log(
      `  ${`deploy --all --concurrency ${CONCURRENCY}`.padEnd(44)} ${(mine / 1000).toFixed(1).padStart(6)} s   ratio ${ratio.toFixed(2)}${ratio <= TARGET ? `  ≤ target ${TARGET}` : `  over target ${TARGET}`}   ${memory(fleetRuns)}; at most ${peakInFlight} deploy(s) in flight at the orgs at one moment`,
    );
    return true;
  } finally {
    await fleet.stop();
    rmSync(project, { recursive: true, force: true });
    rmSync(env.HOME, { recursive: true, force: true });
  }
}
