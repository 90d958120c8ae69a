import { XMLParser } from 'fast-xml-parser';
import { renderApp } from '../../generator/render/index';
import type { ResolvedApp } from '../../generator/model/resolvedApp';

const renderConnectedApp = (app: ResolvedApp) => renderApp(app)[0];
import { fullcastApp } from '../helpers/fullcast';
import { readGolden } from '../helpers/readGolden';

const GOLDEN = 'Fullcast_Motion_Package.connectedApp-meta.xml';

describe('renderConnectedApp: the Fullcast Motion Package', () => {
  test.each(['prod', 'sandbox'] as const)('%s matches its golden file byte for byte', (environment) => {
    const file = renderConnectedApp(fullcastApp(environment));
    expect(file.content).toBe(readGolden('connectedApp', environment, GOLDEN));
    expect(file.path).toBe(`connectedApps/${GOLDEN}`);
    expect(file).toMatchObject({ type: 'ConnectedApp', fullName: 'Fullcast_Motion_Package' });
  });

  test('API 52.0 lists only the flags a retrieve of that era lists', () => {
    expect(renderConnectedApp(fullcastApp('prod', 52)).content).toBe(readGolden('connectedApp', 'api-52', GOLDEN));
  });

  test('rendering is pure: the same input gives the same bytes', () => {
    expect(renderConnectedApp(fullcastApp('prod')).content).toBe(renderConnectedApp(fullcastApp('prod')).content);
  });
});

describe('renderConnectedApp: format details', () => {
  const render = (overrides: Parameters<typeof fullcastApp>[2], apiVersion = 66) =>
    renderConnectedApp(fullcastApp('prod', apiVersion, overrides)).content;

  test('escapes & < > \' " in text, as a retrieve does', () => {
    const xml = render({ label: `A & B <C> 'D' "E"` });
    expect(xml).toContain('<label>A &amp; B &lt;C&gt; &apos;D&apos; &quot;E&quot;</label>');
  });

  test('writes non-ASCII text as UTF-8, not as character references', () => {
    expect(render({ description: 'Équipe → システム' })).toContain('<description>Équipe → システム</description>');
  });

  test('never writes fullName, consumerKey or consumerSecret', () => {
    const xml = render({});
    expect(xml).not.toMatch(/fullName|consumerKey|consumerSecret/);
  });

  test('puts scopes in the canonical order whatever the template order', () => {
    const xml = render({ oauth: { callbackUrls: ['https://x.example.com/cb'], scopes: ['RefreshToken', 'OpenID', 'Api', 'Basic'] } });
    const scopes = [...xml.matchAll(/<scopes>(\w+)<\/scopes>/g)].map((match) => match[1]);
    expect(scopes).toEqual(['Basic', 'Api', 'RefreshToken', 'OpenID']);
  });

  test('writes the XML declaration, the namespace, 4-space indentation and a final newline', () => {
    const xml = render({});
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">\n')).toBe(
      true,
    );
    expect(xml.endsWith('</ConnectedApp>\n')).toBe(true);
    expect(xml).not.toMatch(/\t|\r/);
    expect(
      xml
        .split('\n')
        .filter((line) => /^ +</.test(line))
        .every((line) => (line.length - line.trimStart().length) % 4 === 0),
    ).toBe(true);
  });

  test('maps the Setup policies to their metadata values', () => {
    const xml = render({
      policies: {
        permittedUsers: 'admin-approved',
        ipRelaxation: 'relax-activated-devices',
        refreshToken: { expireIfUnusedFor: { value: 7, unit: 'days' } },
        profiles: ['System Administrator'],
        permissionSets: ['Fullcast_Users'],
        sessionTimeoutMinutes: 120,
      },
    });
    const app = new XMLParser({ parseTagValue: false }).parse(xml).ConnectedApp;
    expect(app.oauthConfig.isAdminApproved).toBe('true');
    expect(app.oauthPolicy).toMatchObject({ ipRelaxation: 'BYPASS_2FACTOR', refreshTokenPolicy: 'specific_inactivity:7:DAYS' });
    expect(app.profileName).toBe('System Administrator');
    expect(app.permissionSetName).toBe('Fullcast_Users');
    expect(app.sessionPolicy).toEqual({ sessionTimeout: '120' });
    // Schema order: permissionSetName < profileName < sessionPolicy after the OAuth elements.
    expect(xml.indexOf('<oauthPolicy>')).toBeLessThan(xml.indexOf('<permissionSetName>'));
    expect(xml.indexOf('<permissionSetName>')).toBeLessThan(xml.indexOf('<profileName>'));
    expect(xml.indexOf('<profileName>')).toBeLessThan(xml.indexOf('<sessionPolicy>'));
  });

  test('inverts "Require Secret for Web Server Flow" into isConsumerSecretOptional', () => {
    const optional = render({
      oauth: { callbackUrls: ['https://x.example.com/cb'], scopes: ['Api'], requireSecretForWebServerFlow: false },
    });
    expect(optional).toContain('<isConsumerSecretOptional>true</isConsumerSecretOptional>');
  });

  test('an app without OAuth settings has neither oauthConfig nor oauthPolicy', () => {
    const xml = renderConnectedApp({ ...fullcastApp('prod'), settings: { label: 'Bookmark' } }).content;
    expect(xml).not.toMatch(/oauthConfig|oauthPolicy/);
  });
});
