import { APP_KINDS, type AppKind } from '../model/appKind';
import { printJsonResult } from '../output';
import { fleetFlagSpecs, fleetSelection, stoppableOnInterrupt } from './fleetFlags';
import { onDemand } from './onDemand';
import { type CommandSpec, TARGET_ORG_FLAG, booleanFlag, textFlag } from './spec';

export const diffCommand: CommandSpec = {
  usage: 'diff',
  describe: "Compare an org's apps with what the project renders for it, setting by setting, in Setup's words (changes nothing).",
  flags: {
    'target-org': TARGET_ORG_FLAG,
    app: { type: 'string', describe: 'The template, templates/NAME.ts. Default: every template connected-app.json records.' },
    env: { type: 'string', describe: 'The environment the org holds (may be left out when a template records only one).' },
    kind: { choices: APP_KINDS, describe: 'Which rendering to compare: connected-app or external-client-app.' },
    verbose: { type: 'boolean', describe: 'Add the XML diff of each app that differs.' },
    ...fleetFlagSpecs('Compare'),
  },
  examples: [
    ['$0 diff --target-org acme-prod --env prod', 'Exit 0 when the org holds what the production files say, 1 with each difference.'],
    ['$0 diff -o acme-uat --app acme-sync --env sandbox --json', 'The differences of one app as JSON.'],
    ['$0 diff --all', 'Compare every org of the org map with what the project renders for it.'],
  ],
  async run(flags, { cwd, streams, json }) {
    const selection = fleetSelection(flags, ['target-org', 'app', 'env', 'kind']);
    if (selection) {
      const result = await stoppableOnInterrupt(streams, (stopped) =>
        onDemand().diffFleet({ cwd, ...selection, verbose: booleanFlag(flags, 'verbose'), stopped }),
      );
      if (json) printJsonResult(result, result.exitCode, streams);
      else onDemand().printDiffFleetResult(result, streams);
      return result.exitCode;
    }
    const result = await onDemand().diffOrg({
      cwd,
      targetOrg: textFlag(flags, 'target-org'),
      app: textFlag(flags, 'app'),
      env: textFlag(flags, 'env'),
      kind: textFlag(flags, 'kind') as AppKind | undefined,
      verbose: booleanFlag(flags, 'verbose'),
    });
    if (json) printJsonResult(result, result.exitCode, streams);
    else onDemand().printDiffResult(result, streams);
    return result.exitCode;
  },
};
