/** Timing helpers for the benchmarks: commands run side by side, medians compared. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Command {
  readonly label: string;
  readonly argv: readonly string[];
  readonly cwd: string;
}

/**
 * The environment both sides run in: the caller's, minus variables that add start-up work to
 * every node process (NODE_EXTRA_CA_CERTS loads a certificate bundle, NODE_OPTIONS may preload
 * code), so the ratio measures the tool and not the machine's settings.
 */
export function benchEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  return env;
}

function timeOnce(command: Command, env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command.argv[0], command.argv.slice(1), { cwd: command.cwd, env, stdio: 'ignore' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command.label} exited ${result.status}`);
  return elapsed;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs the commands in turn, `rounds` times after one warm-up round; medians in milliseconds. */
export function sideBySide(commands: readonly Command[], rounds: number): Map<string, number> {
  const env = benchEnvironment();
  const samples = new Map<string, number[]>(commands.map((command) => [command.label, []]));
  for (const command of commands) timeOnce(command, env);
  for (let round = 0; round < rounds; round++) {
    for (const command of commands) samples.get(command.label)?.push(timeOnce(command, env));
  }
  return new Map([...samples].map(([label, values]) => [label, median(values)]));
}

/** One line naming the machine the figures come from. */
export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}/${process.arch}`;
}

const ROOT = resolve(__dirname, '..');

/** A temporary copy of the project as a user has it (built tool, templates, rendered files), sharing node_modules. */
export function copyProject(): string {
  const folder = mkdtempSync(join(tmpdir(), 'connected-app-bench-'));
  for (const entry of [
    'package.json',
    'sfdx-project.json',
    'bin',
    'dist',
    'templates',
    'connected-app.json',
    'force-app',
    'environments',
  ]) {
    cpSync(join(ROOT, entry), join(folder, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
  return folder;
}
