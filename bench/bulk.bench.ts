/**
 * The bulk case: N templates × 2 environments, rendered as ConnectedApp and as External Client
 * App (10 files an app) into an empty tree, rendered again over a tree in sync, then `--check`
 * over all of them, against copying the rendered tree with `cp -r`, run side by side (medians of
 * BENCH_BULK_ROUNDS rounds); at 1,000 and 10,000 apps, to see the growth. Memory is the peak
 * resident set of the generate process. A target, not a limit: the run does not fail over it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBulkProject } from '../test/helpers/bulkProject';
import { benchEnvironment, machine, median } from './measure';

const SIZES = (process.env.BENCH_BULK_APPS ?? '1000,10000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_BULK_ROUNDS ?? 3);
const TARGET = 3;
const PEAK_REPORTER = join(__dirname, 'reportPeakMemory.js');
/** Where the bulk project's renderings go: ConnectedApps under force-app, environment folders under environments. */
const OUTPUT_FOLDERS = ['force-app', 'environments'];

interface Measure {
  readonly seconds: number;
  /** The fastest and slowest of the rounds (medians only). */
  readonly range?: readonly [number, number];
  /** Peak resident set in MiB (node runs only). */
  readonly peakMiB?: number;
}

/**
 * Runs `argv` once, after `sync` has flushed what earlier runs left to write, so no run pays
 * for another's writes; node runs report their peak memory through the preloaded reporter.
 */
function runOnce(argv: readonly string[], cwd: string): Measure {
  const scratch = mkdtempSync(join(tmpdir(), 'connected-app-bench-peak-'));
  const peakFile = join(scratch, 'peak');
  const isNode = argv[0] === process.execPath;
  const command = isNode ? [argv[0], '-r', PEAK_REPORTER, ...argv.slice(1)] : argv;
  try {
    spawnSync('sync');
    const start = process.hrtime.bigint();
    const run = spawnSync(command[0], command.slice(1), {
      cwd,
      env: { ...benchEnvironment(), BENCH_PEAK_FILE: peakFile },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 1 << 30,
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (run.status !== 0) throw new Error(`${argv.join(' ')} exited ${run.status}: ${run.stderr.toString().slice(0, 500)}`);
    return { seconds, peakMiB: isNode ? Number(readFileSync(peakFile, 'utf8')) / 1024 : undefined };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function medianOf(measures: readonly Measure[]): Measure {
  const peaks = measures.flatMap((measure) => (measure.peakMiB === undefined ? [] : [measure.peakMiB]));
  const seconds = measures.map((measure) => measure.seconds);
  return {
    seconds: median(seconds),
    range: [Math.min(...seconds), Math.max(...seconds)],
    peakMiB: peaks.length > 0 ? Math.max(...peaks) : undefined,
  };
}

const show = (value: Measure) => {
  const range = value.range ? ` (${value.range[0].toFixed(2)}–${value.range[1].toFixed(2)})` : '';
  return `${value.seconds.toFixed(2).padStart(6)} s${range.padEnd(14)} ${value.peakMiB === undefined ? '         ' : `${value.peakMiB.toFixed(0).padStart(5)} MiB`}`;
};

interface SizeResult {
  readonly apps: number;
  readonly fresh: Measure;
  readonly warm: Measure;
  readonly check: Measure;
  readonly copy: Measure;
}

function benchSize(apps: number): SizeResult {
  const project = makeBulkProject({ apps, withEca: true });
  const copies = mkdtempSync(join(tmpdir(), 'connected-app-bulk-copy-'));
  try {
    const cli = [process.execPath, 'bin/connected-app.js'];
    const cold = runOnce([...cli, 'generate'], project);
    runOnce(['cp', '-r', ...OUTPUT_FOLDERS, copies], project); // so the first round's copy, too, replaces a tree
    const samples = { fresh: [] as Measure[], warm: [] as Measure[], check: [] as Measure[], copy: [] as Measure[] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const output of OUTPUT_FOLDERS) rmSync(join(project, output), { recursive: true, force: true });
      samples.fresh.push(runOnce([...cli, 'generate'], project));
      samples.warm.push(runOnce([...cli, 'generate'], project));
      samples.check.push(runOnce([...cli, 'generate', '--check'], project));
      // Like generate into an empty tree, the copy first removes the previous round's tree: on a
      // VM disk, removing 10,000 files slows the writes that follow, and both sides should pay it.
      rmSync(copies, { recursive: true, force: true });
      mkdirSync(copies);
      samples.copy.push(runOnce(['cp', '-r', ...OUTPUT_FOLDERS, copies], project));
    }
    const [fresh, warm, check, copy] = [medianOf(samples.fresh), medianOf(samples.warm), medianOf(samples.check), medianOf(samples.copy)];
    const ratio = (value: Measure) => `${(value.seconds / copy.seconds).toFixed(1)}× the copy`;
    console.log(`  ${String(apps).padStart(6)} apps (${apps * 10} files)`);
    const line = (what: string, value: Measure, compared = true) =>
      console.log(`    ${what.padEnd(70)} ${show(value)}${compared ? `   ${ratio(value)}` : ''}`);
    line('generate, first run (templates transpiled, every file written)', cold, false);
    line('generate into an empty tree (templates compiled, every file written)', fresh);
    line('generate, again (every file compared, none written)', warm);
    line('generate --check', check);
    line('cp -r of the rendered tree', copy, false);
    return { apps, fresh, warm, check, copy };
  } finally {
    rmSync(project, { recursive: true, force: true });
    rmSync(copies, { recursive: true, force: true });
  }
}

/** Prints the figures and whether they are within the target (a target, not a limit: the run does not fail). */
export function runBulkBench(): boolean {
  console.log(
    `bulk: templates × 2 environments × (ConnectedApp + External Client App), medians of ${ROUNDS} side-by-side rounds, target ≤ ${TARGET}× cp -r (${machine()})`,
  );
  const results = SIZES.map(benchSize);
  if (results.length >= 2) {
    const [small, large] = [results[0], results[results.length - 1]];
    const growth = (field: 'fresh' | 'warm' | 'check' | 'copy') => (large[field].seconds / small[field].seconds).toFixed(1);
    console.log(
      `  growth ${small.apps} → ${large.apps} apps (×${large.apps / small.apps}): generate into an empty tree ×${growth('fresh')}, again ×${growth('warm')}, --check ×${growth('check')}, cp -r ×${growth('copy')}`,
    );
  }
  for (const result of results) {
    const worst = Math.max(result.fresh.seconds, result.warm.seconds, result.check.seconds) / result.copy.seconds;
    console.log(
      `  ${result.apps} apps: ${worst <= TARGET ? `≤ target ${TARGET}× cp -r` : `over target ${TARGET}× cp -r (${worst.toFixed(1)}×)`}`,
    );
  }
  return true;
}
