import { DEFAULT_WAIT_MINUTES } from '../commands/defaults';
import { APP_KINDS, type AppKind } from '../model/appKind';
import { printDeployResult, printFleetResult, printJsonResult } from '../output';
import { fleetFlagSpecs, fleetSelection, stoppableOnInterrupt } from './fleetFlags';
import { onDemand } from './onDemand';
import { type CommandSpec, TARGET_ORG_FLAG, booleanFlag, textFlag } from './spec';

const ONE_ORG_FLAGS = ['target-org', 'env', 'app', 'kind'];

export const deployCommand: CommandSpec = {
  usage: 'deploy',
  describe: "Deploy an app's generated files to an org with the project's sf (sf project deploy start).",
  flags: {
    'target-org': TARGET_ORG_FLAG,
    env: { type: 'string', describe: "The template's environment whose files to deploy (may be left out when only one is recorded)." },
    app: { type: 'string', describe: 'The template, templates/NAME.ts.' },
    kind: { choices: APP_KINDS, describe: 'Which rendering to deploy: connected-app or external-client-app.' },
    'dry-run': { type: 'boolean', describe: 'Validate in the org without saving (checkOnly).' },
    wait: { type: 'number', describe: `Minutes to wait for the deploy to finish (1 to 1440). Default: ${DEFAULT_WAIT_MINUTES}.` },
    ...fleetFlagSpecs('Deploy'),
  },
  examples: [
    ['$0 deploy --target-org acme-prod --env prod --dry-run', 'Validate the production files in the org without saving anything.'],
    ['$0 deploy --target-org acme-prod --env prod', 'Deploy the production files.'],
    ['$0 deploy -o acme-uat --env sandbox --kind external-client-app', 'Deploy the sandbox External Client App set to a sandbox.'],
    ['$0 deploy --all --concurrency 3', 'Deploy every org of the org map, three at a time.'],
    ['$0 deploy --rerun-failed', 'Deploy again the orgs that failed last time.'],
  ],
  async run(flags, { cwd, streams, json }) {
    const selection = fleetSelection(flags, ONE_ORG_FLAGS);
    if (selection) {
      const result = await stoppableOnInterrupt(streams, (stopped) =>
        onDemand().deployFleet({
          cwd,
          ...selection,
          dryRun: booleanFlag(flags, 'dry-run'),
          wait: typeof flags.wait === 'number' ? flags.wait : undefined,
          stopped,
        }),
      );
      if (json) printJsonResult(result, result.exitCode, streams);
      else printFleetResult(result, streams);
      return result.exitCode;
    }
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
