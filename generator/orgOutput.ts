/**
 * What the commands that read an org or a git revision print as text: `import --list`, `diff`
 * and `changes` (generator/output.ts prints the others, and the JSON of all of them).
 */
import type { ChangesResult } from './commands/changes';
import type { DiffResult } from './commands/diffOrg';
import type { OrgListResult } from './commands/importFromOrg';
import { type Streams, printWarnings, table } from './output';

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

/** `diff`: per app, in sync, missing in the org, or each setting that differs with both values. */
export function printDiffResult(result: DiffResult, streams: Streams): void {
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
  streams.stdout(lines.join(''));
  if (!result.inSync)
    streams.stderr(
      `Drift: the org ${result.targetOrg.name} differs from the repository. Deploy the repository's settings (npm run deploy), or import the org's (npm run import -- --target-org ${result.targetOrg.name} --app-name …).\n`,
    );
  printWarnings(result.warnings, streams);
}

/** `changes`: the Markdown of the changes. */
export function printChangesResult(result: ChangesResult, streams: Streams): void {
  streams.stdout(result.markdown);
  printWarnings(result.warnings, streams);
}
