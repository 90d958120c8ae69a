/**
 * Import of large retrieved files: a ConnectedApp whose profiles fill the 1 MiB a metadata file
 * may have (tens of thousands of repeated values), and one a quarter of that size, imported by the
 * built command side by side (medians of BENCH_IMPORT_ROUNDS rounds). Linear work makes the large
 * file take at most about four times the small one (less, with start-up counted); quadratic work
 * takes sixteen times. Limits: growth 6×, and 3 s for the 1 MiB file.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildMetadataXml } from '../generator/xml';
import { machine, sideBySide } from './measure';

const ROOT = resolve(__dirname, '..');
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 5);
const MAX_BYTES = 1024 * 1024;
const GROWTH_LIMIT = 6;
const SECONDS_LIMIT = 3;

/** A retrieve-shaped ConnectedApp with `profiles` profile names, and its size in bytes. */
function connectedApp(profiles: number): string {
  return buildMetadataXml({
    name: 'ConnectedApp',
    children: [
      { name: 'contactEmail', text: 'admin@example.com' },
      { name: 'label', text: 'Big' },
      {
        name: 'oauthConfig',
        children: [
          { name: 'callbackUrl', text: 'https://app.example.com/oauth/callback' },
          { name: 'isAdminApproved', text: 'true' },
          { name: 'scopes', text: 'Api' },
        ],
      },
      ...Array.from({ length: profiles }, (_, index) => ({ name: 'profileName', text: `Profile ${String(index).padStart(6, '0')}` })),
    ],
  });
}

/** The largest number of profiles that keeps the file within the size limit. */
function profilesFilling(bytes: number): number {
  const perProfile = connectedApp(2).length - connectedApp(1).length;
  return Math.floor((bytes - connectedApp(0).length) / perProfile);
}

function project(): string {
  const folder = mkdtempSync(join(tmpdir(), 'connected-app-bench-import-'));
  for (const entry of ['package.json', 'sfdx-project.json', 'bin', 'dist'])
    cpSync(join(ROOT, entry), join(folder, entry), { recursive: true });
  mkdirSync(join(folder, 'templates'));
  symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
  return folder;
}

export function runImportBench(): boolean {
  const folder = project();
  try {
    const large = profilesFilling(MAX_BYTES);
    const sizes = { small: Math.floor(large / 4), large };
    for (const [name, profiles] of Object.entries(sizes)) {
      mkdirSync(join(folder, name, 'connectedApps'), { recursive: true });
      writeFileSync(join(folder, name, 'connectedApps', `${name}.connectedApp-meta.xml`), connectedApp(profiles));
    }
    // Each round removes the template the last one wrote: an import never overwrites one.
    const command = (name: string) => ({
      label: `import ${sizes[name as keyof typeof sizes]} profiles`,
      argv: ['sh', '-c', `rm -f templates/${name}.ts && "${process.execPath}" bin/connected-app.js import ${name}`],
      cwd: folder,
    });
    const medians = sideBySide([command('small'), command('large')], ROUNDS);
    const [small, big] = [...medians.values()];
    const growth = big / small;
    const ok = growth <= GROWTH_LIMIT && big / 1000 <= SECONDS_LIMIT;
    console.log(`import of large files (${ROUNDS} rounds side by side; ${machine()})`);
    for (const [label, value] of medians) console.log(`  ${label.padEnd(24)} ${value.toFixed(0).padStart(6)} ms`);
    console.log(
      `  growth ×4 values: ${growth.toFixed(2)}× (limit ${GROWTH_LIMIT}; quadratic work would be ~16)   1 MiB file: ${(big / 1000).toFixed(2)} s (limit ${SECONDS_LIMIT})${ok ? '' : '  OVER LIMIT'}`,
    );
    return ok;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
