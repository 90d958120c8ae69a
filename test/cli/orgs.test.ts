/** `connected-app orgs`: the org map kept in connected-app.json, refused when it cannot be served, printed as a matrix. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../generator/cli/main';
import { makeProject, runCli } from '../helpers/tempProject';

const settings = {
  apps: {
    'fullcast-motion-package': {
      contactEmail: 'admin@example.com',
      outputs: [{ env: 'prod' }, { env: 'prod', kind: 'external-client-app' }, { env: 'sandbox' }],
    },
  },
};

const readSettings = (project: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(project, 'connected-app.json'), 'utf8')) as Record<string, unknown>;

test('add, list, change and remove orgs; the map is kept sorted in connected-app.json', () => {
  const project = makeProject(settings);
  expect(runCli(project, ['orgs']).stdout).toContain('No orgs mapped');
  expect(runCli(project, ['orgs', 'add', 'acme-uat', '--env', 'sandbox']).status).toBe(0);
  const added = runCli(project, ['orgs', 'add', 'acme-prod', '--env', 'prod', '--kind', 'external-client-app']);
  expect(added.status).toBe(0);
  expect(added.stdout).toContain('Added org acme-prod');
  expect(added.stdout).toMatch(/acme-prod\s+prod\s+fullcast-motion-package \(external-client-app\)/);
  expect(added.stdout).toMatch(/acme-uat\s+sandbox\s+fullcast-motion-package \(connected-app\)/);
  expect(readSettings(project).orgs).toEqual({
    'acme-prod': { env: 'prod', kind: 'external-client-app' },
    'acme-uat': { env: 'sandbox' },
  });
  expect(Object.keys(readSettings(project).orgs as object)).toEqual(['acme-prod', 'acme-uat']);
  expect(runCli(project, ['orgs', 'add', 'acme-uat', '--env', 'sandbox', '--app', 'fullcast-motion-package']).stdout).toContain(
    'Updated org acme-uat',
  );
  expect(runCli(project, ['orgs', 'remove', 'acme-uat']).status).toBe(0);
  expect(readSettings(project).orgs).toEqual({ 'acme-prod': { env: 'prod', kind: 'external-client-app' } });
  expect(readSettings(project).apps).toEqual(settings.apps);
});

test('--matrix prints the map as a GitHub Actions matrix on one line', () => {
  const project = makeProject({ ...settings, orgs: { b: { env: 'sandbox' }, a: { env: 'prod', kind: 'connected-app' } } });
  const run = runCli(project, ['orgs', '--matrix']);
  expect(run.status).toBe(0);
  expect(run.stdout.split('\n')).toHaveLength(2);
  expect(JSON.parse(run.stdout)).toEqual({
    include: [
      { org: 'b', env: 'sandbox' },
      { org: 'a', env: 'prod' },
    ],
  });
});

test.each([
  [['orgs', 'add', 'x', '--env', 'uat'], "no template is recorded for the environment 'uat'", 1],
  [['orgs', 'add', 'x', '--env', 'prod'], 'records both kinds', 2],
  [['orgs', 'add', 'x', '--env', 'sandbox', '--kind', 'external-client-app'], 'records no external-client-app rendering', 1],
  [['orgs', 'add', 'x', '--env', 'sandbox', '--app', 'nope'], 'records no rendering of nope', 1],
  [['orgs', 'add', 'bad alias', '--env', 'sandbox'], 'is not an sf alias or username', 2],
  [['orgs', 'add', 'x'], '--env', 2],
  [['orgs', 'remove', 'x'], "maps no org 'x'", 1],
  [['orgs', 'list', '--env', 'prod'], 'go with connected-app orgs add', 2],
])('%j is refused, and nothing is written', (args, message, status) => {
  const project = makeProject(settings);
  const before = readFileSync(join(project, 'connected-app.json'), 'utf8');
  const run = runCli(project, args);
  expect(run.status).toBe(status);
  expect(run.stderr).toContain(message);
  expect(readFileSync(join(project, 'connected-app.json'), 'utf8')).toBe(before);
});

test('a hand-edited org map with a bad entry is refused with the field named', () => {
  const project = makeProject({ ...settings, orgs: { a: { env: 7 } } });
  const run = runCli(project, ['orgs']);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('orgs.a.env must name an environment');
});

test.each([
  [['deploy', '--all'], 'connected-app.json maps no orgs', 1],
  [['deploy', '--orgs', 'nope'], "maps no org 'nope'", 1],
  [['deploy', '--rerun-failed'], 'no deploy run over the org map is recorded', 1],
  [['deploy', '--all', '--orgs', 'a'], 'choose one of --all, --orgs and --rerun-failed', 2],
  [['deploy', '--all', '--target-org', 'acme'], '--target-org is for one org', 2],
  [['deploy', '--all', '--concurrency', '0'], '--concurrency must be a whole number from 1 to 64', 2],
  [['deploy', '--target-org', 'acme', '--concurrency', '2'], '--concurrency goes with --all', 2],
])('%j is refused before any org is asked', async (args, message, status) => {
  const project = makeProject(settings);
  let stderr = '';
  const exit = await main(args, { stdout: () => undefined, stderr: (text) => (stderr += text) }, project);
  expect(exit).toBe(status);
  expect(stderr).toContain(message);
});
