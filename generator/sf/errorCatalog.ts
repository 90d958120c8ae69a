/**
 * Known deploy problems, as data: what Salesforce (or the connection to it) says, and the
 * action an admin can take. Sources: the problem texts Salesforce and sf print (sf's own
 * messages, Salesforce Help and public issue threads of the Salesforce CLI). The first matching entry wins.
 */
import { CREATION_BLOCKED, externalClientAppAdvice, generateCommandLine } from '../messages';

export interface KnownProblem {
  /** A stable name for the problem, printed and in --json. */
  readonly code: string;
  /** Matches Salesforce's problem text (or sf's error message). */
  readonly pattern: RegExp;
  /** What to do, in one or two sentences. */
  readonly action: string;
}

export const KNOWN_PROBLEMS: readonly KnownProblem[] = [
  {
    code: 'ConsumerKeyProvided',
    pattern: /you cannot provide a consumer key/i,
    action:
      'Remove <consumerKey> from the file: Salesforce generates the key when it creates the app and it cannot be set. Files generated here never carry one; run npm run generate.',
  },
  {
    code: 'ConsumerKeyTaken',
    pattern: /consumer key is already taken/i,
    action:
      'The file carries a consumer key another app already uses; remove <consumerKey> and let Salesforce generate one (npm run generate writes files without it).',
  },
  {
    code: 'ConnectedAppCreationBlocked',
    // Salesforce publishes no error text (Help article 005228017, "New Connected Apps Can No Longer Be
    // Created in Spring '26", quotes none): any refusal to create a connected app.
    pattern: /^(?=.*connected app)(?=.*\bcreat)(?=.*(not allowed|blocked|disabled|can ?not|can't|no longer|isn't|not permitted|unable))/is,
    action: `${CREATION_BLOCKED.charAt(0).toUpperCase()}${CREATION_BLOCKED.slice(1)}: ${externalClientAppAdvice(generateCommandLine(['--kind', 'external-client-app']))}, or ask Salesforce Support to enable connected-app creation.`,
  },
  {
    code: 'ExternalClientAppsNotEnabled',
    pattern:
      /^(?=.*(external client app|ExtlClntApp|consumer secrets?))(?=.*(not enabled|isn't enabled|disabled|turn on|must enable|not available|opt in|not allowed))/is,
    action:
      'Turn on External Client Apps for the org (Setup → External Client Apps → External Client App Settings), allow access to consumer secrets through the Metadata API for the global OAuth settings file, and give the deploying user "View External Client Apps Consumer Secrets in Metadata".',
  },
  {
    code: 'OAuthPoliciesDuplicate',
    pattern: /ExtlClntAppOauthSettingsId duplicates value|DUPLICATE_VALUE.*ExtlClntApp/is,
    action:
      'An External Client App has one OAuth policies record, and the org holds it under another name: keep the name <App>_oauthPlcy and delete the other record in Setup, or retrieve its name.',
  },
  {
    code: 'InsufficientAccess',
    pattern: /INSUFFICIENT_ACCESS|insufficient access|insufficient privileges|do(es)? not have (the )?(necessary )?permission/i,
    action:
      'The deploying user needs Customize Application and Manage Connected Apps (or Modify All Data); for External Client Apps also "View all External Client Apps, view their settings, and edit their policies".',
  },
  {
    code: 'InvalidValueOrField',
    pattern:
      /not a valid value for the enum|invalid at this location|Element \{[^}]*\}\w+ invalid|Error parsing file|INVALID_FIELD|INVALID_TYPE|not valid for (the )?API version|bad value for restricted picklist/i,
    action:
      "The org does not accept this element or value: render for the org's API version (npm run generate -- --api-version NN.0) or correct the value in the template.",
  },
  {
    code: 'DuplicateValue',
    pattern:
      /DUPLICATE_VALUE|duplicate value found|DUPLICATE_DEVELOPER_NAME|duplicate developer name|already exists|already in use|name is already/i,
    action:
      'Another component in the org already uses this name or value: change apiName (or the label) in the template, or remove the other component in Setup.',
  },
  {
    code: 'NameMismatch',
    pattern: /INVALID_CROSS_REFERENCE_KEY|does not match|name mismatch|FIELD_INTEGRITY_EXCEPTION/i,
    action:
      'The names in the files disagree with each other or with the org: regenerate with npm run generate instead of renaming files by hand.',
  },
  {
    code: 'SessionExpired',
    pattern: /INVALID_SESSION_ID|Session expired|expired access\/refresh token|invalid_grant/i,
    action:
      'The org session has expired: log in again (npx sf org login web --alias <alias>, or the JWT login in CI) and re-run the deploy.',
  },
  {
    code: 'SalesforceInternalError',
    pattern: /UNKNOWN_EXCEPTION|unexpected error occurred/i,
    action: 'Salesforce failed internally: try again later; if it persists, give Salesforce Support the ErrorId from the message.',
  },
  {
    code: 'ConnectionFailed',
    pattern: /ECONNRESET|ECONNREFUSED|ETIMEDOUT|ENOTFOUND|socket hang up|fetch failed|other side closed|network|terminated/i,
    action:
      'The connection to the org failed: check the network and the instance URL, then re-run. The deploy may have started anyway: npx sf project deploy report --target-org <alias> shows it.',
  },
];

/** The known problem `text` is, if any. */
export function explainProblem(text: string): KnownProblem | undefined {
  return KNOWN_PROBLEMS.find((problem) => problem.pattern.test(text));
}
