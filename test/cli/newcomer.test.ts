/**
 * A newcomer's first hour, through the command line: the quick start keeps the repository green,
 * one file has one owner, a sandbox never lands in production's folder, warnings give commands
 * that work as printed, and the project can be listed, extended and pruned without editing
 * connected-app.json by hand.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths';
import { makeProject, runCli, snapshotFiles } from '../helpers/tempProject';

const PROD_FILE = 'force-app/main/default/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml';
const SANDBOX_FILE = 'environments/sandbox/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml';

/** A copy of this repository as a newcomer clones it: templates, recorded renderings and their committed files. */
function clonedProject(): string {
  const project = makeProject();
  for (const entry of ['connected-app.json', 'force-app', 'environments', '.gitignore'])
    cpSync(join(REPO_ROOT, entry), join(project, entry), { recursive: true });
  return project;
}

/** `npm run generate -- <args>` as printed → the arguments of the command. */
function argsOf(command: string): string[] {
  const match = /^npm run (\S+)(?: -- (.+))?$/.exec(command);
  if (!match) throw new Error(`not an npm run command: ${command}`);
  return [match[1], ...(match[2]?.split(' ') ?? [])];
}

const read = (project: string, path: string) => readFileSync(join(project, path), 'utf8');

describe('the quick start', () => {
  const project = clonedProject();
  const run = runCli(project, ['generate', '--env', 'prod', '--contact-email', 'you@example.com']);

  test('renders production with the new email, and every other recorded rendering of the app too, saying so', () => {
    expect(run.status).toBe(0);
    expect(read(project, PROD_FILE)).toContain('<contactEmail>you@example.com</contactEmail>');
    expect(read(project, SANDBOX_FILE)).toContain('<contactEmail>you@example.com</contactEmail>');
    expect(run.stdout).toContain(
      'fullcast-motion-package (sandbox) → ConnectedApp Fullcast_Motion_Package, API 66.0 (rendered again: the contact email changed)',
    );
  });

  test('leaves the pull-request gate green', () => {
    const check = runCli(project, ['generate', '--check']);
    expect(check.stdout).toContain('In sync');
    expect(check.status).toBe(0);
  });

  test("gives the Spring '26 warning once, listing the environments, with a command that works as printed", () => {
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('Warning: '));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Warning: Fullcast_Motion_Package \(prod, sandbox\): since Spring '26/);
    const command = /new connections need an External Client App: (npm run [^.]+)\./.exec(warnings[0])?.[1] ?? '';
    const advised = runCli(project, argsOf(command));
    expect([command, advised.status]).toEqual([command, 0]);
    expect(existsSync(join(project, 'force-app/main/default/externalClientApps/Fullcast_Motion_Package.eca-meta.xml'))).toBe(true);
    expect(existsSync(join(project, 'environments/sandbox/externalClientApps/Fullcast_Motion_Package.eca-meta.xml'))).toBe(true);
  });
});

