/**
 * The record of a command's last fleet run, `.connected-app/fleet/<command>.json` (git-ignored,
 * written atomically): each org's alias, environment, exit code and deploy ids (none for a diff),
 * so `--rerun-failed` retries only the orgs that did not succeed.
 */
import { join } from 'node:path';
import { TEMP_FOLDER, writeFileAtomic } from '../project/atomicWrite';
import { readRegularFile, toolFolder } from '../project/safeFs';

const FLEET_FOLDER = join('.connected-app', 'fleet');
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

export interface RecordedOrg {
  readonly alias: string;
  readonly environment: string;
  readonly exitCode: number;
  readonly deployIds: readonly string[];
}

interface FleetRecord {
  readonly command: string;
  readonly finishedAt: string;
  readonly orgs: readonly RecordedOrg[];
}

const recordFile = (command: string) => join(FLEET_FOLDER, `${command}.json`);

export function writeFleetRecord(root: string, command: string, orgs: readonly RecordedOrg[]): void {
  const record: FleetRecord = { command, finishedAt: new Date().toISOString(), orgs };
  toolFolder(root, FLEET_FOLDER);
  writeFileAtomic(join(root, recordFile(command)), `${JSON.stringify(record, null, 2)}\n`, toolFolder(root, TEMP_FOLDER));
}

/** The orgs of the last run that did not succeed; undefined when there was no run (or its record is unreadable). */
export function failedLastTime(root: string, command: string): string[] | undefined {
  const bytes = readRegularFile(join(root, recordFile(command)), MAX_RECORD_BYTES, recordFile(command));
  if (!bytes) return undefined;
  try {
    const record: unknown = JSON.parse(bytes.toString('utf8'));
    const orgs: unknown = typeof record === 'object' && record !== null ? (record as Record<string, unknown>).orgs : undefined;
    if (!Array.isArray(orgs)) return undefined;
    // Data from a file anyone could edit: only well-typed entries count.
    return (orgs as unknown[]).flatMap((org) => {
      const entry = (typeof org === 'object' && org !== null ? org : {}) as Record<string, unknown>;
      return typeof entry.alias === 'string' && entry.exitCode !== 0 ? [entry.alias] : [];
    });
  } catch {
    return undefined;
  }
}
