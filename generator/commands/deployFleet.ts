/**
 * `connected-app deploy --all` (or `--orgs a,b`, `--rerun-failed`): deploys each mapped org its
 * environment's renderings through the fleet runner — at most `--concurrency` orgs at once, past
 * failures — and records the run for `--rerun-failed`. Each rendering is checked once and sent
 * with the single-org deploy, so an org gets exactly what `deploy --target-org` would send it.
 */
import { type OrgRendering, orgRenderings } from '../project/orgMap';
import { readSettings } from '../project/settings';
import { readSfdxProject } from '../project/sfdxProject';
import { writeFleetRecord } from '../fleet/fleetRecord';
import { type FleetRun, fleetExitCode, runFleet } from '../fleet/runFleet';
import { type FleetSelection, checkConcurrency, selectOrgs } from '../fleet/selectOrgs';
import { type DeployResult, type PreparedDeploy, type SendOptions, checkWait, deployTo, prepareDeploy } from './deploy';

interface DeployFleetOptions extends FleetSelection, SendOptions {
  readonly cwd: string;
  /** Polled before each org starts: true once the user pressed Ctrl-C. */
  readonly stopped?: () => boolean;
}

/** One org's deploys: one per template it gets (usually one). */
interface OrgDeploys {
  readonly deploys: readonly DeployResult[];
  readonly exitCode: number;
}

export interface DeployFleetResult extends FleetRun<OrgDeploys> {
  readonly dryRun: boolean;
  readonly warnings: readonly string[];
}

/** Deploys every selected org; never throws for one org's problem. */
export async function deployFleet(options: DeployFleetOptions): Promise<DeployFleetResult> {
  const wait = checkWait(options.wait);
  const concurrency = checkConcurrency(options.concurrency);
  const project = readSfdxProject(options.cwd);
  const settings = readSettings(project.root);
  // A validation (--dry-run) keeps its own record: retrying its failures is not a deploy's business.
  const command = options.dryRun ? 'deploy-dry-run' : 'deploy';
  const orgs = selectOrgs(project.root, settings, command, options);
  const warnings: string[] = [];
  if (options.rerunFailed && orgs.length === 0) warnings.push(`every org succeeded in the last ${command} run: nothing to retry`);

  // Each rendering is checked against its template once, however many orgs get it.
  const prepared = new Map<string, PreparedDeploy>();
  const prepare = (rendering: OrgRendering): PreparedDeploy => {
    const key = `${rendering.app}\u0000${rendering.env}\u0000${rendering.kind}`;
    let ready = prepared.get(key);
    if (!ready) {
      ready = prepareDeploy({ cwd: project.root, app: rendering.app, env: rendering.env, kind: rendering.kind });
      prepared.set(key, ready);
    }
    return ready;
  };

  const run = await runFleet(
    orgs,
    concurrency,
    async (org) => {
      const renderings = orgRenderings(settings, org.alias);
      const deploys: DeployResult[] = [];
      for (const rendering of renderings) {
        deploys.push(await deployTo(prepare(rendering), org.alias, { dryRun: options.dryRun, wait }));
      }
      return { deploys, exitCode: fleetExitCode(deploys.map((deploy) => deploy.exitCode)) };
    },
    options.stopped,
  );
  writeFleetRecord(
    project.root,
    command,
    run.orgs.map((org) => ({
      alias: org.alias,
      environment: org.environment,
      exitCode: org.exitCode,
      deployIds: (org.result?.deploys ?? []).flatMap((deploy) => (deploy.deployId ? [deploy.deployId] : [])),
    })),
  );
  return { ...run, dryRun: options.dryRun === true, warnings };
}
