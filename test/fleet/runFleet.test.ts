/** The fleet runner: bounded concurrency, order kept, failures contained, Ctrl-C honoured, the run's exit code. */
import { AppError } from '../../generator/errors';
import { runBounded } from '../../generator/fleet/runBounded';
import { fleetExitCode, runFleet } from '../../generator/fleet/runFleet';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('never runs more than the limit at once, reaches it, and keeps the order of the items', async () => {
  let running = 0;
  let peak = 0;
  const outcomes = await runBounded([5, 1, 4, 2, 3, 1, 2], 3, async (ms) => {
    running += 1;
    peak = Math.max(peak, running);
    await tick(ms * 3);
    running -= 1;
    return ms * 10;
  });
  expect(peak).toBe(3);
  expect(outcomes).toEqual([50, 10, 40, 20, 30, 10, 20].map((value) => ({ status: 'fulfilled', value })));
});

test('stops starting items once stopped, and reports the rest as not started', async () => {
  let stop = false;
  const started: number[] = [];
  const outcomes = await runBounded(
    [1, 2, 3, 4, 5],
    2,
    async (item) => {
      started.push(item);
      if (item === 2) stop = true;
      await tick(5);
      return item;
    },
    () => stop,
  );
  expect(started).toEqual([1, 2]);
  expect(outcomes.slice(2)).toEqual([{ status: 'not started' }, { status: 'not started' }, { status: 'not started' }]);
});

test.each([
  [[0, 0, 0], 0],
  [[0, 68, 0], 68],
  [[0, 69], 69],
  [[68, 69], 68],
  [[0, 68, 1], 1],
  [[0, 2], 1],
  [[70, 0], 1],
  [[], 0],
])('orgs exiting %j make the run exit %i', (codes, expected) => {
  expect(fleetExitCode(codes)).toBe(expected);
});

test("an org's error is its outcome, with its code; the other orgs still run", async () => {
  const run = await runFleet(
    [
      { alias: 'a', env: 'prod' },
      { alias: 'b', env: 'sandbox' },
      { alias: 'c', env: 'prod' },
    ],
    2,
    async (org) => {
      await tick(1);
      if (org.alias === 'a') throw new AppError('OrgNotAuthorized', "the org 'a' is not authorized", ['Log in.']);
      if (org.alias === 'c') throw new TypeError('boom');
      return { exitCode: 0 };
    },
  );
  expect(run.exitCode).toBe(1);
  expect(run.orgs.map((org) => [org.alias, org.environment, org.state, org.exitCode, org.error?.code])).toEqual([
    ['a', 'prod', 'error', 1, 'OrgNotAuthorized'],
    ['b', 'sandbox', 'done', 0, undefined],
    ['c', 'prod', 'error', 70, 'InternalError'],
  ]);
  expect(run.interrupted).toBe(false);
});
