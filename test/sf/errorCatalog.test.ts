import { KNOWN_PROBLEMS, explainProblem } from '../../generator/sf/errorCatalog';

describe('the catalog of known deploy problems', () => {
  test.each([
    ['You cannot provide a Consumer Key', 'ConsumerKeyProvided'],
    ['Postman of Type ConnectedApp failed to deploy due to The consumer key is already taken.', 'ConsumerKeyTaken'],
    ['Creating new connected apps is not allowed in this org', 'ConnectedAppCreationBlocked'],
    ['You can no longer create a new connected app', 'ConnectedAppCreationBlocked'],
    ['INSUFFICIENT_ACCESS_OR_READONLY: insufficient access rights on cross-reference id', 'InsufficientAccess'],
    ["'NOT_A_VALUE' is not a valid value for the enum 'ConnectedAppIpRelaxation'", 'InvalidValueOrField'],
    [
      'Error parsing file: Element {http://soap.sforce.com/2006/04/metadata}isDPopEnabled invalid at this location in type ConnectedAppOauthConfig',
      'InvalidValueOrField',
    ],
    ['DUPLICATE_VALUE: ExtlClntAppOauthSettingsId duplicates value on record', 'OAuthPoliciesDuplicate'],
    ['DUPLICATE_VALUE: duplicate value found: DeveloperName duplicates value on record', 'DuplicateValue'],
    ['External Client Apps are not enabled in this org', 'ExternalClientAppsNotEnabled'],
    ['INVALID_CROSS_REFERENCE_KEY: invalid cross reference id', 'NameMismatch'],
    ['INVALID_SESSION_ID: Session expired or invalid', 'SessionExpired'],
    ['UNKNOWN_EXCEPTION: An unexpected error occurred. ErrorId: 123', 'SalesforceInternalError'],
    ['Metadata API request failed: fetch failed', 'ConnectionFailed'],
  ])('%j → %s', (text, code) => {
    expect(explainProblem(text)?.code).toBe(code);
  });

  test('an unknown problem gets no invented action', () => {
    expect(explainProblem('The sky is green')).toBeUndefined();
  });

  test('every entry has a code and a one- or two-sentence action', () => {
    for (const problem of KNOWN_PROBLEMS) {
      expect(problem.code).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(problem.action.split(/[.!?] /).length).toBeLessThanOrEqual(3);
    }
    expect(new Set(KNOWN_PROBLEMS.map((problem) => problem.code)).size).toBe(KNOWN_PROBLEMS.length);
  });
});
