/**
 * `connected-app diff --all` (or `--orgs a,b`, `--rerun-failed`): the drift of each mapped org
 * through the fleet runner — at most `--concurrency` orgs at once, past failures. Each org is
 * compared, by the single-org diff, with the renderings the org map gives it; the run is recorded
 * for `--rerun-failed`. It changes nothing in the project or in any org.
 */
import { writeFleetRecord } from '../fleet/fleetRecord';
import { type FleetRun, fleetExitCode, runFleet } from '../fleet/runFleet';
import { type FleetSelection, checkConcurrency, selectOrgs } from '../fleet/selectOrgs';
import { orgRenderings } from '../project/orgMap';
import { readSettings } from '../project/settings';
import { readSfdxProject } from '../project/sfdxProject';
import { type DiffResult, diffOrg } from './diffOrg';

interface DiffFleetOptions extends FleetSelection {
  readonly cwd: string;
  /** Add the XML diff of each app that differs. */
  readonly verbose?: boolean;
  /** Polled before each org starts: true once the user pressed Ctrl-C. */
  readonly stopped?: () => boolean;
}

/** One org's comparisons: one per template it gets (usually one). */
interface OrgDiffs {
  readonly diffs: readonly DiffResult[];
  readonly exitCode: number;
}

export interface DiffFleetResult extends FleetRun<OrgDiffs> {
  readonly warnings: readonly string[];
}

/** Compares every selected org; never throws for one org's problem. */
export async function diffFleet(options: DiffFleetOptions): Promise<DiffFleetResult> {
  const concurrency = checkConcurrency(options.concurrency);
  const project = readSfdxProject(options.cwd);
  const settings = readSettings(project.root);
  const orgs = selectOrgs(project.root, settings, 'diff', options);
  const warnings: string[] = [];
  if (options.rerunFailed && orgs.length === 0) warnings.push('every org was in sync in the last diff run: nothing to compare again');
  const run = await runFleet(
    orgs,
    concurrency,
    async (org) => {
      const diffs: DiffResult[] = [];
      for (const rendering of orgRenderings(settings, org.alias)) {
        diffs.push(
          await diffOrg({
            cwd: project.root,
            targetOrg: org.alias,
            app: rendering.app,
            env: rendering.env,
            kind: rendering.kind,
            verbose: options.verbose,
          }),
        );
      }
      return { diffs, exitCode: fleetExitCode(diffs.map((diff) => diff.exitCode)) };
    },
    options.stopped,
  );
  writeFleetRecord(
    project.root,
    'diff',
    run.orgs.map((org) => ({ alias: org.alias, environment: org.environment, exitCode: org.exitCode, deployIds: [] })),
  );
  return { ...run, warnings };
}
