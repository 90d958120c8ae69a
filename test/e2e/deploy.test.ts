/**
 * `npm run deploy` end to end: the real sf CLI, logged in to the stand-in org on 127.0.0.1,
 * deploying what `generate` wrote. Every run is checked for the things that must never
 * happen: the access token in any output, a project file changed, a stack trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAsync, type AsyncRun } from '../helpers/runAsync';
import { SF_BIN, sfEnvironment } from '../helpers/sfEnv';
import { makeProject, runCli, snapshotFiles } from '../helpers/tempProject';
import { ACCESS_TOKEN, type Scenario, StandInOrg } from '../standin/standInOrg';

const APP_FILE = 'force-app/main/default/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml';
const ZIP_ENTRY = 'connectedApps/Fullcast_Motion_Package.connectedApp';
const ENUM_PROBLEM = "'NOT_A_VALUE' is not a valid value for the enum 'ConnectedAppIpRelaxation'";

const org = new StandInOrg();
let project: string;
let env: NodeJS.ProcessEnv;

/** Project files as git sees them: the tool's cache and sf's own state folders left out. */
function projectFiles(): Map<string, string> {
  const files = snapshotFiles(project);
  for (const path of [...files.keys()]) if (/^\.(sf|sfdx)\//.test(path)) files.delete(path);
  return files;
}

async function login(url: string, alias: string): Promise<void> {
  const result = await runAsync(
    SF_BIN,
    ['org', 'login', 'access-token', '--instance-url', url, '--no-prompt', '--alias', alias, '--json'],
    { cwd: project, env },
  );
  if (result.status !== 0) throw new Error(`login failed: ${result.stdout}`);
}

/** `npm run deploy -- <args>` with `scenario`, checked for token leaks, stack traces and project changes. */
async function deployWith(scenario: Scenario, args: readonly string[] = []): Promise<AsyncRun> {
  org.reset(scenario);
  const before = projectFiles();
  const run = await runAsync('npm', ['run', '--silent', 'deploy', '--', '--target-org', 'standin', '--env', 'prod', ...args], {
    cwd: project,
    env,
  });
  expect(run.stdout + run.stderr).not.toContain(ACCESS_TOKEN);
  expect(run.stdout + run.stderr).not.toContain(ACCESS_TOKEN.split('!')[1]);
  expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(projectFiles()).toEqual(before);
  return run;
}

beforeAll(async () => {
  const url = await org.start();
  project = makeProject();
  runCli(project, ['generate', '--env', 'prod', '--contact-email', 'admin@example.com']);
  runCli(project, ['generate', '--env', 'prod', '--kind', 'external-client-app']);
  env = sfEnvironment({ SF_ACCESS_TOKEN: ACCESS_TOKEN });
  await login(url, 'standin');
});

afterAll(() => org.stop());

describe('a successful deploy', () => {
  let run: AsyncRun;
  beforeAll(async () => {
    run = await deployWith({ outcome: 'success', existing: 'exists' });
  });

  test('exits 0 and reports the component', () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Deployed: fullcast-motion-package \(prod\) to standin \(admin@standin\.example\.com\)/);
    expect(run.stdout).toMatch(
      /ConnectedApp\s+Fullcast_Motion_Package\s+Changed\s+force-app\/main\/default\/connectedApps\/Fullcast_Motion_Package\.connectedApp-meta\.xml/,
    );
  });

  test('the org received exactly the generated file, byte for byte, and a package.xml naming it', () => {
    expect(org.deploys).toHaveLength(1);
    const [received] = org.deploys;
    expect([...received.files.keys()].sort()).toEqual([ZIP_ENTRY, 'package.xml']);
    expect(Buffer.from(received.files.get(ZIP_ENTRY) as Uint8Array).equals(readFileSync(join(project, APP_FILE)))).toBe(true);
    const packageXml = Buffer.from(received.files.get('package.xml') as Uint8Array).toString('utf8');
    expect(packageXml).toMatch(/<types>\s*<members>Fullcast_Motion_Package<\/members>\s*<name>ConnectedApp<\/name>\s*<\/types>/);
    expect(packageXml).toContain('<version>66.0</version>');
    expect(received.problems).toEqual([]);
    expect(received.checkOnly).toBe(false);
  });

  test('sends the session to the org only as the SOAP session header', () => {
    expect(
      org.requests
        .filter((request) => request.path.startsWith('/services/Soap/m/'))
        .every((request) => request.body.includes(`<sessionId>${ACCESS_TOKEN}</sessionId>`)),
    ).toBe(true);
  });

  test('asks the org whether the app exists, and does not warn when it does', () => {
    expect(
      org.requests.some((request) =>
        decodeURIComponent(request.path).includes("FROM ConnectedApplication WHERE DeveloperName = 'Fullcast_Motion_Package'"),
      ),
    ).toBe(true);
    expect(run.stderr).not.toMatch(/Spring '26/);
  });
});

