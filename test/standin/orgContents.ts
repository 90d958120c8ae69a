/**
 * What the stand-in org holds for the tests that read an org (import --target-org, diff): three
 * ConnectedApps and one complete External Client App set, in Metadata API format, each carrying a
 * fake consumer key as a real retrieve would. Assembled at test time, never copied into the
 * project: the ConnectedApps are real retrieved files from ../shared/corpus when it is there, and
 * otherwise renderings of the project's own template; the External Client App is the packaged set
 * of test/fixtures/eca.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderApp } from '../../generator/render/index';
import { corpusFiles } from '../helpers/corpus';
import { fullcastApp } from '../helpers/fullcast';
import { CORPUS_DIR, REPO_ROOT } from '../helpers/paths';
import { element } from '../helpers/secretShapes';

/** A consumer key's shape (`3MVG9` and 80 characters), put together at run time. */
export const FAKE_CONSUMER_KEY = ['3MVG9', 'StandInConsumerKey'.padEnd(80, 'x')].join('');

export interface OrgContents {
  /** Metadata API path (`connectedApps/A.connectedApp`) → text. */
  readonly files: Map<string, string>;
  /** The ConnectedApps' API names. */
  readonly connectedApps: readonly string[];
  readonly externalClientApp: string;
  /** Where the ConnectedApps came from, for the test's name. */
  readonly source: string;
}

/** The text with a consumer key after the last of `after` elements it has (where a retrieve places it). */
function withConsumerKey(text: string, after: readonly string[]): string {
  if (text.includes('<consumerKey>')) return text;
  const name = [...after].reverse().find((candidate) => text.includes(`</${candidate}>`));
  if (!name) return text;
  const open = text.indexOf(`<${name}>`);
  const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', open) + 1))?.[0] ?? '';
  const end = text.indexOf('\n', text.indexOf(`</${name}>`)) + 1;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  return `${text.slice(0, end)}${indent}${element('consumerKey', FAKE_CONSUMER_KEY)}${newline}${text.slice(end)}`;
}

const API_NAME = /^([A-Za-z][A-Za-z0-9_]*)\.connectedApp(-meta\.xml)?$/;

/** Three retrieved ConnectedApps of the corpus (name → text), or undefined without the corpus. */
function corpusConnectedApps(): Map<string, string> | undefined {
  if (!existsSync(join(CORPUS_DIR, 'connectedApp'))) return undefined;
  const apps = new Map<string, string>();
  for (const file of corpusFiles(CORPUS_DIR, 'connectedApp')) {
    const name = API_NAME.exec(file.originalName)?.[1];
    if (!file.retrieveShaped || !name || apps.has(name) || name === 'Fullcast_Motion_Package' || !file.text.includes('</callbackUrl>'))
      continue;
    apps.set(name, file.text);
    if (apps.size === 3) break;
  }
  return apps.size === 3 ? apps : undefined;
}

/** Three ConnectedApps rendered from the project's own template under other names. */
function renderedConnectedApps(): Map<string, string> {
  return new Map(
    ['Acme_Sync', 'Acme_Reports', 'Acme_Mobile'].map((apiName) => {
      const [file] = renderApp({ ...fullcastApp('prod', 62, { label: apiName.replace('_', ' ') }), apiName });
      return [apiName, file.content];
    }),
  );
}

export function orgContents(): OrgContents {
  const corpus = corpusConnectedApps();
  const connectedApps = corpus ?? renderedConnectedApps();
  const files = new Map<string, string>();
  for (const [name, text] of connectedApps) {
    files.set(`connectedApps/${name}.connectedApp`, withConsumerKey(text, ['callbackUrl', 'certificate']));
  }
  const fixture = join(REPO_ROOT, 'test', 'fixtures', 'eca', 'packaged');
  for (const folder of readdirSync(fixture)) {
    for (const name of readdirSync(join(fixture, folder))) {
      const text = readFileSync(join(fixture, folder, name), 'utf8');
      const path = `${folder}/${name.replace(/-meta\.xml$/, '')}`;
      files.set(path, folder === 'extlClntAppGlobalOauthSets' ? withConsumerKey(text, ['callbackUrl', 'certificate']) : text);
    }
  }
  return {
    files,
    connectedApps: [...connectedApps.keys()],
    externalClientApp: 'Partner_Connector',
    source: corpus
      ? 'three retrieved ConnectedApps of ../shared/corpus'
      : 'three ConnectedApps rendered by the project (../shared/corpus is absent)',
  };
}
