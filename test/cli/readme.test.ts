/**
 * README.md's examples cannot drift: every `sh` block that a `text` block follows is run, in
 * order, in one fresh copy of this repository (as a newcomer clones it), and what the commands
 * print — standard output and error, interleaved as a terminal shows them — must be exactly the
 * `text` block. (`npm ci` lines are the install, already done here. Output that needs an org is
 * shown in `console` blocks, which this test does not run; the end-to-end tests cover them.)
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../generator/cli/main';
import { REPO_ROOT } from '../helpers/paths';
import { makeProject } from '../helpers/tempProject';

interface Example {
  readonly commands: readonly string[];
  readonly output: string;
  readonly line: number;
}

/** The README's (sh, text) block pairs, in order. */
function examples(readme: string): Example[] {
  const blocks = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```\n/gm)].map((match) => ({
    lang: match[1],
    body: match[2],
    start: match.index,
    end: match.index + match[0].length,
  }));
  const found: Example[] = [];
  blocks.forEach((block, index) => {
    const next = blocks[index + 1];
    if (block.lang !== 'sh' || next?.lang !== 'text' || readme.slice(block.end, next.start).trim() !== '') return;
    const commands = block.body.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#') && line.trim() !== 'npm ci');
    found.push({ commands, output: next.body, line: readme.slice(0, block.start).split('\n').length });
  });
  return found;
}

/** `npm run <script> -- <args>` → connected-app's arguments; quotes group words as a shell does. */
function argsOf(command: string): string[] {
  const words = [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]);
  if (words[0] !== 'npm' || words[1] !== 'run') throw new Error(`README example is not an npm script: ${command}`);
  const separator = words.indexOf('--');
  return [words[2], ...(separator === -1 ? [] : words.slice(separator + 1))];
}

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const project = makeProject();
for (const entry of ['connected-app.json', 'force-app', 'environments', '.gitignore'])
  cpSync(join(REPO_ROOT, entry), join(project, entry), { recursive: true });

test('the README has examples to check', () => {
  expect(examples(readme).length).toBeGreaterThanOrEqual(5);
});

test.each(examples(readme).map((example) => [example.line, example] as const))(
  'README.md:%d prints what it shows',
  async (_line, example) => {
    let printed = '';
    const streams = { stdout: (text: string) => (printed += text), stderr: (text: string) => (printed += text) };
    for (const command of example.commands) await main(argsOf(command), streams, project);
    expect(printed).toBe(example.output);
  },
);
