/**
 * `connected-app deploy`: ships exactly the generated files of one app and environment with
 * the project's own `sf project deploy start`, after checking that they are in sync with
 * their template, that the org is authorized and speaks their API version. Returns a typed
 * result; failures of the deploy itself are part of the result, with sf's exit code.
 */
import { AppError, UsageError } from '../errors';
import { DEFAULT_WAIT_MINUTES } from './defaults';
import { CREATION_BLOCKED, externalClientAppAdvice, generateCommandLine } from '../messages';
import type { AppKind } from '../model/appKind';
import { formatApiVersion, parseApiVersion } from '../model/apiVersion';
import { readSettings } from '../project/settings';
import { readSfdxProject } from '../project/sfdxProject';
import { type DeployedComponent, type DeployOutcome, readDeployRun } from '../sf/deployResult';
import { isEcaPoliciesType } from '../model/externalClientAppParts';
import { METADATA_TYPES } from '../model/registry';
import { runSf, sfBinary } from '../sf/runSf';
import { type TargetOrg, resolveTargetOrg } from '../sf/targetOrg';
import { chosenTemplate } from '../project/layout';
import { compareWithDisk } from './generate';
import type { GeneratedTarget } from './writeTargets';

export interface DeployOptions {
  readonly cwd: string;
  readonly targetOrg?: string;
  readonly app?: string;
  readonly env?: string;
  readonly kind?: AppKind;
  /** Validate in the org without saving (sf's --dry-run, the Metadata API's checkOnly). */
  readonly dryRun?: boolean;
  /** Minutes sf waits for the deploy to finish (`--wait`). */
  readonly wait?: number;
}

