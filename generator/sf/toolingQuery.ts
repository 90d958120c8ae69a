/**
 * A Tooling API query with the Salesforce CLI's own library (@salesforce/core, the version the
 * pinned CLI uses) and the authorization sf stored for the org. It runs in this process, next
 * to the sf deploy, instead of as a second `sf data query`: that process's start-up made each
 * deploy half again as slow (npm run bench). The token never leaves the library.
 */
export interface QueryResult {
  readonly records: readonly Record<string, unknown>[];
}

export async function toolingQuery(username: string, soql: string): Promise<QueryResult> {
  const { AuthInfo, Connection } = require('@salesforce/core') as typeof import('@salesforce/core');
  const authInfo = await AuthInfo.create({ username });
  const connection = await Connection.create({ authInfo });
  const result = await connection.tooling.query<Record<string, unknown>>(soql);
  return { records: result.records };
}
