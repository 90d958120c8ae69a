/**
 * The fleet runner: a per-org task over the orgs of the org map, at most `concurrency` at once,
 * past failures, timed; each org's outcome with its exit code, and the run's exit code
 * (0 all succeeded, 1 any failed or not started, else 68 any in part, else 69 any still running).
 * `deploy --all` is one task; `diff --all` another.
 */
import { EXIT_CODES, isAppError } from '../errors';
import { runBounded } from './runBounded';

/** What a task gives back: at least its exit code, as a single-org command would exit. */
export interface FleetTaskResult {
  readonly exitCode: number;
}

/** One org of a fleet run. */
export interface FleetOrg {
  readonly alias: string;
  readonly env: string;
}

interface FleetOrgOutcome<R extends FleetTaskResult> {
  readonly alias: string;
  readonly environment: string;
  /** done: the task ran (its result says how it went); error: it stopped with an error; not started: Ctrl-C came first. */
  readonly state: 'done' | 'error' | 'not started';
  readonly exitCode: number;
  readonly durationMs: number;
  readonly result?: R;
  readonly error?: { readonly code: string; readonly message: string; readonly actions: readonly string[] };
}

export interface FleetRun<R extends FleetTaskResult> {
  readonly orgs: readonly FleetOrgOutcome<R>[];
  readonly concurrency: number;
  /** True when Ctrl-C stopped the run from starting more orgs. */
  readonly interrupted: boolean;
  readonly exitCode: number;
}

/** The run's exit code from its orgs' codes. */
export function fleetExitCode(codes: readonly number[]): number {
  if (codes.some((code) => code !== EXIT_CODES.ok && code !== EXIT_CODES.partialSuccess && code !== EXIT_CODES.stillRunning))
    return EXIT_CODES.failure;
  if (codes.includes(EXIT_CODES.partialSuccess)) return EXIT_CODES.partialSuccess;
  if (codes.includes(EXIT_CODES.stillRunning)) return EXIT_CODES.stillRunning;
  return EXIT_CODES.ok;
}

/** Runs `task` for each org, at most `concurrency` at once; an org's error is its outcome, not the run's. */
export async function runFleet<R extends FleetTaskResult>(
  orgs: readonly FleetOrg[],
  concurrency: number,
  task: (org: FleetOrg) => Promise<R>,
  stopped: () => boolean = () => false,
): Promise<FleetRun<R>> {
  const durations = new Map<string, number>();
  const outcomes = await runBounded(
    orgs,
    concurrency,
    async (org) => {
      const start = process.hrtime.bigint();
      try {
        return await task(org);
      } finally {
        durations.set(org.alias, Number(process.hrtime.bigint() - start) / 1e6);
      }
    },
    stopped,
  );
  const results: FleetOrgOutcome<R>[] = orgs.map((org, index) => {
    const outcome = outcomes[index];
    const base = { alias: org.alias, environment: org.env, durationMs: Math.round(durations.get(org.alias) ?? 0) };
    if (outcome.status === 'fulfilled') return { ...base, state: 'done', exitCode: outcome.value.exitCode, result: outcome.value };
    if (outcome.status === 'not started') return { ...base, state: 'not started', exitCode: EXIT_CODES.failure };
    const error: unknown = outcome.reason;
    if (isAppError(error))
      return {
        ...base,
        state: 'error',
        exitCode: error.exitCode,
        error: { code: error.code, message: error.message, actions: error.actions },
      };
    // A bug, not the org's problem: recorded for this org, so the others' results still print.
    const message = `${String((error as Error)?.message ?? error).split('\n')[0]} (a bug in connected-app)`;
    return { ...base, state: 'error', exitCode: EXIT_CODES.internal, error: { code: 'InternalError', message, actions: [] } };
  });
  return {
    orgs: results,
    concurrency,
    interrupted: results.some((org) => org.state === 'not started'),
    exitCode: fleetExitCode(results.map((org) => org.exitCode)),
  };
}
