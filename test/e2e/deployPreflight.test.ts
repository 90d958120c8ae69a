/** `connected-app deploy` end to end: the checks that refuse a deploy before anything is sent. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StandInOrg } from '../standin/standInOrg';
import { runAsync } from '../helpers/runAsync';
import { APP_FILE, deployHarness } from './deployHarness';

const harness = deployHarness();

describe('preflight refusals: nothing is sent', () => {
  test('files out of sync with the template are refused, with the command to run', async () => {
    const file = join(harness.project(), APP_FILE);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('ENFORCE_RELAXREFRESH', 'BYPASS'));
    try {
      const run = await harness.deployWith({ outcome: 'success' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`Error (OutOfSync): ${APP_FILE} differs from what templates/fullcast-motion-package.ts generates`);
      expect(run.stderr).toContain('npm run generate -- --app fullcast-motion-package --env prod');
      expect(harness.org.deploys).toEqual([]);
    } finally {
      writeFileSync(file, original);
    }
  });

  test('an org sf does not know is refused, with the login command', async () => {
    harness.org.reset({ outcome: 'success' });
    const run = await harness.run(['deploy', '--target-org', 'nobody', '--env', 'prod']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Error (OrgNotAuthorized): the org 'nobody' is not authorized");
    expect(run.stderr).toContain('npx sf org login web --alias nobody');
    expect(harness.org.deploys).toEqual([]);
  });

  test('an org on an older API version than the files is refused', async () => {
    const oldOrg = new StandInOrg({ apiVersion: '62.0' });
    try {
      await harness.login(await oldOrg.start(), 'old');
      const run = await harness.run(['deploy', '--target-org', 'old', '--env', 'prod']);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        "Error (ApiVersionTooNew): the org 'old' speaks Metadata API 62.0 at most; the files are written for 66.0",
      );
      expect(oldOrg.deploys).toEqual([]);
    } finally {
      await oldOrg.stop();
    }
  });

  test('a bad --wait is a usage error, through the npm script', async () => {
    const run = await runAsync('npm', ['run', '--silent', 'deploy', '--', '--target-org', 'standin', '--wait', 'soon'], {
      cwd: harness.project(),
      env: harness.env(),
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--wait must be a whole number of minutes from 1 to 1440');
  });
});
