/**
 * User-facing texts that more than one module says, kept in one place so they say it the same
 * way (and a change of Salesforce's rules is one edit).
 */

/** The Spring '26 change (Salesforce Help, knowledge article 005228017). */
export const CREATION_BLOCKED =
  "since Spring '26 Salesforce blocks creating new connected apps, in Setup and through the Metadata API, unless Salesforce Support enabled it";

/** What a deploy of a connected app that does not exist yet needs: an External Client App, rendered by this command. */
export function externalClientAppAdvice(command: string): string {
  return `new connections need an External Client App: ${command}`;
}

/** `npm run generate -- <args>`, as a user types it. */
export function generateCommandLine(args: readonly (string | undefined)[]): string {
  const given = args.filter((arg): arg is string => arg !== undefined && arg !== '');
  return given.length > 0 ? `npm run generate -- ${given.join(' ')}` : 'npm run generate';
}
