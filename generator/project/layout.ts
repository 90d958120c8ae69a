/**
 * Where things live in a project: the default template, the folder that holds the renderings of
 * environments other than production, and paths as the tool shows them (project-relative, `/`).
 */
import { join, relative, sep } from 'node:path';
import type { ProjectSettings } from './settings';
import type { SfdxProject } from './sfdxProject';

/** The template `--app` means when neither the flag nor connected-app.json names one. */
export const DEFAULT_TEMPLATE = 'fullcast-motion-package';

/** Folder holding the renderings of every environment but production. */
const ENVIRONMENTS_FOLDER = 'environments';

/** A path with `/` separators, as git and the Salesforce CLI show it. */
export const toPosix = (path: string): string => path.split(sep).join('/');

/** `path` relative to the project root, `/`-separated ('.' for the root itself). */
export function projectPath(project: SfdxProject, path: string): string {
  return toPosix(relative(project.root, path)) || '.';
}

/** The template a command works on: `--app`, else `defaultApp` in connected-app.json, else the built-in one. */
export function chosenTemplate(app: string | undefined, settings: ProjectSettings): string {
  return app ?? settings.defaultApp ?? DEFAULT_TEMPLATE;
}

/** The environment names that mean production when connected-app.json does not name it. */
const PRODUCTION_NAMES = ['prod', 'production'];

/**
 * Whether `environment` is production, whose files go to the default package directory (where a
 * plain `sf project deploy start` takes them): the one connected-app.json names, else one named
 * prod or production. Every other environment, a template's only one included, is not.
 */
export function isProduction(environment: string, settings: ProjectSettings): boolean {
  return settings.production !== undefined ? environment === settings.production : PRODUCTION_NAMES.includes(environment);
}

/** The folders that hold the project's metadata: its package directories and environments/. */
export function metadataFolders(project: SfdxProject): string[] {
  return [...project.packageDirectories.map((directory) => join(project.root, directory)), join(project.root, ENVIRONMENTS_FOLDER)];
}

/** The folder receiving an environment's type folders: the default package directory for production, else environments/<env>. */
export function environmentFolder(project: SfdxProject, environment: string, production: boolean): string {
  return production
    ? join(project.root, project.defaultPackageDirectory, 'main', 'default')
    : join(project.root, ENVIRONMENTS_FOLDER, environment);
}
