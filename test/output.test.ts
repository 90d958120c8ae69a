import { AppError, EXIT_CODES } from '../generator/errors';
import { printDeployResult, printError, printJsonResult, safeStreams } from '../generator/output';
import type { DeployResult } from '../generator/commands/deploy';
import { accessToken, authUrl, refreshToken } from './helpers/secretShapes';

function print(error: unknown, json = false, debug = false): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = printError(error, json, debug, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('printError', () => {
  test('a user error: code and message on one line, its problems and actions under it, its exit code', () => {
    const error = new AppError(
      'InvalidSettingsFile',
      'connected-app.json: not JSON',
      ['Fix or delete connected-app.json.'],
      EXIT_CODES.failure,
      [{ field: 'apps', message: 'must be an object' }],
    );
    expect(print(error)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'Error (InvalidSettingsFile): connected-app.json: not JSON\n  apps: must be an object\nTry this:\n  Fix or delete connected-app.json.\n',
    });
  });

  test('an unexpected error: its first line, a pointer to --debug, exit 70, and no stack trace', () => {
    const { code, stderr } = print(new TypeError("Cannot read properties of undefined (reading 'x')\nmore detail"));
    expect(code).toBe(70);
    expect(stderr.split('\n')[0]).toBe(
      "Error (InternalError): Cannot read properties of undefined (reading 'x') (a bug in connected-app; re-run with --debug for details)",
    );
    expect(stderr).not.toContain('more detail');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  test('--debug adds the stack trace', () => {
    expect(print(new TypeError('bug'), false, true).stderr).toMatch(/^TypeError: bug\n\s+at /m);
  });

  test('--json: one document on stdout with the name, message, exit code and actions', () => {
    const { code, stdout, stderr } = print(new AppError('OutOfSync', 'a.xml differs', ['Run npm run generate.']), true);
    expect([code, stderr]).toEqual([1, '']);
    expect(JSON.parse(stdout)).toEqual({
      status: 1,
      name: 'OutOfSync',
      message: 'a.xml differs',
      exitCode: 1,
      actions: ['Run npm run generate.'],
      problems: [],
      warnings: [],
    });
  });
});

describe('safeStreams: everything printed is redacted and escaped', () => {
  const capture = () => {
    const out = { text: '' };
    const streams = safeStreams({ stdout: (text) => (out.text += text), stderr: (text) => (out.text += text) });
    return { out, streams };
  };

  test('a deploy result with secrets in every field prints none of them, as text or JSON', () => {
    const token = accessToken('00D5g000004ABCD', 'AQ0AQH3x.yz_12345678');
    const secrets = [token, token.replace('!', '%21'), refreshToken(), authUrl()];
    const result: DeployResult = {
      app: 'a',
      environment: 'prod',
      kind: 'connected-app',
      apiName: `X_${secrets[0]}`,
      targetOrg: { name: secrets[3], username: secrets[2] },
      dryRun: false,
      files: [secrets[1]],
      phases: 1,
      status: 'Failed',
      deployId: secrets[0],
      components: [
        { type: 'ConnectedApp', fullName: secrets[1], filePath: `x/${secrets[2]}`, state: 'Failed', problem: secrets.join(' ') },
      ],
      error: { name: secrets[0], message: secrets.join(' ') },
      exitCode: 1,
      warnings: secrets,
    };
    const { out, streams } = capture();
    printDeployResult(result, streams);
    printJsonResult(result, 1, streams);
    for (const secret of secrets) expect(out.text).not.toContain(secret);
    expect(out.text).not.toContain('AQ0AQH3x');
    expect(out.text).not.toContain('PlatformCLI::5Aep8');
  });

  test('control characters from outside are escaped, not sent to the terminal', () => {
    const { out, streams } = capture();
    streams.stderr('label \u001b[31mred\u001b[0m \u009b2J \r overwritten \u202e reversed\n');
    expect(out.text).toBe('label \\u001b[31mred\\u001b[0m \\u009b2J \\u000d overwritten \\u202e reversed\n');
  });
});
