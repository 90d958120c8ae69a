/**
 * Files from outside — a retrieve, a colleague's folder, a pull request — through the command
 * line: they never become code, never leak what they point to, never hang a run, never make it
 * write outside the project, and every failure is one line with exit 1 or 2, never 70. Runs that
 * could hang on a regression run as child processes with a time limit.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMetadataXml } from '../../generator/xml';
import { accessToken } from '../helpers/secretShapes';
import { type Run, makeProject, runCli, snapshotFiles, spawnCli } from '../helpers/tempProject';

const EMAIL = ['--contact-email', 'admin@example.com'];
const PROD_FILE = 'force-app/main/default/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml';
/** Code that, if it ever ran, would make the run fail: template modules run in Node's own context. */
const PAYLOAD = '*/ throw new Error("the payload ran"); /*';

function write(project: string, path: string, content: string): void {
  mkdirSync(join(project, path, '..'), { recursive: true });
  writeFileSync(join(project, path), content);
}

/** A retrieved-style ConnectedApp with `label`, written through the project's own XML module. */
function connectedApp(label: string): string {
  return buildMetadataXml({
    name: 'ConnectedApp',
    children: [
      { name: 'contactEmail', text: 'ops@example.com' },
      { name: 'label', text: label },
      {
        name: 'oauthConfig',
        children: [
          { name: 'callbackUrl', text: 'https://app.example.com/cb' },
          { name: 'scopes', text: 'Api' },
        ],
      },
    ],
  });
}

/** One line of error, exit 1 or 2 (never 70), no stack trace. */
function refusedCleanly(run: Run, code: string): void {
  expect([1, 2]).toContain(run.status);
  expect(run.stderr).toMatch(new RegExp(`^Error \\(${code}\\): [^\\n]+\\n`));
  expect(run.stderr).not.toMatch(/InternalError|^\s+at .+:\d+:\d+\)?$/m);
}

const elsewhere = () => mkdtempSync(join(tmpdir(), 'connected-app-elsewhere-'));

describe('imported data never becomes code', () => {
  test('a label that ends a comment and carries code imports and renders as the label it is', () => {
    const project = makeProject();
    write(project, 'in/Evil.connectedApp-meta.xml', connectedApp(PAYLOAD));
    expect(runCli(project, ['import', 'in', '--env', 'prod']).status).toBe(0);
    const generated = runCli(project, ['generate', '--app', 'Evil', '--env', 'prod', '--output-dir', 'out']);
    expect(generated.stderr).not.toContain('the payload ran');
    expect(generated.status).toBe(0);
    expect(readFileSync(join(project, 'out/connectedApps/Evil.connectedApp-meta.xml'), 'utf8')).toBe(
      readFileSync(join(project, 'in/Evil.connectedApp-meta.xml'), 'utf8'),
    );
  });

  test('a folder name that ends a comment and carries code is never written into the module', () => {
    const project = makeProject();
    const folder = 'in*/ ; throw new Error("the payload ran"); /*';
    write(project, `${folder}/Folder_App.connectedApp-meta.xml`, connectedApp('Folder App'));
    expect(runCli(project, ['import', folder]).status).toBe(0);
    expect(readFileSync(join(project, 'templates/Folder_App.ts'), 'utf8')).not.toContain('payload');
    expect(runCli(project, ['generate', '--app', 'Folder_App', '--output-dir', 'out']).status).toBe(0);
  });
});

describe('nothing is read through a link or without bound', () => {
  test('--check never reads through a link at a generated path, nor prints its target', () => {
    const project = makeProject({ apps: { 'fullcast-motion-package': { contactEmail: 'admin@example.com', outputs: [{ env: 'prod' }] } } });
    runCli(project, ['generate']);
    const secret = join(elsewhere(), 'environ');
    writeFileSync(secret, `SF_ACCESS_TOKEN=${accessToken()}\n`);
    renameSync(join(project, PROD_FILE), join(project, `${PROD_FILE}.bak`));
    symlinkSync(secret, join(project, PROD_FILE));
    for (const args of [
      ['generate', '--check'],
      ['generate', '--check', '--json'],
    ]) {
      const run = runCli(project, args);
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).not.toContain('SF_ACCESS_TOKEN');
      expect(run.stdout + run.stderr).toContain('is a symbolic link, not a regular file; it was not read');
    }
  });

  test('an import source linked to /dev/zero is refused at once', () => {
    const project = makeProject();
    symlinkSync('/dev/zero', join(project, 'Zero.connectedApp-meta.xml'));
    refusedCleanly(spawnCli(project, ['import', 'Zero.connectedApp-meta.xml'], {}, 20_000), 'UnsafePath');
  });

  test('a generated path linked to /dev/zero is refused at once', () => {
    const project = makeProject();
    mkdirSync(join(project, 'force-app/main/default/connectedApps'), { recursive: true });
    symlinkSync('/dev/zero', join(project, PROD_FILE));
    refusedCleanly(spawnCli(project, ['generate', '--env', 'prod', ...EMAIL], {}, 20_000), 'UnsafePath');
  });

  test('--output-dir /proc/self ends with a one-line error instead of looping', () => {
    const run = spawnCli(makeProject(), ['generate', '--env', 'prod', ...EMAIL, '--output-dir', '/proc/self'], {}, 20_000);
    refusedCleanly(run, 'WriteFailed');
  });
});

