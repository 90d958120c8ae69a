/**
 * What the CLI prints: human text (results on stdout, warnings and errors on stderr), or
 * with `--json` one JSON document on stdout in the Salesforce CLI's envelope
 * (`{ status, result, warnings }` on success, `{ status, name, message, … }` on error).
 * Every text goes out through {@link safeStreams}: secrets masked, control characters escaped.
 */
import { writeSync } from 'node:fs';
import { EXIT_CODES, exitCodeOf, isAppError } from './errors';
import { redactSecrets } from './secrets/redact';
import type { DeployResult } from './commands/deploy';
import type { DeployFleetResult } from './commands/deployFleet';
import type { GenerateResult } from './commands/generate';
import type { CheckSecretsResult } from './commands/checkSecrets';
import type { ForgetResult } from './commands/forget';
import type { ImportResult } from './commands/import';
import type { ListResult } from './commands/list';
import type { NewTemplateResult } from './commands/newTemplate';
import type { OrgsResult } from './commands/orgs';
import type { DeployedComponent } from './sf/deployResult';

/** Where output goes; tests pass their own. */
export interface Streams {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Descriptors whose reader has gone (EPIPE: `connected-app … | head`): further output is dropped quietly. */
const closed = new Set<number>();

/**
 * Writes all of `text` to a file descriptor synchronously. Writing to the descriptors rather
 * than process.stdout/stderr spares loading Node's stream machinery on every run, and output
 * is complete before the process exits.
 */
function writeAll(fd: number, text: string): void {
  if (closed.has(fd)) return;
  const bytes = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < bytes.length;) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        closed.add(fd);
        return;
      }
      if (code !== 'EAGAIN') throw error;
    }
  }
}

export const processStreams: Streams = {
  stdout: (text) => writeAll(1, text),
  stderr: (text) => writeAll(2, text),
};

/**
 * Characters a terminal acts on rather than shows: C0 and C1 controls (ESC starts escape
 * sequences; CR overwrites the line), DEL, line and paragraph separators and the bidirectional
 * overrides that reorder what is shown. Tab and line feed are the only ones printed as they are.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** `text` as it may reach a terminal: every control character written as a `\uXXXX` escape. */
