/** `connected-app deploy` end to end with the real sf and the stand-in org: a successful deploy and the outcomes sf reports. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AsyncRun } from '../helpers/runAsync';
import { ACCESS_TOKEN } from '../standin/standInOrg';
import { APP_FILE, ZIP_ENTRY, deployHarness } from './deployHarness';

const harness = deployHarness();

const ENUM_PROBLEM = "'NOT_A_VALUE' is not a valid value for the enum 'ConnectedAppIpRelaxation'";

describe('a successful deploy, in progress for a few polls first', () => {
  let run: AsyncRun;
  let statusPolls = 0;
  beforeAll(async () => {
    run = await harness.deployWith({ outcome: 'success', existing: 'exists', inProgressPolls: 2 });
    statusPolls = harness.org.requests.filter((request) => request.body.includes('checkDeployStatus')).length;
  });

  test('exits 0 and reports the component', () => {
    expect(run.status).toBe(0);
    expect(statusPolls).toBeGreaterThanOrEqual(3);
    expect(run.stdout).toMatch(/Deployed: fullcast-motion-package \(prod\) to standin \(admin@standin\.example\.com\)/);
    expect(run.stdout).toMatch(
      /ConnectedApp\s+Fullcast_Motion_Package\s+Changed\s+force-app\/main\/default\/connectedApps\/Fullcast_Motion_Package\.connectedApp-meta\.xml/,
    );
  });

  test('the org received exactly the generated file, byte for byte, and a package.xml naming it', () => {
    expect(harness.org.deploys).toHaveLength(1);
    const [received] = harness.org.deploys;
    expect([...received.files.keys()].sort()).toEqual([ZIP_ENTRY, 'package.xml']);
    expect(Buffer.from(received.files.get(ZIP_ENTRY) as Uint8Array).equals(readFileSync(join(harness.project(), APP_FILE)))).toBe(true);
    const packageXml = Buffer.from(received.files.get('package.xml') as Uint8Array).toString('utf8');
    expect(packageXml).toMatch(/<types>\s*<members>Fullcast_Motion_Package<\/members>\s*<name>ConnectedApp<\/name>\s*<\/types>/);
    expect(packageXml).toContain('<version>66.0</version>');
    expect(received.problems).toEqual([]);
    expect(received.checkOnly).toBe(false);
  });

  test('sends the session to the org only as the SOAP session header', () => {
    expect(
      harness.org.requests
        .filter((request) => request.path.startsWith('/services/Soap/m/'))
        .every((request) => request.body.includes(`<sessionId>${ACCESS_TOKEN}</sessionId>`)),
    ).toBe(true);
  });

  test('asks the org nothing besides the deploy: no query runs beside sf, and no creation warning for a changed app', () => {
    expect(
      harness.org.requests.some(
        (request) => /\/query\b/.test(request.path) && /ConnectedApplication/i.test(decodeURIComponent(request.path)),
      ),
    ).toBe(false);
    expect(run.stderr).not.toMatch(/Spring '26/);
  });
});

describe('outcomes', () => {
  test('--dry-run validates without saving (checkOnly)', async () => {
    const run = await harness.deployWith({ outcome: 'success', existing: 'exists' }, ['--dry-run']);
    expect(run.status).toBe(0);
    expect(harness.org.deploys[0].checkOnly).toBe(true);
    expect(run.stdout).toContain('Validated (dry run, nothing saved)');
  });

  test("an app the org did not have (the deploy created it) gets the Spring '26 warning and the way to an External Client App", async () => {
    const run = await harness.deployWith({ outcome: 'success', created: true });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ConnectedApp\s+Fullcast_Motion_Package\s+Created/);
    expect(run.stderr).toMatch(
      /Warning: Fullcast_Motion_Package did not exist in the org 'standin': since Spring '26 Salesforce blocks creating new connected apps.*--kind external-client-app/,
    );
  });

  test("a component failure exits 1 with the file, line, Salesforce's problem text and an action", async () => {
    const run = await harness.deployWith({
      outcome: 'componentFailure',
      existing: 'exists',
      failures: [{ problem: ENUM_PROBLEM, fileName: ZIP_ENTRY, fullName: 'Fullcast_Motion_Package', lineNumber: 19, columnNumber: 14 }],
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`ConnectedApp Fullcast_Motion_Package, ${APP_FILE}:19:14`);
    expect(run.stderr).toContain(`Salesforce: ${ENUM_PROBLEM}`);
    expect(run.stderr).toMatch(/Action \(InvalidValueOrField\): /);
  });

  test('a connected app failing with a problem nobody catalogued gets the creation block as its possible cause', async () => {
    const run = await harness.deployWith({
      outcome: 'componentFailure',
      failures: [{ problem: 'An unexpected problem with this component', fileName: ZIP_ENTRY, fullName: 'Fullcast_Motion_Package' }],
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Action \(PossiblyCreationBlocked\): If the app does not exist in the org yet: since Spring '26/);
  });

  test('a partial success exits 68', async () => {
    const run = await harness.deployWith({
      outcome: 'partial',
      existing: 'exists',
      failures: [
        {
          problem: 'You cannot provide a Consumer Key',
          componentType: 'ConnectedApp',
          fullName: 'Other_App',
          fileName: 'connectedApps/Other_App.connectedApp',
        },
      ],
    });
    expect(run.status).toBe(68);
    expect(run.stdout).toMatch(/ConnectedApp\s+Fullcast_Motion_Package\s+Changed/);
    expect(run.stderr).toContain('1 component failed');
  });

  test("an HTTP 500 from the Metadata API fails with Salesforce's fault text and an action", async () => {
    const run = await harness.deployWith({ outcome: 'http500', existing: 'exists' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('UNKNOWN_EXCEPTION: An unexpected error occurred');
    expect(run.stderr).toContain('Try this (SalesforceInternalError)');
  });

  test('a dropped connection fails with the connection action', async () => {
    const run = await harness.deployWith({ outcome: 'drop', existing: 'exists' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/did not finish: .*fetch failed/);
    expect(run.stderr).toContain('Try this (ConnectionFailed)');
  });

  test("--json prints the typed result with sf's exit code as status", async () => {
    const run = await harness.deployWith(
      {
        outcome: 'partial',
        existing: 'exists',
        failures: [{ problem: 'x', componentType: 'ConnectedApp', fullName: 'Other', fileName: 'connectedApps/Other.connectedApp' }],
      },
      ['--json'],
    );
    const json = JSON.parse(run.stdout);
    expect(run.status).toBe(68);
    expect(json).toMatchObject({
      status: 68,
      result: {
        status: 'SucceededPartial',
        app: 'fullcast-motion-package',
        environment: 'prod',
        targetOrg: { name: 'standin', username: 'admin@standin.example.com' },
        files: [APP_FILE],
        exitCode: 68,
      },
    });
  });
});
