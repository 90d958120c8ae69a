import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProject, runCli } from '../helpers/tempProject';

const HAND_WRITTEN = 'force-app/main/default/connectedApps/Legacy.connectedApp-meta.xml';
const GENERATED = 'force-app/main/default/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml';

function withFile(path: string, content: string): string {
  const project = makeProject({ apps: { 'fullcast-motion-package': { contactEmail: 'admin@example.com', outputs: [{ env: 'prod' }] } } });
  runCli(project, ['generate']);
  mkdirSync(join(project, path, '..'), { recursive: true });
  writeFileSync(join(project, path), content);
  return project;
}

describe('connected-app check-secrets', () => {
  test('a clean project passes', () => {
    const project = makeProject({
      apps: { 'fullcast-motion-package': { contactEmail: 'admin@example.com', outputs: [{ env: 'prod' }, { env: 'sandbox' }] } },
    });
    runCli(project, ['generate']);
    const result = runCli(project, ['check-secrets']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('No secrets in 2 files.\n');
  });

  test('each secret is named with its file and line and how to remove it', () => {
    const content = [
      '<ConnectedApp>',
      '  <consumerKey>3MVG9abc</consumerKey>',
      '  <consumerSecret>s3cr3tvalue</consumerSecret>',
      '</ConnectedApp>',
      '',
    ].join('\n');
    const project = withFile(HAND_WRITTEN, content);
    writeFileSync(join(project, 'environments-key.pem'), '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n');
    mkdirSync(join(project, 'environments', 'sandbox'), { recursive: true });
    writeFileSync(join(project, 'environments', 'sandbox', 'notes.txt'), 'token 00D000000000001!AQ0AQH3x.abcdefgh\n');
    const result = runCli(project, ['check-secrets']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Error (SecretsFound): 3 secrets in committed metadata');
    expect(result.stderr).toContain(`${HAND_WRITTEN}:2: a consumer key — delete the <consumerKey> element`);
    expect(result.stderr).toContain(
      `${HAND_WRITTEN}:3: a consumer secret — delete the <consumerSecret> element, then rotate the secret in Setup`,
    );
    expect(result.stderr).toContain('environments/sandbox/notes.txt:1: an access token');
    expect(result.stderr).not.toContain('s3cr3tvalue');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    const explicit = runCli(project, ['check-secrets', 'environments-key.pem']);
    expect(explicit.status).toBe(1);
    expect(explicit.stderr).toContain('environments-key.pem:1: a private key — remove the key from the repository');
  });

  test('a symbolic link inside the scanned folders is not followed, even one back up the tree', () => {
    const project = withFile(HAND_WRITTEN, '<consumerKey>x</consumerKey>\n');
    symlinkSync('..', join(project, 'force-app/main/default/connectedApps/loop'));
    const result = runCli(project, ['check-secrets', '--json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ result: { scanned: 2, findings: [{ file: HAND_WRITTEN, line: 1 }] } });
  });

  test('--json lists the findings', () => {
    const project = withFile(HAND_WRITTEN, '<consumerKey>x</consumerKey>\n');
    const json = JSON.parse(runCli(project, ['check-secrets', '--json']).stdout);
    expect(json).toMatchObject({ status: 1, result: { scanned: 2, findings: [{ file: HAND_WRITTEN, line: 1, code: 'ConsumerKey' }] } });
  });

  test('generate --check fails on a secret even when every generated file is in sync', () => {
    const project = withFile(HAND_WRITTEN, '<consumerKey>x</consumerKey>\n');
    const result = runCli(project, ['generate', '--check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('In sync');
    expect(result.stderr).toContain(`${HAND_WRITTEN}:1: a consumer key`);
  });

  test('generate --check names a secret put into a generated file, along with its drift', () => {
    const project = makeProject({ apps: { 'fullcast-motion-package': { contactEmail: 'admin@example.com', outputs: [{ env: 'prod' }] } } });
    runCli(project, ['generate']);
    const generated = join(project, GENERATED);
    const lines = readFileSync(generated, 'utf8').split('\n');
    lines.splice(2, 0, '    <consumerKey>3MVG9abc</consumerKey>');
    writeFileSync(generated, lines.join('\n'));
    const result = runCli(project, ['generate', '--check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`differs   ${GENERATED}`);
    expect(result.stderr).toContain(`${GENERATED}:3: a consumer key`);
  });

  test('a path that does not exist is named', () => {
    const result = runCli(makeProject(), ['check-secrets', 'nowhere']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Error (ScanPathMissing): nowhere: no such file or folder');
  });
});
