import { redactSecrets } from '../../generator/sf/redact';

describe('redactSecrets', () => {
  test.each([
    ['token 00D000000000001!AQ0AQH3x.yz_12-ab', 'token [REDACTED]'],
    ['00D5g000004ABCDEAA!AQEAQFp5sLk3Jq9x', '[REDACTED]'],
    ['Authorization: Bearer 00D000000000001!abcdefghijklmnop', 'Authorization: Bearer [REDACTED]'],
    ['<sessionId>00Dxx!yyyyyyyyyy</sessionId>', '<sessionId>[REDACTED]</sessionId>'],
  ])('%s', (input, output) => {
    expect(redactSecrets(input)).toBe(output);
  });

  test('leaves ids and ordinary text alone', () => {
    const text = 'Deploy 0Af000000000001AAA to org 00D000000000001AAA failed!';
    expect(redactSecrets(text)).toBe(text);
  });
});
