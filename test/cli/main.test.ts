/** The command line's manners, as sf users expect them: version, help at every level with examples, did-you-mean. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../generator/cli/commands';
import { commandName } from '../../generator/cli/spec';
import { REPO_ROOT } from '../helpers/paths';
import { makeProject, runCli } from '../helpers/tempProject';

const project = makeProject();
const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

test('--version prints the version', () => {
  expect(runCli(project, ['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
});

test.each([['-h'], ['--help']])('%s lists every command', (flag) => {
  const run = runCli(project, [flag]);
  expect(run.status).toBe(0);
  for (const spec of COMMANDS) expect(run.stdout).toContain(`connected-app ${spec.usage}`);
});

test.each(COMMANDS.map((spec) => [commandName(spec)]))('%s --help shows its flags, typed, and examples', (name) => {
  const run = runCli(project, [name, '--help']);
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/Examples:\n {2}connected-app /);
  expect(run.stdout).toMatch(/\[(string|boolean|number|array)\]/);
});

test('a mistyped command gets a did-you-mean', () => {
  const run = runCli(project, ['genrate']);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^Error \(UsageError\): unknown command 'genrate'; did you mean generate\?\n/);
});

test('a mistyped flag gets a did-you-mean naming the command', () => {
  const run = runCli(project, ['deploy', '--target-orgg', 'x']);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('unknown flag --target-orgg (did you mean --target-org?) for deploy');
});

test('--wait is typed as a number in help', () => {
  expect(runCli(project, ['deploy', '--help']).stdout).toMatch(/--wait\s[^[]*\[number\]/);
});
