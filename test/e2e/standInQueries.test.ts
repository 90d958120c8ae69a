/**
 * The stand-in org answers SOQL as a real org does for the fields an object lacks: a query on
 * ConnectedApplication naming DeveloperName (the object has Name, the label, and no API name
 * field) is refused with INVALID_FIELD, so code that relies on such a query fails here as it
 * would in a real org.
 */
import { StandInOrg } from '../standin/standInOrg';

const org = new StandInOrg();
let url = '';

beforeAll(async () => {
  url = await org.start(60_000);
});

afterAll(() => org.stop());

async function query(soql: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/services/data/v66.0/tooling/query?q=${encodeURIComponent(soql)}`);
  return { status: response.status, body: await response.json() };
}

test.each([
  ["SELECT Id, DeveloperName FROM ConnectedApplication WHERE DeveloperName = 'Fullcast_Motion_Package'", 'DeveloperName', 12],
  ["SELECT Id FROM ConnectedApplication WHERE MasterLabel = 'Fullcast'", 'MasterLabel', 43],
])('%s is refused with INVALID_FIELD naming the field', async (soql, field, column) => {
  const { status, body } = await query(soql);
  expect(status).toBe(400);
  const [error] = body as { errorCode: string; message: string }[];
  expect(error.errorCode).toBe('INVALID_FIELD');
  expect(error.message).toContain(`No such column '${field}' on entity 'ConnectedApplication'`);
  expect(error.message).toContain(`ERROR at Row:1:Column:${column}`);
});

test('a query on fields the object has is answered', async () => {
  org.reset({ outcome: 'success', existing: 'exists' });
  const { status, body } = await query("SELECT Id, Name FROM ConnectedApplication WHERE Name = 'Fullcast Motion'");
  expect(status).toBe(200);
  expect(body).toMatchObject({ totalSize: 1, records: [{ Name: 'Fullcast Motion' }] });
});
