/**
 * Concurrency: eight `generate` runs at once on the same project end with the right files,
 * every rendering recorded in connected-app.json, and no temporary file left.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBulkProject } from '../helpers/bulkProject';
import { makeProject } from '../helpers/tempProject';

/** Rounds and runs per round of the new-apps test: enough that lost updates show (without the lock most rounds lose one). */
const ROUNDS = 4;
const NEW_APPS = 12;

function run(project: string, args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/connected-app.js', ...args], { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (status) => resolve({ status, stderr }));
  });
}

function temporaries(project: string): string[] {
  const folder = join(project, '.connected-app', 'tmp');
  return existsSync(folder) ? readdirSync(folder) : [];
}

describe('eight generate runs at once', () => {
  test('the same run eight times: every run succeeds and the files are those of one run alone', async () => {
    const project = makeBulkProject({ apps: 30, withEca: true });
    const reference = makeBulkProject({ apps: 30, withEca: true });
    expect((await run(reference, ['generate'])).status).toBe(0);
    const results = await Promise.all(Array.from({ length: 8 }, () => run(project, ['generate'])));
    expect(results.map((result) => result.status)).toEqual(Array(8).fill(0));
    for (const folder of ['force-app/main/default/connectedApps', 'environments/sandbox/extlClntAppGlobalOauthSets']) {
      for (const file of readdirSync(join(reference, folder))) {
        expect([file, readFileSync(join(project, folder, file), 'utf8')]).toEqual([
          file,
          readFileSync(join(reference, folder, file), 'utf8'),
        ]);
      }
    }
    expect(temporaries(project)).toEqual([]);
  }, 120_000);

  test('eight different runs: every rendering is written and recorded (the settings lock holds)', async () => {
    const project = makeProject();
    const runs = [
      ['--env', 'prod'],
      ['--env', 'sandbox'],
      ['--env', 'prod', '--kind', 'external-client-app'],
      ['--env', 'sandbox', '--kind', 'external-client-app'],
      ['--env', 'preprod'],
      ['--env', 'prod', '--api-version', '66.0'],
      ['--env', 'sandbox', '--kind', 'external-client-app'],
      ['--env', 'prod', '--kind', 'connected-app'],
    ];
    const results = await Promise.all(runs.map((args) => run(project, ['generate', ...args, '--contact-email', 'admin@example.com'])));
    expect(results.map((result) => result.status)).toEqual(Array(8).fill(0));
    const outputs = JSON.parse(readFileSync(join(project, 'connected-app.json'), 'utf8')).apps['fullcast-motion-package'].outputs;
    expect(outputs).toEqual([
      { env: 'prod' },
      { env: 'prod', kind: 'external-client-app' },
      { env: 'sandbox' },
      { env: 'sandbox', kind: 'external-client-app' },
    ]);
    expect((await run(project, ['generate', '--check'])).status).toBe(0);
    expect(temporaries(project)).toEqual([]);
    expect(existsSync(join(project, '.connected-app', 'settings.lock'))).toBe(false);
  }, 120_000);

  test(`${ROUNDS} rounds of ${NEW_APPS} runs for new apps at once: every app is recorded in connected-app.json`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const project = makeBulkProject({ apps: NEW_APPS, withEca: false });
      writeFileSync(join(project, 'connected-app.json'), '{ "apps": {} }\n');
      const apps = Array.from({ length: NEW_APPS }, (_, index) => `app-${index}`);
      const results = await Promise.all(
        apps.map((app) => run(project, ['generate', '--app', app, '--env', 'prod', '--contact-email', 'admin@example.com'])),
      );
      expect(results.map((result) => result.status)).toEqual(Array(NEW_APPS).fill(0));
      const recorded = JSON.parse(readFileSync(join(project, 'connected-app.json'), 'utf8')).apps;
      expect([round, Object.keys(recorded).sort()]).toEqual([round, [...apps].sort()]);
    }
  }, 300_000);
});