/** A refusal that says the policies' app is missing (it is being created in the same deploy). */
const APP_MISSING = /INVALID_CROSS_REFERENCE_KEY|does ?n[o']t exist|not found|no such/i;

export interface DeployResult extends Omit<DeployOutcome, 'exitCode'> {
  readonly app: string;
  readonly environment: string;
  readonly kind: AppKind;
  readonly apiName: string;
  readonly targetOrg: { readonly name: string; readonly username: string };
  readonly dryRun: boolean;
  /** The files sent, project-relative. */
  readonly files: readonly string[];
  /** 2 when the External Client App had to be deployed before its policies. */
  readonly phases: 1 | 2;
  readonly exitCode: number;
  readonly warnings: readonly string[];
}

/** The one rendering the deploy ships, checked to be in sync with its template. */
function syncedTarget(options: DeployOptions, app: string): GeneratedTarget {
  // The comparison of `generate --check` without its scan of the whole project for secrets: the
  // files sent are exactly what the template renders, and a rendering holds no secret.
  const targets = compareWithDisk({ cwd: options.cwd, app, env: options.env, kind: options.kind });
  if (targets.length !== 1) {
    const renderings = targets.map((target) => `${target.environment} ${target.kind}`).join(', ');
    throw new UsageError(`${app} is rendered several times (${renderings}); choose one with --env and --kind`);
  }
  const [target] = targets;
  const drifted = target.files.find((file) => file.state !== 'unchanged');
  if (drifted) {
    const what = drifted.state === 'missing' ? 'does not exist' : `differs from what templates/${app}.ts generates`;
    throw new AppError('OutOfSync', `${drifted.path} ${what}; deploy sends only files in sync with their template`, [
      `Run npm run generate -- --app ${app} --env ${target.environment} --kind ${target.kind}, review the diff and commit it; then deploy again.`,
    ]);
  }
  return target;
}

function checkApiVersion(org: TargetOrg, target: GeneratedTarget, warnings: string[]): void {
  const fileVersion = parseApiVersion(target.apiVersion) as number;
  if (org.apiVersion === undefined) {
    warnings.push(`could not tell which API version the org '${org.name}' speaks; deploying files written for API ${target.apiVersion}`);
    return;
  }
  if (org.apiVersion < fileVersion) {
    const orgVersion = formatApiVersion(org.apiVersion);
    throw new AppError(
      'ApiVersionTooNew',
      `the org '${org.name}' speaks Metadata API ${orgVersion} at most; the files are written for ${target.apiVersion}`,
      [`Set sourceApiVersion to "${orgVersion}" in sfdx-project.json, run npm run generate and commit the result; then deploy.`],
    );
  }
}

const CREATION_ADVICE = `${CREATION_BLOCKED}; ${externalClientAppAdvice(generateCommandLine(['--kind', 'external-client-app']))}.`;

/**
 * A connected app's failure no known problem explains: if the app is new to the org, the
 * Spring '26 creation block is the likely cause (Salesforce does not publish the refusal's
 * text, so any failed creation may be it). A created app and a known refusal are told apart by
 * the deploy's own result and the error catalog; the org is not asked anything else.
 */
function withCreationHint(component: DeployedComponent): DeployedComponent {
  if (component.type !== 'ConnectedApp' || component.state !== 'Failed' || component.action) return component;
  return {
    ...component,
    problemCode: 'PossiblyCreationBlocked',
    action: `If the app does not exist in the org yet: ${CREATION_ADVICE}`,
  };
}

interface DeployRun {
  readonly sf: string;
  readonly root: string;
  readonly org: TargetOrg;
  readonly wait: number;
  readonly dryRun: boolean;
}

/** Runs `sf project deploy start` on `files`. */
async function deployFiles(run: DeployRun, files: readonly string[]): Promise<DeployOutcome> {
  const args = [
    'project',
    'deploy',
    'start',
    ...files.flatMap((file) => ['--source-dir', file]),
    '--target-org',
    run.org.name,
    '--wait',
    String(run.wait),
  ];
  return readDeployRun(await runSf(run.sf, run.dryRun ? [...args, '--dry-run'] : args, run.root), run.root);
}

/** True when only the policies failed, because their app did not exist yet. */
function policiesNeededTheApp(outcome: DeployOutcome): boolean {
  const failed = outcome.components.filter((component) => component.state === 'Failed');
  return (
    outcome.status === 'Failed' &&
    failed.length > 0 &&
    failed.every((component) => isEcaPoliciesType(component.type) && APP_MISSING.test(component.problem ?? ''))
  );
}

/**
 * Deploys an External Client App in two phases, the app and its settings first, then its
 * policies, for an org that refuses both in one deploy. (One deploy is what Salesforce
 * documents — Salesforce Help, "Deploy an External Client App with a New Global OAuth Settings
 * File" — and what works in practice, so this is the fallback.)
 */
async function deployInTwoPhases(run: DeployRun, files: readonly string[], types: ReadonlyMap<string, string>): Promise<DeployOutcome> {
  const isPolicy = (file: string) => isEcaPoliciesType(types.get(file) ?? '');
  const first = await deployFiles(
    run,
    files.filter((file) => !isPolicy(file)),
  );
  if (first.status !== 'Succeeded') return first;
  const second = await deployFiles(run, files.filter(isPolicy));
  return { ...second, components: [...first.components, ...second.components] };
}

/** A rendering checked and ready to deploy: what {@link deployTo} sends to an org. */
export interface PreparedDeploy {
  readonly app: string;
  readonly target: GeneratedTarget;
  readonly root: string;
  readonly sf: string;
}

/** How a prepared rendering is sent. */
export interface SendOptions {
  /** Validate in the org without saving (sf's --dry-run, the Metadata API's checkOnly). */
  readonly dryRun?: boolean;
  /** Minutes sf waits for the deploy to finish (`--wait`). */
  readonly wait?: number;
}

/** Refuses a `--wait` sf would not take. */
export function checkWait(wait: number | undefined): number {
  const minutes = wait ?? DEFAULT_WAIT_MINUTES;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
    throw new UsageError('--wait must be a whole number of minutes from 1 to 1440');
  return minutes;
}

/** Checks what a deploy of one app and environment would send: the project, the template, the files in sync. */
export function prepareDeploy(options: Omit<DeployOptions, 'targetOrg' | 'dryRun' | 'wait'>): PreparedDeploy {
  const project = readSfdxProject(options.cwd);
  const app = chosenTemplate(options.app, readSettings(project.root));
  const target = syncedTarget(options, app);
  return { app, target, root: project.root, sf: sfBinary(project.root) };
}

/** Deploys a prepared rendering to the org named `targetOrg` (alias or username; default: sf's target org). */
export async function deployTo(prepared: PreparedDeploy, targetOrg: string | undefined, options: SendOptions): Promise<DeployResult> {
  const { app, target, root, sf } = prepared;
  const wait = checkWait(options.wait);
  const org = await resolveTargetOrg(targetOrg, root, sf);
  const warnings: string[] = [];
  checkApiVersion(org, target, warnings);

  const files = target.files.map((file) => file.path);
  const run: DeployRun = { sf, root, org, wait, dryRun: options.dryRun === true };
  let outcome = await deployFiles(run, files);
  let phases: 1 | 2 = 1;
  // Only a rendering that holds the app itself can deploy it before its policies (a policies-only
  // rendering's app is a package's, installed or not).
  const holdsTheApp = target.files.some((file) => file.type === METADATA_TYPES.ExternalClientApplication.name);
  if (target.kind === 'external-client-app' && holdsTheApp && !run.dryRun && policiesNeededTheApp(outcome)) {
    warnings.push(
      `the org refused ${target.apiName}'s policies in the same deploy as the new app; deploying the app first, then its policies`,
    );
    outcome = await deployInTwoPhases(run, files, new Map(target.files.map((file) => [file.path, file.type])));
    phases = 2;
    const policiesFailed =
      outcome.status !== 'Succeeded' &&
      outcome.components.some((component) => isEcaPoliciesType(component.type) && component.state === 'Failed');
    const appDeployed = outcome.components.some(
      (component) => component.type === 'ExternalClientApplication' && component.state !== 'Failed',
    );
    if (policiesFailed && appDeployed) {
      warnings.push(
        `${target.apiName} is deployed but its OAuth policies are not: until they are, the org applies Salesforce's defaults (a refresh token valid 365 days, not the template's policy)`,
      );
    }
  }
  // Whether the app is new to the org comes from the deploy's own result: created, not changed.
  const created = outcome.components.some((component) => component.type === 'ConnectedApp' && component.state === 'Created');
  if (created) warnings.push(`${target.apiName} did not exist in the org '${org.name}': ${CREATION_ADVICE}`);

  return {
    app,
    environment: target.environment,
    kind: target.kind,
    apiName: target.apiName,
    targetOrg: { name: org.name, username: org.username },
    dryRun: run.dryRun,
    files,
    phases,
    status: outcome.status,
    deployId: outcome.deployId,
    components: outcome.components.map(withCreationHint),
    error: outcome.error,
    exitCode: outcome.exitCode,
    warnings,
  };
}

/** Deploys the generated files of one app and environment to the target org. */
export async function deploy(options: DeployOptions): Promise<DeployResult> {
  checkWait(options.wait);
  return deployTo(prepareDeploy(options), options.targetOrg, options);
}
