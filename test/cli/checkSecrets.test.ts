/**
 * `connected-app check-secrets` through the command line: it finds what git would commit,
 * however it is encoded or hidden, names file and line, and never reads a link or device.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accessToken, authUrl, element, privateKeyHeader, refreshToken } from '../helpers/secretShapes';
import { makeProject, runCli } from '../helpers/tempProject';

const HAND_WRITTEN = 'force-app/main/default/connectedApps/Legacy.connectedApp-meta.xml';
const GENERATED = 'force-app/main/default/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml';
const RECORDED = { apps: { 'fullcast-motion-package': { contactEmail: 'admin@example.com', outputs: [{ env: 'prod' }] } } };

function write(project: string, path: string, content: string | Buffer): void {
  mkdirSync(join(project, path, '..'), { recursive: true });
  writeFileSync(join(project, path), content);
}

function withFile(path: string, content: string | Buffer): string {
  const project = makeProject(RECORDED);
  runCli(project, ['generate']);
  write(project, path, content);
  return project;
}

const findings = (project: string, args: readonly string[] = []) =>
  JSON.parse(runCli(project, ['check-secrets', ...args, '--json']).stdout);

describe('connected-app check-secrets', () => {
  test('a clean project passes', () => {
    const project = makeProject({
      apps: { 'fullcast-motion-package': { contactEmail: 'admin@example.com', outputs: [{ env: 'prod' }, { env: 'sandbox' }] } },
    });
    runCli(project, ['generate']);
    const result = runCli(project, ['check-secrets']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^No secrets in \d+ files\.\n$/);
  });

  test('each secret is named with its file and line and how to remove it, and no value is printed', () => {
    const content = [
      '<ConnectedApp>',
      `  ${element('consumerKey', '3MVG9abc')}`,
      `  ${element('consumerSecret', 's3cr3tvalue')}`,
      '</ConnectedApp>',
      '',
    ].join('\n');
    const project = withFile(HAND_WRITTEN, content);
    write(project, 'environments-key.pem', `${privateKeyHeader()}\nMIIE\n-----END PRIVATE KEY-----\n`);
    write(project, 'environments/sandbox/notes.txt', `token ${accessToken('00D000000000001', 'AQ0AQH3x.abcdefgh')}\n`);
    const result = runCli(project, ['check-secrets']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Error \(SecretsFound\): 4 secrets in committed metadata/);
    expect(result.stderr).toContain(`${HAND_WRITTEN}:2: a consumer key — delete the <consumerKey> element`);
    expect(result.stderr).toContain(
      `${HAND_WRITTEN}:3: a consumer secret — delete the <consumerSecret> element, then rotate the secret in Setup`,
    );
    expect(result.stderr).toContain('environments/sandbox/notes.txt:1: an access token');
    expect(result.stderr).toContain('environments-key.pem:1: a private key — remove the key from the repository');
    expect(result.stderr).not.toContain('s3cr3tvalue');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    const explicit = runCli(project, ['check-secrets', 'environments-key.pem']);
    expect(explicit.status).toBe(1);
    expect(explicit.stderr).toContain('environments-key.pem:1: a private key');
  });

  test.each([
    [
      'a file with a NUL byte',
      'force-app/main/default/blob.bin',
      Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`\n${element('consumerSecret', 'Abc123456789')}\n`)]),
      2,
    ],
    [
      'a UTF-16 file with a byte order mark',
      'force-app/main/default/win.xml',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`x\r\n${element('consumerKey', '3MVG9abc')}\r\n`, 'utf16le')]),
      2,
    ],
    [
      'a big-endian UTF-16 file without one',
      'force-app/main/default/be.xml',
      Buffer.from(`a\nb\n${element('consumerKey', '3MVG9abc')}\n`, 'utf16le').swap16(),
      3,
    ],
    [
      'a namespace-prefixed element',
      'force-app/main/default/ns.xml',
      `<x>\n${['<md:consumerSecret xmlns:md="urn:x">Abc123456789</md:', 'consumerSecret>'].join('')}\n`,
      2,
    ],
    ['JSON under environments/', 'environments/prod/auth.json', `{\n  "sfdxAuthUrl": "${authUrl()}"\n}\n`, 2],
    ['a refresh token in templates/', 'templates/notes.ts', `// ${refreshToken()}\n`, 1],
  ])('finds a secret in %s', (_what, path, content, line) => {
    const json = findings(withFile(path, content));
    expect(json.status).toBe(1);
    expect(json.result.findings).toEqual([expect.objectContaining({ file: path, line })]);
  });

  test('scans a file past any size, in windows, with the right line number', () => {
    const padding = `${'<!-- padding -->'.repeat(64)}\n`.repeat(7000); // about 7 MiB
    const json = findings(withFile('force-app/main/default/big.xml', `${padding}${element('consumerSecret', 'Abc123456789')}\n`));
    expect(json.result.findings).toEqual([expect.objectContaining({ file: 'force-app/main/default/big.xml', line: 7001 })]);
  });

  test('in a git work tree it scans what git would commit: tracked and untracked files, not ignored ones', () => {
    const project = withFile('retrieved/connectedApps/Acme.connectedApp-meta.xml', `${element('consumerKey', '3MVG9abc')}\n`);
    write(project, 'ignored/Acme.connectedApp-meta.xml', `${element('consumerKey', '3MVG9abc')}\n`);
    write(project, '.gitignore', 'node_modules/\nignored/\n.connected-app/\n');
    expect(spawnSync('git', ['init', '-q'], { cwd: project }).status).toBe(0);
    const json = findings(project);
    expect(json.result.findings.map((finding: { file: string }) => finding.file)).toEqual([
      'retrieved/connectedApps/Acme.connectedApp-meta.xml',
    ]);
  });

  test('links and devices are reported, never read; a link back up the tree is not followed', () => {
    const project = withFile(HAND_WRITTEN, `${element('consumerKey', '3MVG9abc')}\n`);
    symlinkSync('..', join(project, 'force-app/main/default/connectedApps/loop'));
    symlinkSync('/dev/zero', join(project, 'force-app/main/default/zero.xml'));
    expect(spawnSync('mkfifo', [join(project, 'force-app/main/default/fifo.xml')]).status).toBe(0);
    const json = findings(project);
    expect(json.status).toBe(1);
    expect(json.result.findings).toEqual([expect.objectContaining({ file: HAND_WRITTEN, line: 1 })]);
    expect(json.warnings).toEqual(
      expect.arrayContaining([
        'force-app/main/default/connectedApps/loop: not scanned, it is a symbolic link (git commits the link, not what it points to)',
        'force-app/main/default/zero.xml: not scanned, it is a symbolic link (git commits the link, not what it points to)',
        'force-app/main/default/fifo.xml: not scanned, it is a device, FIFO or socket',
      ]),
    );
  });

  test('--json lists the findings', () => {
    const project = withFile(HAND_WRITTEN, `${element('consumerKey', '3MVG9abc')}\n`);
    expect(findings(project)).toMatchObject({ status: 1, result: { findings: [{ file: HAND_WRITTEN, line: 1, code: 'ConsumerKey' }] } });
  });

  test('generate --check fails on a secret even when every generated file is in sync', () => {
    const project = withFile(HAND_WRITTEN, `${element('consumerKey', '3MVG9abc')}\n`);
    const result = runCli(project, ['generate', '--check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('In sync');
    expect(result.stderr).toContain(`${HAND_WRITTEN}:1: a consumer key`);
  });

  test('generate --check names a secret put into a generated file, along with its drift, and prints no value', () => {
    const project = makeProject(RECORDED);
    runCli(project, ['generate']);
    const generated = join(project, GENERATED);
    const lines = readFileSync(generated, 'utf8').split('\n');
    lines.splice(2, 0, `    ${element('consumerSecret', 'Abc123456789')}`);
    writeFileSync(generated, lines.join('\n'));
    for (const args of [
      ['generate', '--check'],
      ['generate', '--check', '--json'],
    ]) {
      const result = runCli(project, args);
      expect(result.status).toBe(1);
      expect(result.stdout + result.stderr).not.toContain('Abc123456789');
    }
    const result = runCli(project, ['generate', '--check']);
    expect(result.stdout).toContain(`differs   ${GENERATED}`);
    expect(result.stdout).toContain('-    <consumerSecret>[REDACTED]</consumerSecret>');
    expect(result.stderr).toContain(`${GENERATED}:3: a consumer secret`);
  });

  test('a path that does not exist is named', () => {
    const result = runCli(makeProject(), ['check-secrets', 'nowhere']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Error (ScanPathMissing): nowhere: no such file or folder');
  });
});
