import { findSecrets } from '../../generator/secrets/patterns';

describe('findSecrets', () => {
  test.each([
    ['        <consumerSecret>Abc123456789</consumerSecret>', 'ConsumerSecret'],
    ['<consumerSecret/>', 'ConsumerSecret'],
    ['        <consumerKey>3MVG9xyz</consumerKey>', 'ConsumerKey'],
    ['-----BEGIN RSA PRIVATE KEY-----', 'PrivateKey'],
    ['-----BEGIN PRIVATE KEY-----', 'PrivateKey'],
    ['-----BEGIN ENCRYPTED PRIVATE KEY-----', 'PrivateKey'],
    ['export SF_ACCESS_TOKEN=00D5g000004ABCD!AQ0AQH3x.yz_12345678', 'AccessToken'],
  ])('%s is %s', (line, code) => {
    expect(findSecrets(`first line\n${line}\nlast line\n`, 'f.xml')).toEqual([expect.objectContaining({ file: 'f.xml', line: 2, code })]);
  });

  test.each([
    '<certificate>MIIDxjCCAq4CCQDsS88WcAjbAzANBgkq</certificate>',
    '-----BEGIN CERTIFICATE-----',
    '<label>Consumer key rotation</label>',
    '<id>0Af000000000001AAA</id> <org>00D000000000001AAA</org>',
  ])('%s is not a secret', (line) => {
    expect(findSecrets(line, 'f.xml')).toEqual([]);
  });

  test('counts lines across CRLF files', () => {
    expect(findSecrets('a\r\nb\r\n<consumerKey>k</consumerKey>\r\n', 'f.xml')[0].line).toBe(3);
  });
});
