/**
 * External Client Apps as they exist, through import and generate (in-process): a set without
 * its global OAuth settings, a packaged app with disabled app policies, an installed app's
 * policies alone, and an element newer than the schema this tool knows. The sets under
 * test/fixtures/eca are shaped as retrieves write them (values invented).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withoutOrgValues } from '../../generator/import/retrieveVersion';
import { REPO_ROOT } from '../helpers/paths';
import { makeProject, runCli, snapshotFiles } from '../helpers/tempProject';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'eca');

/** The files of a set folder, as `folder/file` paths. */
function setFiles(root: string): string[] {
  return readdirSync(root)
    .flatMap((folder) => readdirSync(join(root, folder)).map((file) => `${folder}/${file}`))
    .sort();
}

/** A project holding the fixture sets `names` under `in/<name>`. */
function projectWith(...names: string[]): string {
  const project = makeProject();
  for (const name of names) cpSync(join(FIXTURES, name), join(project, 'in', name), { recursive: true });
  return project;
}

/** Imports `in/<name>`, generates it into `out/<name>`, and says whether every file came back (org values aside). */
function roundTrip(project: string, name: string, template: string) {
  const imported = runCli(project, ['import', `in/${name}`, '--name', template]);
  const generated = runCli(project, ['generate', '--app', template, '--output-dir', `out/${name}`]);
  const expected = setFiles(join(project, 'in', name));
  const written = existsSync(join(project, 'out', name)) ? setFiles(join(project, 'out', name)) : [];
  const differing = expected.filter(
    (path) =>
      !written.includes(path) ||
      readFileSync(join(project, 'out', name, path), 'utf8') !== withoutOrgValues(readFileSync(join(project, 'in', name, path), 'utf8')),
  );
  return { imported, generated, written, expected, differing, source: readFileSync(join(project, 'templates', `${template}.ts`), 'utf8') };
}

describe('a set without its global OAuth settings file', () => {
  const project = projectWith('without-global');
  const result = roundTrip(project, 'without-global', 'mcp');

  test('imports, recording that the global OAuth settings are managed in the org', () => {
    expect(result.imported.status).toBe(0);
    expect(result.source).toContain("managedInOrg: ['globalOauth'],");
    expect(result.source).not.toContain('callbackUrls');
    expect(result.imported.stdout).toMatch(/Note: it has no global OAuth settings file: the template leaves them to the org/);
  });

  test('generates the same three files, byte for byte, and no _glbloauth file', () => {
    expect(result.generated.status).toBe(0);
    expect(result.written).toEqual(result.expected);
    expect(result.differing).toEqual([]);
  });

  test('generate says so once per run, naming every such app', () => {
    // A second app like it, under another name.
    const other = join(project, 'in', 'other');
    for (const path of setFiles(join(project, 'in', 'without-global'))) {
      const target = join(other, path.replace('Claude_MCP_Client', 'Other_Client'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(
        target,
        readFileSync(join(project, 'in', 'without-global', path), 'utf8').replaceAll('Claude_MCP_Client', 'Other_Client'),
      );
    }
    expect(runCli(project, ['import', 'in/other', '--name', 'other']).status).toBe(0);
    for (const app of ['mcp', 'other'])
      expect(runCli(project, ['generate', '--app', app, '--contact-email', 'a@example.com']).status).toBe(0);
    const run = runCli(project, ['generate', '--json']);
    expect(JSON.parse(run.stdout).result.targets).toHaveLength(2);
    expect(JSON.parse(run.stdout).warnings.filter((warning: string) => /_glbloauth/.test(warning))).toEqual([
      "the global OAuth settings of Claude_MCP_Client, Other_Client are managed in the org (managedInOrg: ['globalOauth']): no _glbloauth file is written for them",
    ]);
  });
});

describe('a packaged app with disabled app policies, JWT timeouts and scopes in the order ECA retrieves write them', () => {
  const project = projectWith('packaged');
  const result = roundTrip(project, 'packaged', 'partner');

  test('imports what a connected app has no element for', () => {
    expect(result.imported.status).toBe(0);
    for (const line of [
      "distributionState: 'Packaged',",
      'protectedInPackage: true,',
      'enabled: false,',
      "namedUserJwtTimeout: 'user-session',",
      'enableClientCredentialsFlow: false,',
      "oauthSettings: 'Partner Connector OAuth settings',",
      "'SFAP',",
      "permissionSets: ['Partner_Integration', 'Partner_Admin'],",
      "listSeparator: ',',",
    ]) {
      expect(result.source).toContain(line);
    }
  });

  test('generates all five files back, byte for byte', () => {
    expect(result.generated.status).toBe(0);
    expect(result.differing).toEqual([]);
    expect(result.written).toEqual(result.expected);
  });

  test("advises (never refuses) what Salesforce keeps: a 0-minute session timeout, a run-as user without the flow, a packaged app's global settings", () => {
    const warnings = result.imported.stderr;
    expect(warnings).toMatch(/policies\.sessionTimeoutMinutes: 0 is not one of Setup's timeouts/);
    expect(warnings).toMatch(/policies\.clientCredentialsRunAs: takes effect only with oauth\.enableClientCredentialsFlow/);
    expect(warnings).toMatch(/global OAuth settings can't be packaged/);
  });
});

describe("an installed app's OAuth policies, alone", () => {
  const project = projectWith('installed');
  const file = 'in/installed/extlClntAppOauthPolicies/Acme_oauth_defaultPolicy.ecaOauthPlcy-meta.xml';
  const imported = runCli(project, ['import', file]);
  const source = () => readFileSync(join(project, 'templates', 'Acme__Acme.ts'), 'utf8');

  test('import as a policies-only template named after the app, namespace and all', () => {
    expect(imported.status).toBe(0);
    expect(source()).toContain("apiName: 'Acme__Acme',");
    expect(source()).toContain('policiesOnly: true,');
    expect(source()).toContain("oauthPolicies: 'Acme_oauth_defaultPolicy',");
    expect(source()).not.toMatch(/label:|contactEmail/);
  });

  test('generate renders that file and nothing else, byte for byte', () => {
    const generated = runCli(project, ['generate', '--app', 'Acme__Acme', '--output-dir', 'out', '--json']);
    expect(generated.status).toBe(0);
    expect(JSON.parse(generated.stdout).result.targets[0].files.map((written: { path: string }) => written.path)).toEqual([
      'out/extlClntAppOauthPolicies/Acme_oauth_defaultPolicy.ecaOauthPlcy-meta.xml',
    ]);
    expect(readFileSync(join(project, 'out', 'extlClntAppOauthPolicies', 'Acme_oauth_defaultPolicy.ecaOauthPlcy-meta.xml'), 'utf8')).toBe(
      readFileSync(join(project, file), 'utf8'),
    );
  });
});

describe('what cannot be imported is refused by name, and nothing is written', () => {
  test('an element newer than API 66.0 that Salesforce documents no version for', () => {
    const project = projectWith('newer');
    const before = snapshotFiles(project);
    const result = runCli(project, ['import', 'in/newer']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'ExtlClntAppGlobalOauthSettings.isDPopEnabled: needs API 67.0 or later, newer than 66.0, the newest this tool renders',
    );
    expect(snapshotFiles(project)).toEqual(before);
  });

  test('a settings file whose header is not among the files', () => {
    const project = projectWith('without-global');
    const result = runCli(project, ['import', 'in/without-global/extlClntAppOauthSettings']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "names the External Client App 'Claude_MCP_Client', whose header (Claude_MCP_Client.eca-meta.xml) is not among the files read",
    );
  });
});
