/**
 * The flags a command that serves the org map shares (`deploy`, `diff`): which orgs (`--all`,
 * `--orgs a,b`, `--rerun-failed`), how many at once (`--concurrency`), and Ctrl-C, which stops
 * new orgs from starting while the ones in flight finish.
 */
import { DEFAULT_CONCURRENCY } from '../commands/defaults';
import { UsageError } from '../errors';
import type { FleetSelection } from '../fleet/selectOrgs';
import type { Streams } from '../output';
import { booleanFlag, textFlag } from './spec';

/** The yargs specs of the fleet flags; `verb` says what is done to each org ("Deploy", "Compare"). */
export function fleetFlagSpecs(verb: string) {
  return {
    all: { type: 'boolean', describe: `${verb} every org of the org map (connected-app orgs).` },
    orgs: { type: 'string', describe: `${verb} these orgs of the org map, comma-separated: --orgs acme-prod,acme-uat.` },
    'rerun-failed': { type: 'boolean', describe: `${verb} again only the orgs that did not succeed in the last --all/--orgs run.` },
    concurrency: {
      type: 'number',
      describe: `With --all, --orgs or --rerun-failed: orgs served at once (1 to 64). Default: ${DEFAULT_CONCURRENCY}.`,
    },
  } as const;
}

/** The fleet selection of the flags, or undefined for a one-org run. */
export function fleetSelection(flags: Readonly<Record<string, unknown>>, oneOrgFlags: readonly string[]): FleetSelection | undefined {
  const selection: FleetSelection = {
    all: booleanFlag(flags, 'all'),
    orgs: (textFlag(flags, 'orgs') ?? '')
      .split(',')
      .map((alias) => alias.trim())
      .filter((alias) => alias !== ''),
    rerunFailed: booleanFlag(flags, 'rerun-failed'),
    concurrency: typeof flags.concurrency === 'number' ? flags.concurrency : undefined,
  };
  if (!selection.all && (selection.orgs ?? []).length === 0 && !selection.rerunFailed) {
    if (selection.concurrency !== undefined) throw new UsageError('--concurrency goes with --all, --orgs or --rerun-failed');
    return undefined;
  }
  const given = oneOrgFlags.filter((flag) => flags[flag] !== undefined);
  if (given.length > 0) {
    throw new UsageError(
      `--${given[0]} is for one org; the org map in connected-app.json says what each org of --all, --orgs or --rerun-failed gets`,
      ['Change the map with connected-app orgs add <alias> --env <env> [--kind …] [--app …].'],
    );
  }
  return selection;
}

/**
 * Ctrl-C during a fleet run: no new org starts, the ones running finish (their sf receives the
 * signal too, when run from a terminal) and the run reports what ran. A second Ctrl-C quits at once.
 */
export async function stoppableOnInterrupt<R>(streams: Streams, run: (stopped: () => boolean) => Promise<R>): Promise<R> {
  let stopped = false;
  const onSignal = () => {
    if (stopped) process.exit(130);
    stopped = true;
    streams.stderr('Stopping: no further org starts; waiting for the orgs in flight (Ctrl-C again quits at once).\n');
  };
  process.on('SIGINT', onSignal);
  try {
    return await run(() => stopped);
  } finally {
    process.off('SIGINT', onSignal);
  }
}
