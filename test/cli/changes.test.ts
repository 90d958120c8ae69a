/**
 * `connected-app changes --base REF`: a change of the templates between two git revisions, said
 * in Setup's words as Markdown, per app and environment — read from git, nothing written.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProject, runCli } from '../helpers/tempProject';

const TEMPLATE = join('templates', 'fullcast-motion-package.ts');

function gitProject(): { project: string; git: (args: readonly string[]) => string } {
  const project = makeProject({ apps: { 'fullcast-motion-package': { contactEmail: 'admin@example.com', outputs: [{ env: 'prod' }] } } });
  const git = (args: readonly string[]) => {
    const run = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
      cwd: project,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(run.stderr);
    return run.stdout;
  };
  writeFileSync(join(project, '.gitignore'), 'node_modules\n');
  git(['init', '--quiet']);
  git(['add', '-A']);
  git(['commit', '--quiet', '-m', 'start']);
  return { project, git };
}

const edit = (project: string, from: string, to: string) => {
  const file = join(project, TEMPLATE);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
};

describe('changes --base', () => {
  const { project, git } = gitProject();

  test('after a template change, each environment says the change in Setup words', () => {
    edit(project, "refreshToken: 'valid-until-revoked'", "refreshToken: { expireAfter: { value: 90, unit: 'days' } }");
    git(['commit', '--quiet', '-am', 'refresh tokens expire']);
    const result = runCli(project, ['changes', '--base', 'HEAD~1']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      '- Fullcast Motion Package (prod) · Refresh Token Policy: valid until revoked → expire after 90 days\n',
    );
    expect(result.stdout).toContain(
      '- Fullcast Motion Package (sandbox) · Refresh Token Policy: valid until revoked → expire after 90 days\n',
    );
    expect(result.stdout.match(/^- /gm)).toHaveLength(2);
    expect(git(['status', '--porcelain'])).toBe('');
  });

  test('an uncommitted change of one environment, a new environment, and --json', () => {
    edit(project, "baseUrl: 'https://sandbox.fullcast.io'", "baseUrl: 'https://uat.fullcast.io'");
    edit(
      project,
      "    prod: { baseUrl: 'https://app.fullcast.io' },",
      "    prod: { baseUrl: 'https://app.fullcast.io' },\n    dev: { baseUrl: 'https://dev.fullcast.io' },",
    );
    const result = runCli(project, ['changes', '--base', 'HEAD', '--json']);
    expect(result.status).toBe(0);
    const apps = (
      JSON.parse(result.stdout) as {
        result: { apps: { environment: string; state: string; changes: { label: string; after: string }[] }[] };
      }
    ).result.apps;
    expect(apps.find((app) => app.environment === 'dev')?.state).toBe('added');
    expect(apps.find((app) => app.environment === 'sandbox')?.changes).toEqual([
      expect.objectContaining({ label: 'Callback URL', after: expect.stringContaining('https://uat.fullcast.io/app/motion/segments') }),
    ]);
    expect(apps.find((app) => app.environment === 'prod')).toBeUndefined();
  });

  test('no change: says so', () => {
    git(['checkout', '--quiet', '--', '.']);
    const result = runCli(project, ['changes', '--base', 'HEAD']);
    expect(result.stdout).toContain('No setting of any app changes.');
  });

  test('a revision git does not know, or one that looks like a flag: a one-line error', () => {
    const unknown = runCli(project, ['changes', '--base', 'no-such-branch']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^Error \(GitFailed\): --base: git knows no revision 'no-such-branch' here\n/);
    const flag = runCli(project, ['changes', '--base=--output=x']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/^Error \(UsageError\): --base: '--output=x' is not a git revision/);
  });
});
