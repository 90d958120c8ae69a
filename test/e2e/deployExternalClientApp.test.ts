/** `connected-app deploy --kind external-client-app` end to end: the linked set, its two-phase fallback and its known problems. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths';
import { runCli } from '../helpers/tempProject';
import { deployHarness } from './deployHarness';

const harness = deployHarness();

describe('an External Client App', () => {
  const ECA_FILES: Record<string, string> = {
    'externalClientApps/Fullcast_Motion_Package.eca': 'force-app/main/default/externalClientApps/Fullcast_Motion_Package.eca-meta.xml',
    'extlClntAppGlobalOauthSets/Fullcast_Motion_Package_glbloauth.ecaGlblOauth':
      'force-app/main/default/extlClntAppGlobalOauthSets/Fullcast_Motion_Package_glbloauth.ecaGlblOauth-meta.xml',
    'extlClntAppOauthSettings/Fullcast_Motion_Package_oauth.ecaOauth':
      'force-app/main/default/extlClntAppOauthSettings/Fullcast_Motion_Package_oauth.ecaOauth-meta.xml',
    'extlClntAppOauthPolicies/Fullcast_Motion_Package_oauthPlcy.ecaOauthPlcy':
      'force-app/main/default/extlClntAppOauthPolicies/Fullcast_Motion_Package_oauthPlcy.ecaOauthPlcy-meta.xml',
  };

  test('deploys the whole linked set in one deploy, byte for byte, with a package.xml naming every type', async () => {
    const run = await harness.deployWith({ outcome: 'success', created: true }, ['--kind', 'external-client-app']);
    expect(run.status).toBe(0);
    expect(harness.org.deploys).toHaveLength(1);
    const [received] = harness.org.deploys;
    expect([...received.files.keys()].sort()).toEqual([...Object.keys(ECA_FILES), 'package.xml'].sort());
    for (const [entry, file] of Object.entries(ECA_FILES)) {
      expect([entry, Buffer.from(received.files.get(entry) as Uint8Array).equals(readFileSync(join(harness.project(), file)))]).toEqual([
        entry,
        true,
      ]);
    }
    const packageXml = Buffer.from(received.files.get('package.xml') as Uint8Array).toString('utf8');
    for (const type of [
      'ExternalClientApplication',
      'ExtlClntAppGlobalOauthSettings',
      'ExtlClntAppOauthSettings',
      'ExtlClntAppOauthConfigurablePolicies',
    ]) {
      expect(packageXml).toContain(`<name>${type}</name>`);
    }
    expect(received.problems).toEqual([]);
    expect(run.stdout).toMatch(/ExternalClientApplication\s+Fullcast_Motion_Package\s+Created/);
  });

  test("needs no connected-app existence check and gives no Spring '26 warning", async () => {
    const run = await harness.deployWith({ outcome: 'success', existing: 'absent' }, ['--kind', 'external-client-app']);
    expect(harness.org.requests.some((request) => decodeURIComponent(request.path).includes('FROM ConnectedApplication'))).toBe(false);
    expect(run.stderr).not.toMatch(/Spring '26/);
  });

  test('an org that refuses the policies with their new app gets the app first, then the policies', async () => {
    const run = await harness.deployWith({ outcome: 'success', policiesNeedApp: true, created: true }, [
      '--kind',
      'external-client-app',
      '--json',
    ]);
    expect(run.status).toBe(0);
    expect(harness.org.deploys.map((deploy) => [...deploy.files.keys()].filter((path) => path !== 'package.xml').sort())).toEqual([
      Object.keys(ECA_FILES).sort(),
      Object.keys(ECA_FILES)
        .filter((path) => !path.startsWith('extlClntAppOauthPolicies'))
        .sort(),
      ['extlClntAppOauthPolicies/Fullcast_Motion_Package_oauthPlcy.ecaOauthPlcy'],
    ]);
    const json = JSON.parse(run.stdout);
    expect(json.result).toMatchObject({ status: 'Succeeded', phases: 2 });
    expect(json.result.components.map((component: { type: string }) => component.type).sort()).toEqual([
      'ExternalClientApplication',
      'ExtlClntAppGlobalOauthSettings',
      'ExtlClntAppOauthConfigurablePolicies',
      'ExtlClntAppOauthSettings',
    ]);
    expect(json.warnings[0]).toMatch(/refused Fullcast_Motion_Package's policies in the same deploy/);
  });

  test('policies that still fail after the app went in first are reported with what the org now applies', async () => {
    const problem = 'INVALID_CROSS_REFERENCE_KEY: invalid cross reference id';
    const run = await harness.deployWith(
      {
        outcome: 'componentFailure',
        failures: [
          {
            problem,
            componentType: 'ExtlClntAppOauthConfigurablePolicies',
            fullName: 'Fullcast_Motion_Package_oauthPlcy',
            fileName: 'extlClntAppOauthPolicies/Fullcast_Motion_Package_oauthPlcy.ecaOauthPlcy',
            whenSent: true,
          },
        ],
      },
      ['--kind', 'external-client-app'],
    );
    expect(run.status).toBe(1);
    expect(harness.org.deploys).toHaveLength(3);
    expect(run.stderr).toMatch(/Warning: Fullcast_Motion_Package is deployed but its OAuth policies are not: .*365 days/);
  });
});

describe("an installed app's policies (a policies-only template)", () => {
  const POLICIES = 'extlClntAppOauthPolicies/Acme_oauth_defaultPolicy.ecaOauthPlcy';
  // The deploys of this app (a deploy of an earlier test's that ran late must not count).
  const acmeDeploys = () => harness.org.deploys.filter((deploy) => [...deploy.files.keys()].some((path) => path.includes('Acme')));
  const prepare = () => {
    const fixture = join(REPO_ROOT, 'test', 'fixtures', 'eca', 'installed');
    expect(runCli(harness.project(), ['import', fixture, '--env', 'prod']).status).toBe(0);
    expect(runCli(harness.project(), ['generate', '--app', 'Acme__Acme', '--env', 'prod']).status).toBe(0);
  };

  test("deploys exactly the policies file: the header and settings are the package's", async () => {
    prepare();
    const run = await harness.deployWith({ outcome: 'success' }, ['--app', 'Acme__Acme', '--kind', 'external-client-app']);
    expect(run.status).toBe(0);
    expect(acmeDeploys()).toHaveLength(1);
    expect([...acmeDeploys()[0].files.keys()].sort()).toEqual([POLICIES, 'package.xml']);
    expect(Buffer.from(acmeDeploys()[0].files.get(POLICIES) as Uint8Array).toString('utf8')).toBe(
      readFileSync(join(harness.project(), 'force-app/main/default', `${POLICIES}-meta.xml`), 'utf8'),
    );
  });

  test('policies refused because their app is missing are not retried without the app: there is no app to send first', async () => {
    const run = await harness.deployWith(
      {
        outcome: 'componentFailure',
        failures: [
          {
            problem: 'INVALID_CROSS_REFERENCE_KEY: invalid cross reference id',
            componentType: 'ExtlClntAppOauthConfigurablePolicies',
            fullName: 'Acme_oauth_defaultPolicy',
            fileName: POLICIES,
          },
        ],
      },
      ['--app', 'Acme__Acme', '--kind', 'external-client-app'],
    );
    expect(run.status).toBe(1);
    expect(acmeDeploys()).toHaveLength(1);
    expect(harness.org.deploys.filter((deploy) => deploy.files.size === 1)).toEqual([]);
    expect(run.stderr).not.toMatch(/deploying the app first/);
  });
});
