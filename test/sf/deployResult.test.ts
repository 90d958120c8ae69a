import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