describe('writes stay inside the project', () => {
  test.each([
    ['a type folder', 'force-app/main/default/connectedApps', ['generate', '--env', 'prod', ...EMAIL]],
    ['environments/', 'environments', ['generate', '--env', 'sandbox', ...EMAIL]],
    ['the tool’s temporary folder', '.connected-app/tmp', ['generate', '--env', 'prod', ...EMAIL]],
  ])('a link at %s is refused, and nothing is written where it points', (_what, linked, args) => {
    const project = makeProject();
    const target = elsewhere();
    mkdirSync(join(project, linked, '..'), { recursive: true });
    symlinkSync(target, join(project, linked));
    const run = runCli(project, args);
    refusedCleanly(run, 'UnsafePath');
    expect(readdirSync(target)).toEqual([]);
  });

  test('a package directory outside the project is refused', () => {
    const project = makeProject();
    write(
      project,
      'sfdx-project.json',
      JSON.stringify({ packageDirectories: [{ path: '../../x', default: true }], sourceApiVersion: '66.0' }),
    );
    refusedCleanly(runCli(project, ['generate', '--env', 'prod', ...EMAIL]), 'InvalidProjectFile');
  });

  test('an empty --output-dir is a usage error', () => {
    const project = makeProject();
    const run = runCli(project, ['generate', '--env', 'prod', ...EMAIL, '--output-dir', '']);
    expect(run.status).toBe(2);
    refusedCleanly(run, 'UsageError');
    expect(existsSync(join(project, 'connectedApps'))).toBe(false);
  });
});

describe('every failure a file can cause is one line, never exit 70', () => {
  test.each([
    [
      'deeply nested XML',
      `<?xml version="1.0"?>\n<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">${'<a>'.repeat(20000)}${'</a>'.repeat(20000)}</ConnectedApp>\n`,
    ],
    [
      'an element named __proto__',
      '<?xml version="1.0"?>\n<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata"><__proto__>x</__proto__></ConnectedApp>\n',
    ],
  ])('%s', (_what, content) => {
    const project = makeProject();
    write(project, 'in/X.connectedApp-meta.xml', content);
    const before = snapshotFiles(project);
    const run = runCli(project, ['import', 'in']);
    refusedCleanly(run, 'ValidationError');
    expect(run.stderr).toContain('in/X.connectedApp-meta.xml');
    expect(snapshotFiles(project)).toEqual(before);
  });

  test('a flag given twice', () => {
    refusedCleanly(runCli(makeProject(), ['generate', '--env', 'prod', '--env', 'sandbox']), 'UsageError');
  });

  test('a connected-app.json that cannot be written: nothing is written at all', () => {
    const project = makeProject();
    mkdirSync(join(project, 'connected-app.json'));
    refusedCleanly(runCli(project, ['generate', '--env', 'prod', ...EMAIL]), 'UnsafePath');
    expect(existsSync(join(project, PROD_FILE))).toBe(false);
  });

  test.each([
    ['a getter that throws', "export default { environments: { prod: {} }, get app() { throw new Error('from a getter'); } };\n"],
    [
      'a Proxy',
      "export default new Proxy({}, { get() { throw new Error('from a proxy'); }, ownKeys() { throw new Error('from a proxy'); } });\n",
    ],
  ])('a template whose export is %s', (_what, source) => {
    const project = makeProject();
    write(project, 'templates/odd.ts', source);
    const run = runCli(project, ['generate', '--app', 'odd', '--env', 'prod', ...EMAIL]);
    refusedCleanly(run, 'ValidationError');
    expect(run.stderr).toContain('templates/odd.ts');
  });

  test('a closed stdout (generate --check | head) ends quietly', async () => {
    const project = makeProject({ apps: { 'fullcast-motion-package': { contactEmail: 'admin@example.com', outputs: [{ env: 'prod' }] } } });
    const child = spawn(process.execPath, [join(project, 'bin', 'connected-app.js'), 'generate', '--check'], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(1); // the files are missing: drift, reported by the exit code alone
    expect(stderr).not.toMatch(/EPIPE|InternalError/);
  });
});

describe('what reaches the terminal', () => {
  test('an External Client App child label with an escape sequence is refused, and printed escaped', () => {
    const project = makeProject();
    runCli(project, ['generate', '--env', 'prod', '--kind', 'external-client-app', ...EMAIL, '--output-dir', 'set']);
    const file = join(project, 'set/extlClntAppOauthSettings/Fullcast_Motion_Package_oauth.ecaOauth-meta.xml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('<label>Fullcast_Motion_Package_oauth</label>', '<label>&#x9b;2J\u0085</label>'),
    );
    const run = runCli(project, ['import', 'set', '--allow-same-api-name']);
    refusedCleanly(run, 'ValidationError');
    expect(run.stderr).toContain('label: holds the control character U+009B');
    expect(run.stderr).not.toMatch(/[\u0080-\u009f\u001b]/);
  });
});

test('git is available for the check-secrets tests', () => {
  expect(spawnSync('git', ['--version']).status).toBe(0);
});
