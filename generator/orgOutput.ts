/**
 * What the commands that read an org or a git revision print as text: `import --list`, `diff`
 * and `changes` (generator/output.ts prints the others, and the JSON of all of them).
 */
import type { ChangesResult } from './commands/changes';
import type { DiffFleetResult } from './commands/diffFleet';
import type { DiffResult } from './commands/diffOrg';
import { EXIT_CODES } from './errors';
import type { OrgListResult } from './commands/importFromOrg';
import { type Streams, printWarnings, seconds, table } from './output';

const KIND_NAMES = { 'connected-app': 'ConnectedApp', 'external-client-app': 'External Client App' } as const;

/** `import --list`: each app of the org with its kind, label and the template that renders it. */
export function printOrgListResult(result: OrgListResult, streams: Streams): void {
  const org = `${result.targetOrg.name}${result.targetOrg.name === result.targetOrg.username ? '' : ` (${result.targetOrg.username})`}`;
  if (result.apps.length === 0) streams.stdout(`The org ${org} has no ConnectedApp or External Client App.\n`);
  else {
    const rows = result.apps.map((app) => [
      app.apiName,
      KIND_NAMES[app.kind] + (app.manageableState === 'installed' ? ' (installed)' : ''),
      app.label ?? '',
      app.renderedBy ?? '—',
    ]);
    streams.stdout(`Apps in ${org}:\n${table([['API NAME', 'KIND', 'LABEL', 'RENDERED BY'], ...rows])}`);
    streams.stdout(`Import one: npm run import -- --target-org ${result.targetOrg.name} --app-name <API name>\n`);
  }
  printWarnings(result.warnings, streams);
}

/** Each app of one org's comparison: in sync, missing in the org, or each setting that differs with both values. */
function diffLines(result: DiffResult): string[] {
  const lines: string[] = [];
  for (const app of result.apps) {
    const name = `${app.template} (${app.environment}, ${KIND_NAMES[app.kind]} ${app.apiName})`;
    if (app.state === 'in-sync') lines.push(`${name}: in sync with ${result.targetOrg.name}\n`);
    else if (app.state === 'missing-in-org') lines.push(`${name}: not in the org ${result.targetOrg.name}\n`);
    else {
      lines.push(`${name}: ${app.differences.length === 1 ? '1 setting differs' : `${app.differences.length} settings differ`}\n`);
      for (const difference of app.differences) {
        lines.push(`  ${difference.label}\n    org:        ${difference.org}\n    repository: ${difference.repository}\n`);
      }
      if (app.xmlDiff) lines.push(`\n${app.xmlDiff}`);
    }
  }
  return lines;
}

/** `diff`: per app, in sync, missing in the org, or each setting that differs with both values. */
export function printDiffResult(result: DiffResult, streams: Streams): void {
  streams.stdout(diffLines(result).join(''));
  if (!result.inSync)
    streams.stderr(
      `Drift: the org ${result.targetOrg.name} differs from the repository. Deploy the repository's settings (npm run deploy), or import the org's (npm run import -- --target-org ${result.targetOrg.name} --app-name …).\n`,
    );
  printWarnings(result.warnings, streams);
}

/** An org's comparison in a word or two. */
function orgDiffState(org: DiffFleetResult['orgs'][number]): string {
  if (org.state === 'not started') return 'not started';
  if (org.state === 'error') return org.error?.code ?? 'Error';
  const apps = (org.result?.diffs ?? []).flatMap((diff) => diff.apps);
  const differing = apps.filter((app) => app.state === 'drift').length;
  const missing = apps.filter((app) => app.state === 'missing-in-org').length;
  const parts = [differing > 0 ? `drift (${differing} app${differing === 1 ? '' : 's'})` : '', missing > 0 ? `${missing} missing` : ''];
  return parts.filter(Boolean).join(', ') || 'in sync';
}

/**
 * `diff --all`: a table (alias, environment, result, time), then each org that is not in sync
 * with its differences in Setup's words (or its error), then a summary.
 */
export function printDiffFleetResult(result: DiffFleetResult, streams: Streams): void {
  const rows = result.orgs.map((org) => [
    org.alias,
    org.environment,
    orgDiffState(org),
    org.state === 'not started' ? '-' : seconds(org.durationMs),
  ]);
  if (result.orgs.length > 0)
    streams.stdout(
      `Compared: ${result.orgs.length} org${result.orgs.length === 1 ? '' : 's'}, at most ${result.concurrency} at once\n${table([['ORG', 'ENVIRONMENT', 'RESULT', 'TIME'], ...rows])}`,
    );
  for (const org of result.orgs) {
    if (org.exitCode === EXIT_CODES.ok) continue;
    const lines = [`\n${org.alias} (${org.environment}): ${orgDiffState(org)}\n`];
    if (org.error)
      lines.push(`  Error (${org.error.code}): ${org.error.message}\n`, ...org.error.actions.map((action) => `    Try this: ${action}\n`));
    for (const diff of org.result?.diffs ?? []) lines.push(...diffLines(diff).filter((line) => !line.includes(': in sync with ')));
    streams.stdout(lines.join(''));
  }
  for (const org of result.orgs)
    for (const diff of org.result?.diffs ?? []) for (const warning of diff.warnings) streams.stderr(`Warning: ${org.alias}: ${warning}\n`);
  const inSync = result.orgs.filter((org) => org.exitCode === EXIT_CODES.ok).length;
  const notStarted = result.orgs.filter((org) => org.state === 'not started').length;
  const failed = result.orgs.filter((org) => org.state === 'error').length;
  const drifted = result.orgs.length - inSync - notStarted - failed;
  const parts = [`${inSync} in sync`, `${drifted} drifted`];
  if (failed > 0) parts.push(`${failed} could not be compared`);
  if (notStarted > 0) parts.push(`${notStarted} not started`);
  const summary = `${result.orgs.length} org${result.orgs.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
  if (result.exitCode === EXIT_CODES.ok) streams.stdout(`${summary}\n`);
  else streams.stderr(`${summary}. Compare those again: connected-app diff --rerun-failed\n`);
  printWarnings(result.warnings, streams);
}

/** `changes`: the Markdown of the changes. */
export function printChangesResult(result: ChangesResult, streams: Streams): void {
  streams.stdout(result.markdown);
  printWarnings(result.warnings, streams);
}
