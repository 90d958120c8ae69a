/**
 * Reading an org with the project's own sf: `sf org list metadata` (the components of a type) and
 * `sf project retrieve start --target-metadata-dir` (components into a temporary folder outside
 * the project, in Metadata API format). The folder holds what the org sent — consumer keys
 * included — so it lives only while `use` runs and is removed whatever happens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../errors';
import { METADATA_TYPES } from '../model/registry';
import { readRegularFile } from '../project/safeFs';
import { MAX_XML_BYTES, decodeUtf8 } from '../xml';
import { redactSecrets } from '../secrets/redact';
import { type SfRun, runSf } from './runSf';

/** One component the org holds, as listMetadata names it. */
export interface ListedComponent {
  readonly type: string;
  readonly fullName: string;
  /** `installed` for a component of an installed package, `unmanaged` for the org's own. */
  readonly manageableState?: string;
}

/** A component to retrieve: `Type:Name`. */
export interface ComponentName {
  readonly type: string;
  readonly fullName: string;
}

/** What a retrieve gave: the folder holding the files, and the components the org does not have. */
export interface Retrieved {
  readonly folder: string;
  readonly missing: readonly ComponentName[];
}

/** Minutes sf waits for a retrieve. */
const RETRIEVE_WAIT_MINUTES = 10;

function sfFailure(what: string, org: string, run: SfRun): AppError {
  const reason = redactSecrets(run.json?.message ?? (run.stderr.trim().split('\n').pop() || `sf exited ${run.exitCode}`));
  return new AppError('RetrieveFailed', `${what} in the org '${org}' failed: ${reason}`, [
    'Check that the org is reachable and that your user may read metadata (Modify Metadata or Modify All Data).',
    `Run the same with sf to see its full answer: npx sf org display --target-org ${org}.`,
  ]);
}

/** The org's components of `type` (`sf org list metadata --metadata-type`). */
export async function listComponents(sf: string, root: string, org: string, type: string): Promise<ListedComponent[]> {
  const run = await runSf(sf, ['org', 'list', 'metadata', '--metadata-type', type, '--target-org', org], root);
  if (run.exitCode !== 0 || run.json?.status !== 0) throw sfFailure(`listing the ${type} components`, org, run);
  const rows = Array.isArray(run.json.result) ? (run.json.result as unknown[]) : [];
  return rows.flatMap((row) => {
    const fields = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
    if (typeof fields.fullName !== 'string') return [];
    return [
      {
        type,
        fullName: fields.fullName,
        manageableState: typeof fields.manageableState === 'string' ? fields.manageableState : undefined,
      },
    ];
  });
}

/** The components sf reports it could not retrieve ("Entity of type 'X' named 'Y' cannot be found"). */
function missingOf(run: SfRun): ComponentName[] {
  const result = (run.json?.result ?? {}) as { files?: unknown };
  const files = Array.isArray(result.files) ? (result.files as Record<string, unknown>[]) : [];
  return files
    .filter((file) => file.state === 'Failed' && typeof file.type === 'string' && typeof file.fullName === 'string')
    .map((file) => ({ type: file.type as string, fullName: file.fullName as string }));
}

/**
 * Retrieves `components` into a temporary folder outside the project, runs `use` on it, and
 * removes it. A component the org does not have is reported in `missing`, not as a failure
 * (sf itself reports it so and exits 0).
 */
export async function withRetrieve<T>(
  sf: string,
  root: string,
  org: string,
  components: readonly ComponentName[],
  use: (retrieved: Retrieved) => T | Promise<T>,
): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), 'connected-app-retrieve-'));
  try {
    const run = await runSf(
      sf,
      [
        'project',
        'retrieve',
        'start',
        ...components.flatMap((component) => ['--metadata', `${component.type}:${component.fullName}`]),
        '--target-metadata-dir',
        folder,
        '--unzip',
        '--target-org',
        org,
        '--wait',
        String(RETRIEVE_WAIT_MINUTES),
      ],
      root,
    );
    if (run.exitCode !== 0 || run.json?.status !== 0) throw sfFailure('the retrieve', org, run);
    return await use({ folder, missing: missingOf(run) });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The folders a retrieve's zip may put its files under (`unpackaged/`; sf unzips it into a folder of the same name). */
const RETRIEVE_ROOTS = [join('unpackaged', 'unpackaged'), 'unpackaged', ''];

/** The text of a retrieved component, or undefined when the retrieve holds none. Read as data: size-bounded, never through a link. */
export function retrievedText(retrieved: Retrieved, component: ComponentName): string | undefined {
  const type = Object.values(METADATA_TYPES).find((candidate) => candidate.name === component.type);
  if (!type || !/^[A-Za-z0-9_]+$/.test(component.fullName)) return undefined;
  for (const base of RETRIEVE_ROOTS) {
    const path = join(retrieved.folder, base, type.directoryName, `${component.fullName}.${type.suffix}`);
    const shown = `${type.directoryName}/${component.fullName}.${type.suffix}`;
    const bytes = readRegularFile(path, MAX_XML_BYTES, shown);
    if (bytes !== undefined) return decodeUtf8(bytes, shown);
  }
  return undefined;
}
