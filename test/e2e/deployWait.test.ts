/** `connected-app deploy` end to end: an org that never answers (sf's shortest wait is one minute, so this file runs beside the others). */
import { deployHarness } from './deployHarness';

const harness = deployHarness();

describe('the wait', () => {
  test('an org that never answers exits 69 once the wait runs out, with the command to follow the deploy', async () => {
    const run = await harness.deployWith({ outcome: 'hang', existing: 'exists' }, ['--wait', '1']);
    expect(run.status).toBe(69);
    expect(run.stderr).toContain('The wait ran out; the deploy is still running in the org (deploy 0Af000000000001AAA)');
    expect(run.stderr).toContain('npx sf project deploy resume --job-id 0Af000000000001AAA --target-org standin');
  }, 150_000);
});
