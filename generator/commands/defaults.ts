/** Flag defaults that the commands apply and the command line's help states, defined once. */

/** sf's default wait for a deploy, in minutes (`sf project deploy start --wait`). */
export const DEFAULT_WAIT_MINUTES = 33;

/** The environment an import puts the app's values under. */
export const DEFAULT_IMPORT_ENVIRONMENT = 'default';

/** Orgs a fleet run serves at once (`--concurrency`): sf's start-up is CPU-bound, so a few per machine. */
export const DEFAULT_CONCURRENCY = 4;
