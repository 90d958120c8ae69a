import { findSecrets } from '../../generator/secrets/patterns';
import { accessToken, authUrl, element, privateKeyHeader, refreshToken } from '../helpers/secretShapes';

/** A value shaped like an issued secret (put together here, so this file holds none). */
const ISSUED = ['q8Xz31', 'AbCdEf'].join('');

describe('findSecrets', () => {
  test.each([
    [`        ${element('consumerSecret', 'Abc123456789')}`, 'ConsumerSecret'],
    [`        ${element('consumerKey', '3MVG9xyz')}`, 'ConsumerKey'],
    [
      ['<md:consumerSecret xmlns:md="http://soap.sforce.com/2006/04/metadata">Abc123456789</md:', 'consumerSecret>'].join(''),
      'ConsumerSecret',
    ],
    [privateKeyHeader('RSA '), 'PrivateKey'],
    [privateKeyHeader(), 'PrivateKey'],
    [privateKeyHeader('ENCRYPTED '), 'PrivateKey'],
    [`export SF_ACCESS_TOKEN=${accessToken('00D5g000004ABCD', 'AQ0AQH3x.yz_12345678')}`, 'AccessToken'],
    [`curl -H "x: ${accessToken('00D5g000004ABCD', 'AQ0AQH3x.yz_12345678').replace('!', '%21')}"`, 'AccessToken'],
    [`  "refreshToken": "${refreshToken()}",`, 'RefreshToken'],
    [`SFDX_AUTH_URL=${authUrl()}`, 'AuthUrl'],
    [`  "consumerSecret": "${ISSUED}",`, 'KeyedSecret'],
    [`const clientSecret = '${ISSUED}';`, 'KeyedSecret'],
    [`SF_CLIENT_SECRET=${ISSUED}`, 'KeyedSecret'],
    ['consumer_key: 3MVG9lKcPoNINVB', 'KeyedSecret'],
  ])('%s is %s', (line, code) => {
    expect(findSecrets(`first line\n${line}\nlast line\n`, 'f.xml')).toEqual([expect.objectContaining({ file: 'f.xml', line: 2, code })]);
  });

  test.each([
    '<certificate>MIIDxjCCAq4CCQDsS88WcAjbAzANBgkq</certificate>',
    '-----BEGIN CERTIFICATE-----',
    '<label>Consumer key rotation</label>',
    '<id>0Af000000000001AAA</id> <org>00D000000000001AAA</org>',
    '- a `consumerSecret` or `consumerKey` element (a retrieve can hold them);',
    'Remove `<consumerKey>` from the file: Salesforce generates the key.',
    `${element('consumerSecret', '')}`,
    '<consumerSecret/>',
    `${element('consumerSecret', 'REPLACE_WITH_YOUR_SECRET')}`,
    '          client-secret: ${{ secrets.SF_CLIENT_SECRET }}',
    '  "consumerKey": "<your consumer key>",',
    "refreshToken: 'valid-until-revoked',",
    'const clientSecret = process.env.SF_CLIENT_SECRET;',
  ])('%s is not a secret', (line) => {
    expect(findSecrets(line, 'f.xml')).toEqual([]);
  });

  test('counts lines across CRLF files, and from the first line it is given', () => {
    const text = `a\r\nb\r\n${element('consumerKey', 'k')}\r\n`;
    expect(findSecrets(text, 'f.xml')[0].line).toBe(3);
    expect(findSecrets(text, 'f.xml', 101)[0].line).toBe(103);
  });

  test('a line holding several secrets is reported once', () => {
    expect(findSecrets(`${element('consumerKey', 'k1')}${element('consumerSecret', 's1')}`, 'f.xml')).toHaveLength(1);
  });
});
