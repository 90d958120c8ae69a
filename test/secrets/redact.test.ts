import { redactSecrets } from '../../generator/secrets/redact';
import { accessToken, authUrl, element, refreshToken } from '../helpers/secretShapes';

describe('redactSecrets', () => {
  test.each([
    [`token ${accessToken('00D000000000001', 'AQ0AQH3x.yz_12-ab')}`, 'token [REDACTED]'],
    [accessToken('00D5g000004ABCDEAA', 'AQEAQFp5sLk3Jq9x'), '[REDACTED]'],
    [
      `/services/data?session=${accessToken('00D5g000004ABCDEAA', 'AQEAQFp5sLk3Jq9x').replace('!', '%21')}&x=1`,
      '/services/data?session=[REDACTED]&x=1',
    ],
    [`Authorization: Bearer ${accessToken('00D000000000001', 'abcdefghijklmnop')}`, 'Authorization: Bearer [REDACTED]'],
    ['<sessionId>00Dxx!yyyyyyyyyy</sessionId>', '<sessionId>[REDACTED]</sessionId>'],
    [`{"refreshToken":"${refreshToken()}"}`, '{"refreshToken":"[REDACTED]"}'],
    [`{"sfdxAuthUrl":"${authUrl()}"}`, '{"sfdxAuthUrl":"[REDACTED]"}'],
    [`    ${element('consumerSecret', 'S3cr3tValue99')}`, `    ${element('consumerSecret', '[REDACTED]')}`],
    [`"clientSecret": "${['q8Xz31', 'AbCdEf'].join('')}"`, '"clientSecret": "[REDACTED]"'],
  ])('%s', (input, output) => {
    expect(redactSecrets(input)).toBe(output);
  });

  test('leaves ids and ordinary text alone', () => {
    const text = 'Deploy 0Af000000000001AAA to org 00D000000000001AAA failed! refreshToken: valid-until-revoked';
    expect(redactSecrets(text)).toBe(text);
  });
});
