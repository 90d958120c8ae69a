/** The Salesforce CLI accepts the generated project: it converts it to Metadata API format unchanged. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSf } from '../helpers/sfEnv';
import { makeProject, runCli } from '../helpers/tempProject';

describe('sf project convert source', () => {
  const project = makeProject();
  runCli(project, ['generate', '--env', 'prod', '--contact-email', 'admin@example.com']);
  runCli(project, ['generate', '--env', 'sandbox']);
  runCli(project, ['generate', '--env', 'prod', '--kind', 'external-client-app']);

  test.each([
    ['force-app', 'force-app/main/default'],
    ['environments/sandbox', 'environments/sandbox'],
  ])('converts %s into connectedApps/ and a package.xml naming the app', (sourceDir, outputDir) => {
    const result = runSf(project, [
      'project',
      'convert',
      'source',
      '--source-dir',
      sourceDir,
      '--output-dir',
      `mdapi-${sourceDir.replace('/', '-')}`,
    ]);
    expect(result.status).toBe(0);
    const mdapi = join(project, `mdapi-${sourceDir.replace('/', '-')}`);
    const packageXml = readFileSync(join(mdapi, 'package.xml'), 'utf8');
    expect(packageXml).toContain('<members>Fullcast_Motion_Package</members>');
    expect(packageXml).toContain('<name>ConnectedApp</name>');
    expect(packageXml).toContain('<version>66.0</version>');
    const converted = readFileSync(join(mdapi, 'connectedApps', 'Fullcast_Motion_Package.connectedApp'), 'utf8');
    expect(converted).toBe(
      readFileSync(join(project, outputDir, 'connectedApps', 'Fullcast_Motion_Package.connectedApp-meta.xml'), 'utf8'),
    );
  });
});

describe('sf project convert source with an External Client App set', () => {
  const project = makeProject();
  runCli(project, ['generate', '--env', 'prod', '--kind', 'external-client-app', '--contact-email', 'admin@example.com']);

  test('converts every file of the set, unchanged, and names each type in package.xml', () => {
    const result = runSf(project, ['project', 'convert', 'source', '--source-dir', 'force-app', '--output-dir', 'mdapi']);
    expect(result.status).toBe(0);
    const packageXml = readFileSync(join(project, 'mdapi', 'package.xml'), 'utf8');
    const converted: Record<string, string> = {
      'externalClientApps/Fullcast_Motion_Package.eca': 'ExternalClientApplication',
      'extlClntAppGlobalOauthSets/Fullcast_Motion_Package_glbloauth.ecaGlblOauth': 'ExtlClntAppGlobalOauthSettings',
      'extlClntAppOauthSettings/Fullcast_Motion_Package_oauth.ecaOauth': 'ExtlClntAppOauthSettings',
      'extlClntAppOauthPolicies/Fullcast_Motion_Package_oauthPlcy.ecaOauthPlcy': 'ExtlClntAppOauthConfigurablePolicies',
    };
    for (const [file, type] of Object.entries(converted)) {
      expect(packageXml).toContain(`<name>${type}</name>`);
      expect(readFileSync(join(project, 'mdapi', file), 'utf8')).toBe(
        readFileSync(join(project, 'force-app', 'main', 'default', `${file}-meta.xml`), 'utf8'),
      );
    }
  });
});
