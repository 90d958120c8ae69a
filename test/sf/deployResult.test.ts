import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeployResult } from '../../generator/commands/deploy';
import { printDeployResult } from '../../generator/output';
import { readDeployRun } from '../../generator/sf/deployResult';
import type { SfRun } from '../../generator/sf/runSf';
import { REPO_ROOT } from '../helpers/paths';

function recorded(name: string): SfRun {
  const { exitCode, json } = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'sf', `${name}.json`), 'utf8'));
  return { exitCode, json, stderr: '' };
}

const FILE = 'force-app/main/default/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml';

describe('readDeployRun on recorded sf output', () => {
  test('a success: status, id, the component created, exit 0', () => {
    expect(readDeployRun(recorded('deploy-succeeded'), '/PROJECT')).toEqual({
      status: 'Succeeded',
      deployId: '0Af000000000001AAA',
      exitCode: 0,
      components: [
        {
          type: 'ConnectedApp',
          fullName: 'Fullcast_Motion_Package',
          filePath: FILE,
          state: 'Created',
          problem: undefined,
          line: undefined,
          column: undefined,
          problemCode: undefined,
          action: undefined,
        },
      ],
    });
  });

  test("a failure: the problem text without sf's position suffix, line, column and the matching action", () => {
    const outcome = readDeployRun(recorded('deploy-failed'), '/PROJECT');
    expect(outcome).toMatchObject({ status: 'Failed', exitCode: 1 });
    expect(outcome.components).toEqual([
      expect.objectContaining({
        state: 'Failed',
        filePath: FILE,
        problem: "'NOT_A_VALUE' is not a valid value for the enum 'ConnectedAppIpRelaxation'",
        line: 19,
        column: 14,
        problemCode: 'InvalidValueOrField',
      }),
    ]);
  });

  test('a partial success: 68, the deployed component and the failure of another', () => {
    const outcome = readDeployRun(recorded('deploy-partial'), '/PROJECT');
    expect(outcome.exitCode).toBe(68);
    expect(outcome.components.map((component) => [component.fullName, component.state, component.problemCode])).toEqual([
      ['Fullcast_Motion_Package', 'Changed', undefined],
      ['Other_App', 'Failed', 'ConsumerKeyProvided'],
    ]);
  });

  test("a SOAP fault: no result, sf's error and exit code, the action", () => {
    const outcome = readDeployRun(recorded('deploy-soap-fault'), '/PROJECT');
    expect(outcome).toMatchObject({ status: 'Error', exitCode: 20, components: [], error: { problemCode: 'SalesforceInternalError' } });
    expect(outcome.error?.message).toMatch(/^UNKNOWN_EXCEPTION: /);
  });

  test('a dropped connection: the connection action', () => {
    expect(readDeployRun(recorded('deploy-connection-dropped'), '/PROJECT')).toMatchObject({
      status: 'Error',
      exitCode: 10,
      error: { problemCode: 'ConnectionFailed' },
    });
  });

  test('the wait running out: still in progress, 69, with the deploy id', () => {
    expect(readDeployRun(recorded('deploy-wait-ran-out'), '/PROJECT')).toEqual({
      status: 'InProgress',
      deployId: '0Af000000000001AAA',
      components: [],
      exitCode: 69,
    });
  });

  test('componentFailures as one object rather than a list', () => {
    const run = recorded('deploy-failed');
    const result = (run.json as { result: { details: { componentFailures: unknown[] }; files: unknown[] } }).result;
    result.details.componentFailures = result.details.componentFailures[0] as unknown[];
    result.files = [];
    expect(readDeployRun(run, '/PROJECT').components).toEqual([
      expect.objectContaining({ fullName: 'Fullcast_Motion_Package', state: 'Failed', line: 19 }),
    ]);
  });

  test('sf printing no JSON at all', () => {
    expect(readDeployRun({ exitCode: 1, stderr: 'something broke\nfetch failed' }, '/PROJECT')).toMatchObject({
      status: 'Error',
      exitCode: 1,
      error: { message: 'fetch failed', problemCode: 'ConnectionFailed' },
    });
  });

  test('sf JSON of unexpected shapes is read as far as it goes, never thrown on', () => {
    const json = {
      result: {
        status: 'Failed',
        id: 5,
        files: [{ fullName: 3, type: ['x'], state: 'Failed', error: { x: 1 } }, 'junk', null],
        details: { componentFailures: 'junk' },
      },
    };
    const outcome = readDeployRun({ exitCode: 1, json, stderr: '' }, '/PROJECT');
    expect(outcome).toMatchObject({ status: 'Failed', deployId: undefined, exitCode: 1 });
    expect(outcome.components.every((component) => typeof component.fullName === 'string' && typeof component.type === 'string')).toBe(
      true,
    );
    expect(readDeployRun({ exitCode: 3, json: { result: { status: 'constructor' } }, stderr: '' }, '/PROJECT').exitCode).toBe(3);
  });
});

/**
 * Known problems as a user sees them: sf's recorded failure with another problem text, read and
 * printed as `deploy` prints it. (One real deploy of a failure runs in test/e2e/deploy.test.ts;
 * the text goes through sf unchanged, so the rest of the catalog is checked on the recording.)
 */
describe('a known problem in the recorded failure reaches the user with its action', () => {
  function printedFailure(problem: string, type: string, fullName: string): string {
    const run = recorded('deploy-failed');
    const failure = (run.json as { result: { details: { componentFailures: Record<string, unknown>[] } } }).result.details
      .componentFailures[0];
    Object.assign(failure, { problem, componentType: type, fullName });
    const outcome = readDeployRun(run, '/PROJECT');
    const result: DeployResult = {
      ...outcome,
      app: 'fullcast-motion-package',
      environment: 'prod',
      kind: 'connected-app',
      apiName: 'Fullcast_Motion_Package',
      targetOrg: { name: 'standin', username: 'standin@example.com' },
      dryRun: false,
      files: [FILE],
      phases: 1,
      warnings: [],
    };
    let stderr = '';
    printDeployResult(result, { stdout: () => undefined, stderr: (text) => (stderr += text) });
    expect(outcome.exitCode).toBe(1);
    return stderr;
  }

  test.each([
    ['You cannot provide a Consumer Key', 'ConsumerKeyProvided'],
    ['Fullcast_Motion_Package of Type ConnectedApp failed to deploy due to The consumer key is already taken.', 'ConsumerKeyTaken'],
    ['INSUFFICIENT_ACCESS_OR_READONLY: insufficient access rights on object id', 'InsufficientAccess'],
    ['DUPLICATE_VALUE: duplicate value found: DeveloperName duplicates value on record', 'DuplicateValue'],
  ])('ConnectedApp: %j gets its action', (problem, code) => {
    const stderr = printedFailure(problem, 'ConnectedApp', 'Fullcast_Motion_Package');
    expect(stderr).toContain(`Salesforce: ${problem}`);
    expect(stderr).toContain(`Action (${code}): `);
  });

  test.each([
    ['External Client Apps are not enabled in this org', 'ExternalClientAppsNotEnabled'],
    ['DUPLICATE_VALUE: ExtlClntAppOauthSettingsId duplicates value on record with id: 0xx000000000001', 'OAuthPoliciesDuplicate'],
  ])('External Client App policies: %j gets its action', (problem, code) => {
    const stderr = printedFailure(problem, 'ExtlClntAppOauthConfigurablePolicies', 'Fullcast_Motion_Package_oauthPlcy');
    expect(stderr).toContain(`Salesforce: ${problem}`);
    expect(stderr).toContain(`Action (${code}): `);
  });
});
