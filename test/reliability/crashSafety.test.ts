/**
 * Crash safety: `generate` killed with SIGKILL at random moments, over a project with many
 * apps, 100 times. After every kill each metadata file holds its old or its new content in
 * full, connected-app.json is whole, and the package directories hold no temporary file.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { makeBulkProject, writeBulkTemplates } from '../helpers/bulkProject';

const APPS = 24;
const KILLS = 100;
const PACKAGE_FOLDERS = ['force-app', 'environments'];

function filesUnder(project: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(project, path), readFileSync(path, 'utf8'));
    }
  };
  for (const folder of PACKAGE_FOLDERS) walk(join(project, folder));
  return files;
}

/** Runs `generate` in `project`, killing it after `delayMs` (if it still runs); resolves when it is gone. */
function generateKilledAfter(project: string, delayMs: number): Promise<{ killed: boolean; status: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/connected-app.js', 'generate'], { cwd: project, stdio: 'ignore' });
    let killed = false;
    const timer = setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, delayMs);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ killed, status });
    });
  });
}

async function renderAll(project: string, variant: string): Promise<Map<string, string>> {
  writeBulkTemplates(project, APPS, variant);
  const { status } = await generateKilledAfter(project, 60_000);
  if (status !== 0) throw new Error(`generate exited ${status}`);
  return filesUnder(project);
}

describe('generate killed at random moments', () => {
  test(`after each of ${KILLS} kills every file is its old or its new content, and no temporary file is left`, async () => {
    const project = makeBulkProject({ apps: APPS, withEca: true });
    const versions = [await renderAll(project, '-b'), await renderAll(project, '-a')];
    const start = Date.now();
    await generateKilledAfter(project, 60_000);
    const duration = Math.max(50, Date.now() - start);
    expect(versions[0].size).toBe(APPS * 10);

    const delays = fc.sample(fc.integer({ min: 0, max: duration + 50 }), { numRuns: KILLS, seed: 20261128 });
    let midRun = 0;
    for (const [round, delay] of delays.entries()) {
      writeBulkTemplates(project, APPS, round % 2 === 0 ? '-b' : '-a');
      const { killed } = await generateKilledAfter(project, delay);
      if (killed) midRun++;
      const files = filesUnder(project);
      const torn = [...files].filter(([path, content]) => content !== versions[0].get(path) && content !== versions[1].get(path));
      expect([round, delay, torn.map(([path]) => path)]).toEqual([round, delay, []]);
      expect(files.size).toBe(versions[0].size);
      expect(() => JSON.parse(readFileSync(join(project, 'connected-app.json'), 'utf8'))).not.toThrow();
    }
    console.log(`${KILLS} runs, ${midRun} killed before they finished (a full run takes ~${duration} ms)`);
    expect(midRun).toBeGreaterThanOrEqual(KILLS / 2);

    const { status } = await generateKilledAfter(project, 60_000);
    expect(status).toBe(0);
    expect(readdirSync(join(project, '.connected-app', 'tmp'))).toEqual([]);
  }, 600_000);
});
