/** The text `diff` and `import --list` print: each state and difference said once, in Setup's words. */
import { printDiffResult, printOrgListResult } from '../generator/orgOutput';

function capture(print: (streams: { stdout(text: string): void; stderr(text: string): void }) => void): { stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  print({ stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { stdout, stderr };
}

const targetOrg = { name: 'acme-prod', username: 'admin@acme.example.com' };
const app = { template: 'acme-sync', environment: 'prod', kind: 'connected-app' as const, apiName: 'Acme_Sync' };

test('diff: in sync, missing in the org, and a difference with both values', () => {
  const { stdout, stderr } = capture((streams) =>
    printDiffResult(
      {
        targetOrg,
        inSync: false,
        exitCode: 1,
        warnings: [],
        apps: [
          { ...app, state: 'in-sync', differences: [] },
          { ...app, template: 'other', apiName: 'Other', state: 'missing-in-org', differences: [] },
          {
            ...app,
            kind: 'external-client-app',
            state: 'drift',
            differences: [
              {
                setting: 'policies.permittedUsers',
                label: 'Permitted Users',
                org: 'All users may self-authorize',
                repository: 'Admin approved users are pre-authorized',
              },
            ],
          },
        ],
      },
      streams,
    ),
  );
  expect(stdout).toBe(
    [
      'acme-sync (prod, ConnectedApp Acme_Sync): in sync with acme-prod',
      'other (prod, ConnectedApp Other): not in the org acme-prod',
      'acme-sync (prod, External Client App Acme_Sync): 1 setting differs',
      '  Permitted Users',
      '    org:        All users may self-authorize',
      '    repository: Admin approved users are pre-authorized',
      '',
    ].join('\n'),
  );
  expect(stderr).toMatch(/^Drift: the org acme-prod differs from the repository\./);
});

test('import --list: a table with the template that renders each app', () => {
  const { stdout } = capture((streams) =>
    printOrgListResult(
      {
        targetOrg,
        warnings: [],
        apps: [
          { apiName: 'Acme_Sync', kind: 'connected-app', label: 'Acme Sync', renderedBy: 'acme-sync (prod)' },
          { apiName: 'Linear__Linear', kind: 'external-client-app', manageableState: 'installed' },
        ],
      },
      streams,
    ),
  );
  expect(stdout).toContain('  Acme_Sync       ConnectedApp                     Acme Sync  acme-sync (prod)\n');
  expect(stdout).toContain('  Linear__Linear  External Client App (installed)             —\n');
});
