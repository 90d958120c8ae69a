import { AppError, EXIT_CODES, UsageError, ValidationError, exitCodeOf, isAppError } from '../generator/errors';

describe('errors', () => {
  test('each kind maps to its exit code; anything else is internal', () => {
    expect(exitCodeOf(new UsageError('x'))).toBe(EXIT_CODES.usage);
    expect(exitCodeOf(new ValidationError('y', [{ field: 'a', message: 'b' }]))).toBe(EXIT_CODES.failure);
    expect(exitCodeOf(new TypeError('bug'))).toBe(EXIT_CODES.internal);
  });

  test('an AppError is recognized even when another copy of the module made it (the commands bundle)', () => {
    const foreign = Object.assign(new Error('from the other bundle'), { code: 'X', actions: [], exitCode: 1, problems: [] });
    (foreign as unknown as Record<symbol, boolean>)[Symbol.for('connected-app/AppError')] = true;
    expect(isAppError(foreign)).toBe(true);
    expect(isAppError(new AppError('Locked', 'y'))).toBe(true);
    expect(isAppError(new Error('plain'))).toBe(false);
  });

  test('a validation error counts its problems', () => {
    expect(
      new ValidationError('the import', [
        { field: 'a', message: 'b' },
        { field: 'c', message: 'd' },
      ]).message,
    ).toBe('2 problems in the import; nothing was written');
  });
});