function escapeTerminal(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The streams every command prints to: each text redacted of secrets, then escaped for the terminal. */
export function safeStreams(streams: Streams): Streams {
  return {
    stdout: (text) => streams.stdout(escapeTerminal(redactSecrets(text))),
    stderr: (text) => streams.stderr(escapeTerminal(redactSecrets(text))),
  };
}

export function printWarnings(warnings: readonly string[], streams: Streams): void {
  for (const warning of warnings) streams.stderr(`Warning: ${warning}\n`);
}

/** Prints a command's result; `exitCode` is the status the JSON envelope reports. */
export function printJsonResult(result: { warnings: readonly string[] }, exitCode: number, streams: Streams): void {
  const { warnings, ...rest } = result;
  streams.stdout(`${JSON.stringify({ status: exitCode, result: rest, warnings }, null, 2)}\n`);
}

/** The human report of `generate`: one line per file, diffs on drift, then warnings. */
export function printGenerateResult(result: GenerateResult, fixCommand: string, streams: Streams): void {
  const lines: string[] = [];
  for (const target of result.targets) {
    const kind = target.kind === 'external-client-app' ? 'External Client App' : 'ConnectedApp';
    const reason = target.reason ? ` (rendered again: the ${target.reason})` : '';
    lines.push(`${target.app} (${target.environment}) → ${kind} ${target.apiName}, API ${target.apiVersion}${reason}\n`);
    for (const file of target.files) lines.push(`  ${file.state.padEnd(9)} ${file.path}\n`);
  }
  streams.stdout(lines.join(''));
  if (result.secrets) printSecretFindings(result.secrets, streams);
  if (result.check) {
    const drifted = result.targets.flatMap((target) => target.files).filter((file) => file.state !== 'unchanged');
    for (const file of drifted) streams.stdout(`\n${file.diff ?? ''}`);
    if (drifted.length === 0) streams.stdout('In sync: every generated file matches its template.\n');
    else {
      const count = drifted.length === 1 ? '1 file differs' : `${drifted.length} files differ`;
      streams.stderr(`Drift: ${count} from what the templates generate. Run \`${fixCommand}\`, review the diff and commit it.\n`);
    }
  }
  printWarnings(result.warnings, streams);
}

/** Prints an error: one line (plus one line per problem and per action), never a stack trace unless `debug`. */
export function printError(error: unknown, json: boolean, debug: boolean, streams: Streams): number {
  const known = isAppError(error);
  const exitCode = exitCodeOf(error);
  const name = known ? error.code : 'InternalError';
  const unexpected = String((error as Error)?.message ?? error).split('\n')[0];
  const message = known ? error.message : `${unexpected} (a bug in connected-app; re-run with --debug for details)`;
  const actions = known ? error.actions : ['Re-run with --debug and report the output.'];
  const problems = known ? error.problems : [];
  if (json) {
    const document = { status: exitCode, name, message, exitCode, actions, problems, warnings: [] };
    streams.stdout(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    streams.stderr(`Error (${name}): ${message}\n`);
    for (const problem of problems) streams.stderr(`  ${problem.field}: ${problem.message}\n`);
    if (actions.length > 0) streams.stderr(`Try this:\n${actions.map((action) => `  ${action}\n`).join('')}`);
  }
  if (debug && error instanceof Error && error.stack) streams.stderr(`${error.stack}\n`);
  return exitCode;
}

export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map(
      (row) =>
        `  ${row
          .map((cell, column) => cell.padEnd(widths[column]))
          .join('  ')
          .trimEnd()}\n`,
    )
    .join('');
}

function describeFailure(component: DeployedComponent): string {
  const where = component.filePath
    ? `, ${component.filePath}${component.line ? `:${component.line}${component.column ? `:${component.column}` : ''}` : ''}`
    : '';
  const lines = [`  ${component.type} ${component.fullName}${where}`, `    Salesforce: ${component.problem ?? '(no problem text)'}`];
  if (component.action) lines.push(`    Action (${component.problemCode}): ${component.action}`);
  return `${lines.join('\n')}\n`;
}

/** The human report of `deploy`: the components, each failure with Salesforce's text and an action. */
export function printDeployResult(result: DeployResult, streams: Streams): void {
  const what = `${result.app} (${result.environment}) to ${result.targetOrg.name}${result.targetOrg.name === result.targetOrg.username ? '' : ` (${result.targetOrg.username})`}`;
  const id = result.deployId ? ` (deploy ${result.deployId})` : '';
  const deployed = result.components.filter((component) => component.state !== 'Failed');
  const failed = result.components.filter((component) => component.state === 'Failed');
  if (deployed.length > 0) {
    const verb = result.dryRun ? 'Validated (dry run, nothing saved)' : 'Deployed';
    streams.stdout(
      `${verb}: ${what}${id}\n${table([['TYPE', 'NAME', 'STATE', 'FILE'], ...deployed.map((c) => [c.type, c.fullName, c.state, c.filePath ?? ''])])}`,
    );
  }
  if (result.status === 'Succeeded' && deployed.length === 0) streams.stdout(`${result.dryRun ? 'Validated' : 'Deployed'}: ${what}${id}\n`);
  if (failed.length > 0) {
    const count = failed.length === 1 ? '1 component failed' : `${failed.length} components failed`;
    streams.stderr(
      `Error (Deploy${result.status}): ${result.dryRun ? 'validation' : 'deploy'} of ${what}: ${count}${id}\n${failed.map(describeFailure).join('')}`,
    );
  }
  if (result.error) {
    streams.stderr(`Error (${result.error.name}): the deploy of ${what} did not finish: ${result.error.message}\n`);
    if (result.error.action) streams.stderr(`Try this (${result.error.problemCode}):\n  ${result.error.action}\n`);
  }
  if (['InProgress', 'Pending', 'Canceling'].includes(result.status)) {
    const follow = `npx sf project deploy resume --job-id ${result.deployId ?? '<id>'} --target-org ${result.targetOrg.name}`;
    streams.stderr(
      `The wait ran out; the deploy is still ${result.status === 'Canceling' ? 'being canceled' : 'running'} in the org${id}. Follow it: ${follow}\n`,
    );
  }
  printWarnings(result.warnings, streams);
}

/** The human report of `import`: each template written, whether the round trip is byte for byte, notes. */
export function printImportResult(result: ImportResult, streams: Streams): void {
  for (const app of result.apps) {
    const kind = app.kind === 'external-client-app' ? 'External Client App' : 'ConnectedApp';
    const fidelity = app.byteIdentical
      ? `API ${app.metadataApiVersion}, regenerates byte for byte`
      : 'not as a retrieve writes it, so it will regenerate in canonical form';
    streams.stdout(`Imported ${kind} ${app.apiName} → ${app.templateFile} (environment ${app.environment}; ${fidelity})\n`);
    for (const source of app.sources) streams.stdout(`  from ${source}\n`);
    for (const note of app.notes) streams.stdout(`  Note: ${note}.\n`);
    streams.stdout(`  Render it: npm run generate -- --app ${app.template}\n`);
  }
  printWarnings(result.warnings, streams);
}

function printSecretFindings(result: CheckSecretsResult, streams: Streams): void {
  if (result.findings.length === 0) return;
  const lines = result.findings.map((finding) => `  ${finding.file}:${finding.line}: ${finding.what} — ${finding.fix}\n`);
  const count = result.findings.length === 1 ? '1 secret' : `${result.findings.length} secrets`;
  streams.stderr(`Error (SecretsFound): ${count} in committed metadata (${result.scanned} files scanned)\n${lines.join('')}`);
}

/** The human report of `check-secrets`: each finding with file, line and the way to remove it. */
export function printCheckSecretsResult(result: CheckSecretsResult, streams: Streams): void {
  if (result.findings.length === 0) streams.stdout(`No secrets in ${result.scanned} files.\n`);
  printSecretFindings(result, streams);
  printWarnings(result.warnings, streams);
}

/** The human report of `list`: each template, its environments, its renderings and their files' states. */
export function printListResult(result: ListResult, streams: Streams): void {
  const lines: string[] = [];
  for (const template of result.templates) {
    const environments = template.environments.map((env) =>
      env.aliases.length > 0 ? `${env.name} (alias ${env.aliases.join(', ')})` : env.name,
    );
    lines.push(
      `${template.template}: ${template.problem ? `cannot be read: ${template.problem}` : `environments ${environments.join(', ')}`}\n`,
    );
    if (template.renderings.length === 0 && !template.problem)
      lines.push(`  no rendering recorded: npm run generate -- --app ${template.template} --env <env>\n`);
    for (const rendering of template.renderings) {
      const state = rendering.problem ? `cannot be rendered: ${rendering.problem}` : rendering.inSync ? 'in sync' : 'out of sync';
      lines.push(`  ${rendering.environment} ${rendering.kind}: ${state}\n`);
      for (const file of rendering.files) lines.push(`    ${file.state.padEnd(9)} ${file.path}\n`);
    }
  }
  if (result.templates.length === 0) lines.push('No templates in templates/: connected-app new <name> --label … makes one.\n');
  streams.stdout(lines.join(''));
  printWarnings(result.warnings, streams);
}

/** The human report of `forget`. */
export function printForgetResult(result: ForgetResult, streams: Streams): void {
  streams.stdout(`Forgot ${result.app} (${result.environment}, ${result.kind}) in connected-app.json\n`);
  for (const path of result.deleted) streams.stdout(`  deleted   ${path}\n`);
  printWarnings(result.warnings, streams);
}

/** The human report of `new`. */
export function printNewTemplateResult(result: NewTemplateResult, streams: Streams): void {
  const kind = result.kind === 'external-client-app' ? 'External Client App' : 'ConnectedApp';
  streams.stdout(`Created ${result.templateFile} (${kind}; environments ${result.environments.join(', ')})\n  Render it: ${result.next}\n`);
  printWarnings(result.warnings, streams);
}

/** The human report of `orgs`: the change made, then the map (or, with `--matrix`, the matrix as one line of JSON). */
export function printOrgsResult(result: OrgsResult, streams: Streams): void {
  if (result.matrix) {
    streams.stdout(`${JSON.stringify(result.matrix)}\n`);
    printWarnings(result.warnings, streams);
    return;
  }
  if (result.changed)
    streams.stdout(
      `${result.changed.action === 'removed' ? 'Removed' : result.changed.action === 'added' ? 'Added' : 'Updated'} org ${result.changed.alias} in connected-app.json\n`,
    );
  if (result.orgs.length === 0) {
    streams.stdout('No orgs mapped: connected-app orgs add <alias> --env <env> maps one.\n');
    return;
  }
  const rows = result.orgs.map((org) => [
    org.alias,
    org.env,
    org.problem
      ? `cannot be served: ${org.problem}`
      : (org.renderings ?? []).map((rendering) => `${rendering.app} (${rendering.kind})`).join(', '),
  ]);
  streams.stdout(table([['ORG', 'ENVIRONMENT', 'GETS'], ...rows]));
}

/** A duration as the fleet tables show it. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** An org's result in a word: the deploy status when all its deploys agree, else the worst. */
function fleetStatus(org: DeployFleetResult['orgs'][number]): string {
  if (org.state === 'not started') return 'NotStarted';
  if (org.state === 'error') return org.error?.code ?? 'Error';
  const statuses = [...new Set((org.result?.deploys ?? []).map((deploy) => deploy.status))];
  return statuses.length === 1 ? statuses[0] : (org.result?.deploys.find((deploy) => deploy.exitCode === org.exitCode)?.status ?? 'Failed');
}

/**
 * The human report of `deploy --all`: a table (alias, environment, result, deploy id, time),
 * each org that did not succeed with Salesforce's problem text, warnings by org, then a summary.
 */
export function printFleetResult(result: DeployFleetResult, streams: Streams): void {
  const rows = result.orgs.map((org) => [
    org.alias,
    org.environment,
    fleetStatus(org),
    (org.result?.deploys ?? []).flatMap((deploy) => (deploy.deployId ? [deploy.deployId] : [])).join(', ') || '-',
    org.state === 'not started' ? '-' : seconds(org.durationMs),
  ]);
  const verb = result.dryRun ? 'Validated (dry run, nothing saved)' : 'Deployed';
  if (result.orgs.length > 0)
    streams.stdout(
      `${verb}: ${result.orgs.length} org${result.orgs.length === 1 ? '' : 's'}, at most ${result.concurrency} at once\n${table([['ORG', 'ENVIRONMENT', 'RESULT', 'DEPLOY ID', 'TIME'], ...rows])}`,
    );
  for (const org of result.orgs) {
    if (org.exitCode === 0) continue;
    const lines: string[] = [];
    if (org.state === 'not started') lines.push('  not started: the run was interrupted\n');
    if (org.error) {
      lines.push(`  Error (${org.error.code}): ${org.error.message}\n`);
      for (const action of org.error.actions) lines.push(`    Try this: ${action}\n`);
    }
    for (const deploy of org.result?.deploys ?? []) {
      lines.push(...deploy.components.filter((component) => component.state === 'Failed').map(describeFailure));
      if (deploy.error)
        lines.push(
          `  Error (${deploy.error.name}): ${deploy.error.message}\n${deploy.error.action ? `    Try this (${deploy.error.problemCode}): ${deploy.error.action}\n` : ''}`,
        );
    }
    streams.stderr(`${org.alias} (${org.environment}): ${fleetStatus(org)}\n${lines.join('')}`);
  }
  for (const org of result.orgs)
    for (const deploy of org.result?.deploys ?? [])
      for (const warning of deploy.warnings) streams.stderr(`Warning: ${org.alias}: ${warning}\n`);
  const count = (exitCodes: readonly number[]) =>
    result.orgs.filter((org) => exitCodes.includes(org.exitCode) && org.state !== 'not started').length;
  const succeeded = count([EXIT_CODES.ok]);
  const partial = count([EXIT_CODES.partialSuccess]);
  const running = count([EXIT_CODES.stillRunning]);
  const notStarted = result.orgs.filter((org) => org.state === 'not started').length;
  const failed = result.orgs.length - succeeded - partial - running - notStarted;
  const parts = [`${succeeded} succeeded`, `${failed} failed`];
  if (partial > 0) parts.push(`${partial} succeeded in part`);
  if (running > 0) parts.push(`${running} still running`);
  if (notStarted > 0) parts.push(`${notStarted} not started`);
  const summary = `${result.orgs.length} org${result.orgs.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
  if (result.exitCode === EXIT_CODES.ok) streams.stdout(`${summary}\n`);
  else streams.stderr(`${summary}. Deploy those again: connected-app deploy --rerun-failed${result.dryRun ? ' --dry-run' : ''}\n`);
  printWarnings(result.warnings, streams);
}