describe('outcomes', () => {
  test('--dry-run validates without saving (checkOnly)', async () => {
    const run = await deployWith({ outcome: 'success', existing: 'exists' }, ['--dry-run']);
    expect(run.status).toBe(0);
    expect(org.deploys[0].checkOnly).toBe(true);
    expect(run.stdout).toContain('Validated (dry run, nothing saved)');
  });

  test("an app the org does not have yet deploys with the Spring '26 warning and the way to an External Client App", async () => {
    const run = await deployWith({ outcome: 'success', existing: 'absent', created: true });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ConnectedApp\s+Fullcast_Motion_Package\s+Created/);
    expect(run.stderr).toMatch(
      /Warning: Fullcast_Motion_Package did not exist in the org 'standin': since Spring '26 Salesforce blocks creating new connected apps.*--kind external-client-app/,
    );
  });

  test("a component failure exits 1 with the file, line, Salesforce's problem text and an action", async () => {
    const run = await deployWith({
      outcome: 'componentFailure',
      existing: 'exists',
      failures: [{ problem: ENUM_PROBLEM, fileName: ZIP_ENTRY, fullName: 'Fullcast_Motion_Package', lineNumber: 19, columnNumber: 14 }],
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`ConnectedApp Fullcast_Motion_Package, ${APP_FILE}:19:14`);
    expect(run.stderr).toContain(`Salesforce: ${ENUM_PROBLEM}`);
    expect(run.stderr).toMatch(/Action \(InvalidValueOrField\): /);
  });

  test.each([
    ['You cannot provide a Consumer Key', 'ConsumerKeyProvided'],
    ['Fullcast_Motion_Package of Type ConnectedApp failed to deploy due to The consumer key is already taken.', 'ConsumerKeyTaken'],
    ['INSUFFICIENT_ACCESS_OR_READONLY: insufficient access rights on object id', 'InsufficientAccess'],
    ['DUPLICATE_VALUE: duplicate value found: DeveloperName duplicates value on record', 'DuplicateValue'],
  ])('the known problem %j gets its action', async (problem, code) => {
    const run = await deployWith({
      outcome: 'componentFailure',
      existing: 'exists',
      failures: [{ problem, fileName: ZIP_ENTRY, fullName: 'Fullcast_Motion_Package' }],
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Salesforce: ${problem}`);
    expect(run.stderr).toContain(`Action (${code}): `);
  });

  test('a failing new app is explained by the creation block', async () => {
    const run = await deployWith({
      outcome: 'componentFailure',
      existing: 'absent',
      failures: [{ problem: 'An unexpected problem with this component', fileName: ZIP_ENTRY, fullName: 'Fullcast_Motion_Package' }],
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Action \(ConnectedAppCreationBlocked\): The app does not exist in the org yet/);
  });

  test('a partial success exits 68', async () => {
    const run = await deployWith({
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

  test('a deploy in progress for a few polls still ends in success', async () => {
    const run = await deployWith({ outcome: 'success', existing: 'exists', inProgressPolls: 2 });
    expect(run.status).toBe(0);
    expect(org.requests.filter((request) => request.body.includes('checkDeployStatus')).length).toBeGreaterThanOrEqual(3);
  });

  test("an HTTP 500 from the Metadata API fails with Salesforce's fault text and an action", async () => {
    const run = await deployWith({ outcome: 'http500', existing: 'exists' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('UNKNOWN_EXCEPTION: An unexpected error occurred');
    expect(run.stderr).toContain('Try this (SalesforceInternalError)');
  });

  test('a dropped connection fails with the connection action', async () => {
    const run = await deployWith({ outcome: 'drop', existing: 'exists' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/did not finish: .*fetch failed/);
    expect(run.stderr).toContain('Try this (ConnectionFailed)');
  });

  test('an org that never answers exits 69 once the wait runs out, with the command to follow the deploy', async () => {
    const run = await deployWith({ outcome: 'hang', existing: 'exists' }, ['--wait', '1']);
    expect(run.status).toBe(69);
    expect(run.stderr).toContain('The wait ran out; the deploy is still running in the org (deploy 0Af000000000001AAA)');
    expect(run.stderr).toContain('npx sf project deploy resume --job-id 0Af000000000001AAA --target-org standin');
  }, 150_000);

  test('a failed existence query is a warning, not a failure', async () => {
    const run = await deployWith({ outcome: 'success', existing: 'error' });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/Warning: could not check whether Fullcast_Motion_Package exists in the org/);
  });

  test("--json prints the typed result with sf's exit code as status", async () => {
    const run = await deployWith(
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
    const run = await deployWith({ outcome: 'success', created: true }, ['--kind', 'external-client-app']);
    expect(run.status).toBe(0);
    expect(org.deploys).toHaveLength(1);
    const [received] = org.deploys;
    expect([...received.files.keys()].sort()).toEqual([...Object.keys(ECA_FILES), 'package.xml'].sort());
    for (const [entry, file] of Object.entries(ECA_FILES)) {
      expect([entry, Buffer.from(received.files.get(entry) as Uint8Array).equals(readFileSync(join(project, file)))]).toEqual([
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
    const run = await deployWith({ outcome: 'success', existing: 'absent' }, ['--kind', 'external-client-app']);
    expect(org.requests.some((request) => decodeURIComponent(request.path).includes('FROM ConnectedApplication'))).toBe(false);
    expect(run.stderr).not.toMatch(/Spring '26/);
  });

  test('an org that refuses the policies with their new app gets the app first, then the policies', async () => {
    const run = await deployWith({ outcome: 'success', policiesNeedApp: true, created: true }, ['--kind', 'external-client-app', '--json']);
    expect(run.status).toBe(0);
    expect(org.deploys.map((deploy) => [...deploy.files.keys()].filter((path) => path !== 'package.xml').sort())).toEqual([
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

  test.each([
    ['External Client Apps are not enabled in this org', 'ExternalClientAppsNotEnabled'],
    ['DUPLICATE_VALUE: ExtlClntAppOauthSettingsId duplicates value on record with id: 0xx000000000001', 'OAuthPoliciesDuplicate'],
  ])('the ECA problem %j gets its action', async (problem, code) => {
    const run = await deployWith(
      {
        outcome: 'componentFailure',
        failures: [
          {
            problem,
            componentType: 'ExtlClntAppOauthConfigurablePolicies',
            fullName: 'Fullcast_Motion_Package_oauthPlcy',
            fileName: 'extlClntAppOauthPolicies/Fullcast_Motion_Package_oauthPlcy.ecaOauthPlcy',
          },
        ],
      },
      ['--kind', 'external-client-app'],
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Salesforce: ${problem}`);
    expect(run.stderr).toContain(`Action (${code}): `);
  });

  test('policies that still fail after the app went in first are reported with what the org now applies', async () => {
    const problem = 'INVALID_CROSS_REFERENCE_KEY: invalid cross reference id';
    const run = await deployWith(
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
    expect(org.deploys).toHaveLength(3);
    expect(run.stderr).toMatch(/Warning: Fullcast_Motion_Package is deployed but its OAuth policies are not: .*365 days/);
  });
});

describe('preflight refusals: nothing is sent', () => {
  test('files out of sync with the template are refused, with the command to run', async () => {
    const file = join(project, APP_FILE);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('ENFORCE_RELAXREFRESH', 'BYPASS'));
    try {
      const run = await deployWith({ outcome: 'success' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`Error (OutOfSync): ${APP_FILE} differs from what templates/fullcast-motion-package.ts generates`);
      expect(run.stderr).toContain('npm run generate -- --app fullcast-motion-package --env prod');
      expect(org.deploys).toEqual([]);
    } finally {
      writeFileSync(file, original);
    }
  });

  test('an org sf does not know is refused, with the login command', async () => {
    org.reset({ outcome: 'success' });
    const run = await runAsync('npm', ['run', '--silent', 'deploy', '--', '--target-org', 'nobody', '--env', 'prod'], {
      cwd: project,
      env,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Error (OrgNotAuthorized): the org 'nobody' is not authorized");
    expect(run.stderr).toContain('npx sf org login web --alias nobody');
    expect(org.deploys).toEqual([]);
  });

  test('an org on an older API version than the files is refused', async () => {
    const oldOrg = new StandInOrg('62.0');
    try {
      await login(await oldOrg.start(), 'old');
      const run = await runAsync('npm', ['run', '--silent', 'deploy', '--', '--target-org', 'old', '--env', 'prod'], { cwd: project, env });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        "Error (ApiVersionTooNew): the org 'old' speaks Metadata API 62.0 at most; the files are written for 66.0",
      );
      expect(oldOrg.deploys).toEqual([]);
    } finally {
      await oldOrg.stop();
    }
  });

  test('a bad --wait is a usage error', async () => {
    const run = await runAsync('npm', ['run', '--silent', 'deploy', '--', '--target-org', 'standin', '--wait', 'soon'], {
      cwd: project,
      env,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--wait must be a whole number of minutes from 1 to 1440, not 'soon'");
  });
});
