/** A project with many apps, for the bulk benchmark and the crash and concurrency tests. */
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT as ROOT } from './paths';

/**
 * The source of template number `index`: two environments, all the usual Setup settings.
 * A `variant` changes the label and the URLs, so every file but the scopes and policies differs.
 */
function bulkTemplate(index: number, variant = ''): string {
  return `import type { AppTemplate } from '../generator/model/template';

const template: AppTemplate<{ baseUrl: string }> = {
  environments: {
    prod: { baseUrl: 'https://app${index}${variant}.example.com' },
    sandbox: { baseUrl: 'https://sandbox${index}${variant}.example.com' },
  },
  app: ({ baseUrl }) => ({
    label: 'Bulk App ${index}${variant}',
    apiName: 'Bulk_App_${index}',
    existsInOrg: true,
    oauth: {
      callbackUrls: [\`\${baseUrl}/oauth/callback\`, \`\${baseUrl}/admin/callback\`],
      scopes: ['Basic', 'Api', 'Web', 'RefreshToken'],
      requirePkce: false,
      requireSecretForWebServerFlow: true,
      requireSecretForRefreshTokenFlow: true,
    },
    policies: { permittedUsers: 'all-self-authorize', ipRelaxation: 'enforce-relax-refresh', refreshToken: 'valid-until-revoked' },
  }),
};

export default template;
`;
}

export interface BulkOptions {
  readonly apps: number;
  /** Record External Client App renderings too. */
  readonly withEca: boolean;
}

/** Makes the project in a temporary folder: the tool, n templates, and connected-app.json recording their renderings. */
export function makeBulkProject(options: BulkOptions): string {
  const folder = mkdtempSync(join(tmpdir(), 'connected-app-bulk-'));
  writeBulkTemplates(folder, options.apps);
  for (const entry of ['package.json', 'sfdx-project.json', 'bin', 'dist'])
    cpSync(join(ROOT, entry), join(folder, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
  const apps: Record<string, unknown> = {};
  for (let index = 0; index < options.apps; index++) {
    const outputs: { env: string; kind?: string }[] = [{ env: 'prod' }, { env: 'sandbox' }];
    if (options.withEca) outputs.push({ env: 'prod', kind: 'external-client-app' }, { env: 'sandbox', kind: 'external-client-app' });
    apps[`app-${index}`] = { contactEmail: 'admin@example.com', outputs };
  }
  writeFileSync(join(folder, 'connected-app.json'), `${JSON.stringify({ apps }, null, 2)}\n`);
  return folder;
}

/** Writes (or rewrites) the n templates, all in one variant. */
export function writeBulkTemplates(folder: string, apps: number, variant = ''): void {
  mkdirSync(join(folder, 'templates'), { recursive: true });
  for (let index = 0; index < apps; index++) writeFileSync(join(folder, 'templates', `app-${index}.ts`), bulkTemplate(index, variant));
}