describe('one owner per file', () => {
  const project = clonedProject();
  runCli(project, [
    'generate',
    '--env',
    'prod',
    '--kind',
    'connected-app',
    '--contact-email',
    'admin@example.com',
    '--output-dir',
    'retrieved',
  ]);
  const copy = join(project, 'retrieved/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml');
  writeFileSync(
    copy,
    read(project, 'retrieved/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml').replace('app.fullcast.io', 'other.example.com'),
  );
  const before = snapshotFiles(project);

  test('import refuses a copy of an app another template renders, naming that template', () => {
    const run = runCli(project, ['import', 'retrieved', '--env', 'prod']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Fullcast_Motion_Package is already rendered by the template fullcast-motion-package (prod)');
    expect(snapshotFiles(project)).toEqual(before);
  });

  test('told to import it anyway, generating it never changes the other template’s file', () => {
    const imported = runCli(project, ['import', 'retrieved', '--env', 'prod', '--allow-same-api-name', '--name', 'copy']);
    expect(imported.status).toBe(0);
    const original = read(project, PROD_FILE);
    const run = runCli(project, ['generate', '--app', 'copy']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${PROD_FILE}: would be written by both copy (prod, connected-app) and fullcast-motion-package (prod, connected-app)`,
    );
    expect(read(project, PROD_FILE)).toBe(original);
  });
});

describe('which environment is production', () => {
  test('an app imported for a sandbox renders nowhere under force-app/', () => {
    const project = makeProject();
    runCli(project, ['generate', '--env', 'sandbox', '--contact-email', 'admin@example.com', '--output-dir', 'retrieved']);
    const file = join(project, 'retrieved/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('<label>Fullcast Motion Package</label>', '<label>Acme Sandbox App</label>'));
    mkdirSync(join(project, 'in/connectedApps'), { recursive: true });
    writeFileSync(join(project, 'in/connectedApps/Acme_Sandbox_App.connectedApp-meta.xml'), readFileSync(file, 'utf8'));
    expect(runCli(project, ['import', 'in', '--env', 'sandbox']).status).toBe(0);
    expect(runCli(project, ['generate', '--app', 'Acme_Sandbox_App']).status).toBe(0);
    expect(existsSync(join(project, 'environments/sandbox/connectedApps/Acme_Sandbox_App.connectedApp-meta.xml'))).toBe(true);
    expect(existsSync(join(project, 'force-app/main/default/connectedApps/Acme_Sandbox_App.connectedApp-meta.xml'))).toBe(false);
  });

  test('connected-app.json can name another environment production', () => {
    const project = makeProject({ production: 'sandbox', apps: {} });
    expect(runCli(project, ['generate', '--env', 'sandbox', '--contact-email', 'admin@example.com']).status).toBe(0);
    expect(existsSync(join(project, 'force-app/main/default/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml'))).toBe(true);
    expect(runCli(project, ['generate', '--env', 'prod']).status).toBe(0);
    expect(existsSync(join(project, 'environments/prod/connectedApps/Fullcast_Motion_Package.connectedApp-meta.xml'))).toBe(true);
  });
});

describe('retrieves stay out of git', () => {
  test('the project git-ignores retrieved/, where the README retrieves to', () => {
    expect(readFileSync(join(REPO_ROOT, '.gitignore'), 'utf8')).toMatch(/^retrieved\/$/m);
    expect(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')).toContain('--output-dir retrieved');
  });
});

describe('list, new and forget: no hand-editing of connected-app.json', () => {
  test('new scaffolds a template that renders, list shows it, forget drops a rendering and its files', () => {
    const project = clonedProject();
    const made = runCli(project, [
      'new',
      'acme-sync',
      '--label',
      'Acme Sync',
      '--env',
      'prod=https://app.acme.example',
      '--env',
      'uat=https://uat.acme.example',
    ]);
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('Created templates/acme-sync.ts (External Client App; environments prod, uat)');
    const next = /Render it: (npm run .+)\n/.exec(made.stdout)?.[1] ?? '';
    expect(runCli(project, argsOf(next)).status).toBe(0);
    expect(runCli(project, ['generate', '--app', 'acme-sync', '--env', 'uat']).status).toBe(0);
    const uatHeader = 'environments/uat/externalClientApps/Acme_Sync.eca-meta.xml';
    expect(existsSync(join(project, uatHeader))).toBe(true);

    const listed = JSON.parse(runCli(project, ['list', '--json']).stdout);
    const acme = listed.result.templates.find((template: { template: string }) => template.template === 'acme-sync');
    expect(acme.environments.map((env: { name: string }) => env.name)).toEqual(['prod', 'uat']);
    expect(acme.renderings.map((rendering: { environment: string; inSync: boolean }) => [rendering.environment, rendering.inSync])).toEqual(
      [
        ['prod', true],
        ['uat', true],
      ],
    );

    const forgot = runCli(project, ['forget', '--app', 'acme-sync', '--env', 'uat', '--kind', 'external-client-app']);
    expect(forgot.status).toBe(0);
    expect(forgot.stdout).toContain(`deleted   ${uatHeader}`);
    expect(existsSync(join(project, uatHeader))).toBe(false);
    expect(JSON.parse(read(project, 'connected-app.json')).apps['acme-sync'].outputs).toEqual([
      { env: 'prod', kind: 'external-client-app' },
    ]);
    expect(runCli(project, ['generate', '--check']).status).toBe(0);
  });

  test('a renamed environment leaves a record list names and forget drops', () => {
    const project = clonedProject();
    writeFileSync(
      join(project, 'templates/fullcast-motion-package.ts'),
      read(project, 'templates/fullcast-motion-package.ts').replace('sandbox: {', 'staging: {'),
    );
    const listed = runCli(project, ['list']);
    expect(listed.status).toBe(1);
    expect(listed.stdout).toMatch(/sandbox connected-app: cannot be rendered: .*unknown environment 'sandbox'/);
    const forgot = runCli(project, ['forget', '--env', 'sandbox']);
    expect(forgot.status).toBe(0);
    expect(forgot.stderr).toContain('can no longer be rendered, so its files are not known: look for them under environments/sandbox');
    expect(JSON.parse(read(project, 'connected-app.json')).apps['fullcast-motion-package'].outputs).toEqual([{ env: 'prod' }]);
  });
});
