import { AppError, EXIT_CODES } from '../generator/errors';
import { printError } from '../generator/output';

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
