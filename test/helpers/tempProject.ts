/**
 * Temporary copies of the project for tests that run the CLI as a child process: the tool
 * (package.json, bin/, the built dist/), the Salesforce DX project files and the templates,
 * with node_modules linked, in a fresh folder the test may change at will.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { main } from '../../generator/cli/main';
import { REPO_ROOT } from './paths';

const created: string[] = [];

afterAll(() => {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh copy with no generated files and no connected-app.json, unless `settings` is given. */
export function makeProject(settings?: object): string {
  const folder = mkdtempSync(join(tmpdir(), 'connected-app-test-'));
  created.push(folder);
  for (const entry of ['package.json', 'sfdx-project.json', 'bin', 'dist', 'templates']) {
    cpSync(join(REPO_ROOT, entry), join(folder, entry), { recursive: true });
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
  if (settings) writeFileSync(join(folder, 'connected-app.json'), `${JSON.stringify(settings, null, 2)}\n`);
  return folder;
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `connected-app <args>` in `cwd` in this process, through `main()`; for commands that finish synchronously. */
export function runCli(cwd: string, args: readonly string[]): Run {
  let stdout = '';
  let stderr = '';
  const status = main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, cwd);
  if (typeof status !== 'number') throw new Error(`connected-app ${args[0]} returned a promise: use runCliAsync`);
  return { status, stdout, stderr };
}

/**
 * Runs `connected-app <args>` as a child process (the built bin and bundle), for tests where the
 * process boundary is the point: exit codes, signals, output to closed pipes, start-up.
 */
export function spawnCli(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Run {
  const result = spawnSync(process.execPath, [join(cwd, 'bin', 'connected-app.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `folder` (node_modules and the tool's cache left out) → its bytes, to prove nothing changed. */
export function snapshotFiles(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (name === 'node_modules' || name === '.connected-app') continue;
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(folder, path), readFileSync(path, 'latin1'));
    }
  };
  walk(folder);
  return files;
}
