import { DEFAULT_CONCURRENCY, DEFAULT_WAIT_MINUTES } from '../commands/defaults';
import { UsageError } from '../errors';
import { APP_KINDS, type AppKind } from '../model/appKind';
import { type Streams, printDeployResult, printFleetResult, printJsonResult } from '../output';
import type { FleetSelection } from '../fleet/selectOrgs';
import { onDemand } from './onDemand';
import { type CommandSpec, booleanFlag, textFlag } from './spec';

const ONE_ORG_FLAGS = ['target-org', 'env', 'app', 'kind'];

/**
 * Ctrl-C during a fleet run: no new org starts, the ones running finish (their sf receives the
 * signal too, when run from a terminal) and the run reports what ran. A second Ctrl-C quits at once.
 */
function stopOnInterrupt(streams: Streams): { stopped: () => boolean; release: () => void } {
  let stopped = false;
  const onSignal = () => {
    if (stopped) process.exit(130);
    stopped = true;
    streams.stderr('Stopping: no further org starts; waiting for the deploys in flight (Ctrl-C again quits at once).\n');
  };
  process.on('SIGINT', onSignal);
  return { stopped: () => stopped, release: () => process.off('SIGINT', onSignal) };
}

async function runFleetDeploy(
  flags: Readonly<Record<string, unknown>>,
  selection: FleetSelection,
  cwd: string,
  streams: Streams,
  json: boolean,
): Promise<number> {
  const given = ONE_ORG_FLAGS.filter((flag) => flags[flag] !== undefined);
  if (given.length > 0) {
    throw new UsageError(
      `--${given[0]} is for one org; the org map in connected-app.json says what each org of --all, --orgs or --rerun-failed gets`,
      ['Change the map with connected-app orgs add <alias> --env <env> [--kind …] [--app …].'],
    );
  }
  const interrupt = stopOnInterrupt(streams);
  try {
    const result = await onDemand().deployFleet({
      cwd,
      ...selection,
      dryRun: booleanFlag(flags, 'dry-run'),
      wait: typeof flags.wait === 'number' ? flags.wait : undefined,
      stopped: interrupt.stopped,
    });
    if (json) printJsonResult(result, result.exitCode, streams);
    else printFleetResult(result, streams);
    return result.exitCode;
  } finally {
    interrupt.release();
  }
}

export const deployCommand: CommandSpec = {
  usage: 'deploy',
  describe: "Deploy an app's generated files to an org with the project's sf (sf project deploy start).",
  flags: {
    'target-org': {
      alias: 'o',
      type: 'string',
      describe: "The org: an alias or username sf knows. Default: SF_TARGET_ORG, then sf's target-org config.",
    },
    env: { type: 'string', describe: "The template's environment whose files to deploy (may be left out when only one is recorded)." },
    app: { type: 'string', describe: 'The template, templates/NAME.ts.' },
    kind: { choices: APP_KINDS, describe: 'Which rendering to deploy: connected-app or external-client-app.' },
    'dry-run': { type: 'boolean', describe: 'Validate in the org without saving (checkOnly).' },
    wait: { type: 'number', describe: `Minutes to wait for the deploy to finish (1 to 1440). Default: ${DEFAULT_WAIT_MINUTES}.` },
    all: { type: 'boolean', describe: 'Deploy every org of the org map (connected-app orgs) its environment’s files.' },
    orgs: { type: 'string', describe: 'Deploy these orgs of the org map, comma-separated: --orgs acme-prod,acme-uat.' },
    'rerun-failed': { type: 'boolean', describe: 'Deploy again only the orgs that did not succeed in the last --all/--orgs run.' },
    concurrency: {
      type: 'number',
      describe: `With --all, --orgs or --rerun-failed: orgs deployed at once (1 to 64). Default: ${DEFAULT_CONCURRENCY}.`,
    },
  },
  examples: [
    ['$0 deploy --target-org acme-prod --env prod --dry-run', 'Validate the production files in the org without saving anything.'],
    ['$0 deploy --target-org acme-prod --env prod', 'Deploy the production files.'],
    ['$0 deploy -o acme-uat --env sandbox --kind external-client-app', 'Deploy the sandbox External Client App set to a sandbox.'],
    ['$0 deploy --all --concurrency 3', 'Deploy every org of the org map, three at a time.'],
    ['$0 deploy --rerun-failed', 'Deploy again the orgs that failed last time.'],
  ],
  async run(flags, { cwd, streams, json }) {
    const selection: FleetSelection = {
      all: booleanFlag(flags, 'all'),
      orgs: (textFlag(flags, 'orgs') ?? '')
        .split(',')
        .map((alias) => alias.trim())
        .filter((alias) => alias !== ''),
      rerunFailed: booleanFlag(flags, 'rerun-failed'),
      concurrency: typeof flags.concurrency === 'number' ? flags.concurrency : undefined,
    };
    if (selection.all || (selection.orgs ?? []).length > 0 || selection.rerunFailed)
      return runFleetDeploy(flags, selection, cwd, streams, json);
    if (selection.concurrency !== undefined) throw new UsageError('--concurrency goes with --all, --orgs or --rerun-failed');
    const result = await onDemand().deploy({
      cwd,
      targetOrg: textFlag(flags, 'target-org'),
      app: textFlag(flags, 'app'),
      env: textFlag(flags, 'env'),
      kind: textFlag(flags, 'kind') as AppKind | undefined,
      dryRun: booleanFlag(flags, 'dry-run'),
      wait: typeof flags.wait === 'number' ? flags.wait : undefined,
    });
    if (json) printJsonResult(result, result.exitCode, streams);
    else printDeployResult(result, streams);
    return result.exitCode;
  },
};
