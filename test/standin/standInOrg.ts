/**
 * A stand-in for a Salesforce org, for end-to-end tests with the real `sf` binary: an HTTP
 * server on 127.0.0.1 (port chosen by the system) that answers the REST calls of
 * `sf org login access-token`, SOQL and Tooling queries, and the SOAP Metadata API
 * `deploy` / `checkDeployStatus` (the requests sf 2.146.3 was seen to make). It unpacks every deploy
 * zip, checks each metadata file is well-formed XML with the right root and namespace, and
 * records what it received. It also holds metadata of its own (`orgFiles`, Metadata API format),
 * which it lists (`listMetadata`) and retrieves (`retrieve` / `checkRetrieveStatus`, a zip built
 * at each retrieve, so a test can change a file "in Setup" between two calls). A scenario
 * scripts the outcome. It stops by itself after its
 * lifetime, and binds the loopback interface only.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Socket } from 'node:net';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { accessToken } from '../helpers/secretShapes';

const ORG_ID = '00D000000000001AAA';
const USER_ID = '005000000000001AAA';
const DEFAULT_USERNAME = 'admin@standin.example.com';
/** The access token tests log in with; it must never appear in any output. */
export const ACCESS_TOKEN = accessToken();
const DEFAULT_DEPLOY_ID = '0Af000000000001AAA';
const RETRIEVE_ID = '09S000000000001AAA';
const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

/** The root element each metadata folder's files must have. */
const ROOT_BY_FOLDER: Record<string, string> = {
  connectedApps: 'ConnectedApp',
  externalClientApps: 'ExternalClientApplication',
  extlClntAppGlobalOauthSets: 'ExtlClntAppGlobalOauthSettings',
  extlClntAppOauthSettings: 'ExtlClntAppOauthSettings',
  extlClntAppOauthPolicies: 'ExtlClntAppOauthConfigurablePolicies',
  extlClntAppPolicies: 'ExtlClntAppConfigurablePolicies',
};

/** One component failure the org reports. */
export interface ScriptedFailure {
  readonly problem: string;
  readonly componentType?: string;
  readonly fullName?: string;
  /** The file in the zip, e.g. `connectedApps/X.connectedApp`. */
  readonly fileName?: string;
  readonly lineNumber?: number;
  readonly columnNumber?: number;
  /** Reported only by a deploy that holds `fileName` (otherwise by every deploy). */
  readonly whenSent?: boolean;
}

/** How the org behaves; tests change it between runs. */
export interface Scenario {
  /**
   * success: every component deployed; componentFailure: status Failed; partial: SucceededPartial;
   * http500: the deploy call answers HTTP 500 with a SOAP fault; hang: checkDeployStatus never
   * answers; drop: checkDeployStatus closes the connection without answering.
   */
  outcome: 'success' | 'componentFailure' | 'partial' | 'http500' | 'hang' | 'drop';
  /** checkDeployStatus answers "InProgress" this many times before the outcome. */
  inProgressPolls?: number;
  failures?: readonly ScriptedFailure[];
  /** Deployed components are reported created (a new app) rather than changed. */
  created?: boolean;
  /** The answer to the Tooling query for existing apps: rows found, none, or an error. */
  existing?: 'exists' | 'absent' | 'error';
  /**
   * The org refuses OAuth policies deployed together with their (new) External Client App:
   * a deploy holding both fails on the policies; one without the app header succeeds.
   */
  policiesNeedApp?: boolean;
  /**
   * How `retrieve` goes: success (the default); refuse: the call answers a SOAP fault
   * (INSUFFICIENT_ACCESS); drop: checkRetrieveStatus closes the connection without answering.
   */
  retrieve?: 'success' | 'refuse' | 'drop';
}

/** The file suffix of each metadata folder (Metadata API format: `<folder>/<name>.<suffix>`). */
const SUFFIX_BY_FOLDER: Record<string, string> = {
  connectedApps: 'connectedApp',
  externalClientApps: 'eca',
  extlClntAppGlobalOauthSets: 'ecaGlblOauth',
  extlClntAppOauthSettings: 'ecaOauth',
  extlClntAppOauthPolicies: 'ecaOauthPlcy',
  extlClntAppPolicies: 'ecaPlcy',
};

/** A component the org holds: its type, name and file path in a retrieve's zip. */
interface OrgComponent {
  readonly type: string;
  readonly fullName: string;
  readonly fileName: string;
}

/** `connectedApps/A.connectedApp` → its component, or undefined for a path of no known folder. */
function componentOf(fileName: string): OrgComponent | undefined {
  const [folder, file] = fileName.split('/');
  const suffix = SUFFIX_BY_FOLDER[folder];
  if (!suffix || !file?.endsWith(`.${suffix}`)) return undefined;
  return { type: ROOT_BY_FOLDER[folder], fullName: file.slice(0, -suffix.length - 1), fileName };
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const POLICY_FOLDERS = ['extlClntAppOauthPolicies', 'extlClntAppPolicies'];

/**
 * The fields of ConnectedApplication, as Salesforce's field reference for the object lists them
 * (Object Reference for the Salesforce Platform, ConnectedApplication): `Name` is the app's
 * label and there is no `DeveloperName`. A query naming another field is refused as an org does.
 */
const CONNECTED_APPLICATION_FIELDS = new Set(
  [
    'Id',
    'Name',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate',
    'SystemModstamp',
    'MobileSessionTimeout',
    'MobileStartUrl',
    'NamedUserUvidTimeout',
    'OptionsAllowAdminApprovedUsersOnly',
    'OptionsAllowExpiredUvidJWT',
    'OptionsCodeCredentialGuestEnabled',
    'OptionsFullContentPushNotifications',
    'OptionsHasSessionLevelPolicy',
    'OptionsIsInternal',
    'OptionsRefreshTokenValidityMetric',
    'OptionsTokenExchangeManageBitEnabled',
    'PinLength',
    'RefreshTokenValidityPeriod',
    'StartUrl',
  ].map((field) => field.toLowerCase()),
);

/** The fields a simple SOQL query names: its SELECT list and the left side of each WHERE comparison. */
function fieldsNamed(soql: string): string[] {
  const selected = (/SELECT\s+(.*?)\s+FROM/is.exec(soql)?.[1] ?? '').split(',').map((field) => field.trim());
  const where = /\bWHERE\s+(.*)$/is.exec(soql)?.[1] ?? '';
  const compared = [...where.matchAll(/([A-Za-z_][\w.]*)\s*(?:=|!=|<>|<=|>=|<|>|\s+LIKE\b|\s+IN\b)/gi)].map((match) => match[1]);
  return [...selected, ...compared].filter((field) => field !== '' && !/^(AND|OR|NOT)$/i.test(field));
}

/** Counts the deploys in progress across stand-ins, from the deploy call to its final status. */
export class InFlightGauge {
  current = 0;
  peak = 0;

  start(): void {
    this.current += 1;
    this.peak = Math.max(this.peak, this.current);
  }

  end(): void {
    this.current = Math.max(0, this.current - 1);
  }
}

/** What tells stand-ins serving one test apart. */
export interface StandInOptions {
  /** The newest API version the org advertises (`/services/data`); default 66.0. */
  readonly apiVersion?: string;
  /** The org user's name; sf keys its authorizations by it, so each org of a fleet needs its own. */
  readonly username?: string;
  readonly deployId?: string;
  /** Shared by several stand-ins to measure how many deploys are in flight at once. */
  readonly gauge?: InFlightGauge;
}

/** One deploy call as the org received it. */
export interface ReceivedDeploy {
  readonly checkOnly: boolean;
  readonly singlePackage: boolean;
  /** Every file of the zip by path, as bytes. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Problems found in the metadata files: malformed XML, wrong root or namespace. */
  readonly problems: readonly string[];
}

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly body: string;
}

const soap = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="${METADATA_NAMESPACE}"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;

const xmlParser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, removeNSPrefix: true });

function inspectMetadata(path: string, bytes: Uint8Array): string[] {
  const folder = path.split('/')[0];
  const expectedRoot = ROOT_BY_FOLDER[folder];
  if (!expectedRoot) return [];
  const text = Buffer.from(bytes).toString('utf8');
  const valid = XMLValidator.validate(text);
  if (valid !== true) return [`${path}: not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`];
  const document = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(text) as Record<string, Record<string, string>>;
  const roots = Object.keys(document).filter((key) => key !== '?xml');
  if (roots.length !== 1 || roots[0] !== expectedRoot) return [`${path}: root element is ${roots.join(', ')}, expected ${expectedRoot}`];
  if (document[expectedRoot]['@_xmlns'] !== METADATA_NAMESPACE) return [`${path}: root element is not in the metadata namespace`];
  return [];
}

export class StandInOrg {
  scenario: Scenario = { outcome: 'success', existing: 'exists' };
  readonly deploys: ReceivedDeploy[] = [];
  readonly requests: LoggedRequest[] = [];
  /** The org's metadata by path in Metadata API format (`connectedApps/A.connectedApp` → its XML). */
  readonly orgFiles = new Map<string, string>();
  /** The members of each retrieve asked, by type. */
  readonly retrieves: Map<string, string[]>[] = [];
  private readonly sockets = new Set<Socket>();
  private server?: Server;
  private polls = 0;
  private lifetime?: NodeJS.Timeout;
  private inFlight = false;
  private readonly apiVersion: string;
  readonly username: string;
  private readonly deployId: string;
  private readonly gauge?: InFlightGauge;

  constructor(options: StandInOptions = {}) {
    this.apiVersion = options.apiVersion ?? '66.0';
    this.username = options.username ?? DEFAULT_USERNAME;
    this.deployId = options.deployId ?? DEFAULT_DEPLOY_ID;
    this.gauge = options.gauge;
  }

  /** Starts listening on 127.0.0.1; resolves to the base URL. Stops by itself after `lifetimeMs`. */
  async start(lifetimeMs = 10 * 60 * 1000): Promise<string> {
    this.server = createServer((request, response) => this.handle(request, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.lifetime = setTimeout(() => void this.stop(), lifetimeMs);
    this.lifetime.unref();
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    if (this.lifetime) clearTimeout(this.lifetime);
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server?.listening ? this.server.close(() => resolve()) : resolve()));
  }

  /** Forgets what was received and resets the scenario. */
  reset(scenario: Scenario): void {
    this.scenario = scenario;
    this.deploys.length = 0;
    this.requests.length = 0;
    this.retrieves.length = 0;
    this.polls = 0;
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL((request.url ?? '/').replace(/^\/+/, '/'), 'http://127.0.0.1');
      this.requests.push({
        method: request.method ?? 'GET',
        path: url.pathname + url.search,
        authorization: request.headers.authorization,
        body,
      });
      if (url.pathname.startsWith('/services/Soap/m/')) this.soap(body, response);
      else this.rest(url, response);
    });
  }

  private json(response: ServerResponse, status: number, value: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(value));
  }

  private rest(url: URL, response: ServerResponse): void {
    const path = url.pathname;
    const query = url.searchParams.get('q') ?? '';
    if (path === '/services/oauth2/userinfo') {
      return this.json(response, 200, {
        user_id: USER_ID,
        organization_id: ORG_ID,
        preferred_username: this.username,
        email: this.username,
      });
    }
    if (/^\/services\/data\/v[\d.]+\/sobjects\/User\//.test(path))
      return this.json(response, 200, { Id: USER_ID, Username: this.username });
    if (path === '/services/data' || path === '/services/data/') {
      return this.json(response, 200, [{ version: this.apiVersion, label: 'Stand-in', url: `/services/data/v${this.apiVersion}` }]);
    }
    if (/\/query\/?$/.test(path) && url.searchParams.get('columns') === 'true') return this.columns(query, response);
    if (/\/query\/?$/.test(path)) return this.query(query, path.includes('/tooling/'), response);
    if (/\/describe\/?$/.test(path))
      return this.json(response, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    return this.json(response, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
  }

  /** The column metadata `sf data query` asks for (`&columns=true`) to lay out its result. */
  private columns(soql: string, response: ServerResponse): void {
    const fields = (/SELECT\s+(.*?)\s+FROM/i.exec(soql)?.[1] ?? 'Id').split(',').map((field) => field.trim());
    const columnMetadata = fields.map((columnName) => ({
      aggregate: false,
      apexType: 'String',
      booleanType: false,
      columnName,
      custom: false,
      displayName: columnName,
      foreignKeyName: null,
      insertable: false,
      joinColumns: [],
      numberType: false,
      textType: true,
      updatable: false,
    }));
    this.json(response, 200, {
      columnMetadata,
      entityName: /FROM\s+(\w+)/i.exec(soql)?.[1] ?? '',
      groupBy: false,
      idSelected: true,
      keyPrefix: null,
    });
  }

  private query(soql: string, tooling: boolean, response: ServerResponse): void {
    const records = (rows: object[]) => this.json(response, 200, { totalSize: rows.length, done: true, records: rows });
    if (/FROM ScratchOrgInfo/i.test(soql)) {
      return this.json(response, 400, [{ errorCode: 'INVALID_TYPE', message: "sObject type 'ScratchOrgInfo' is not supported." }]);
    }
    if (/FROM Organization/i.test(soql)) {
      return records([
        {
          attributes: { type: 'Organization' },
          Name: 'Stand-in Org',
          InstanceName: 'NA1',
          IsSandbox: false,
          TrialExpirationDate: null,
          NamespacePrefix: null,
          OrganizationType: 'Developer Edition',
        },
      ]);
    }
    if (/FROM ConnectedApplication\b/i.test(soql)) {
      const unknown = fieldsNamed(soql).find((field) => !CONNECTED_APPLICATION_FIELDS.has(field.toLowerCase()));
      if (unknown !== undefined) return this.invalidField(soql, unknown, 'ConnectedApplication', response);
      if (this.scenario.existing === 'error')
        return this.json(response, 400, [{ errorCode: 'INVALID_TYPE', message: 'sObject type is not supported.' }]);
      const name = /\bName\s*=\s*'([^']*)'/i.exec(soql)?.[1] ?? 'App';
      return records(
        this.scenario.existing === 'absent' ? [] : [{ attributes: { type: 'ConnectedApplication' }, Id: '0H4000000000001AAA', Name: name }],
      );
    }
    if (tooling || /FROM SandboxProcess/i.test(soql)) return records([]);
    return records([]);
  }

  /** A real org's answer to a query naming a field its object lacks (HTTP 400, INVALID_FIELD). */
  private invalidField(soql: string, field: string, entity: string, response: ServerResponse): void {
    const column = soql.search(new RegExp(`\\b${field.replace(/[.]/g, '\\.')}\\b`)) + 1;
    const message = `\n${soql}\n${' '.repeat(Math.max(0, column - 1))}^\nERROR at Row:1:Column:${column}\nNo such column '${field}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`;
    this.json(response, 400, [{ message, errorCode: 'INVALID_FIELD' }]);
  }

  private soap(body: string, response: ServerResponse): void {
    const envelope = xmlParser.parse(body) as { Envelope?: { Body?: Record<string, unknown> } };
    const operation = Object.keys(envelope.Envelope?.Body ?? {})[0];
    if (operation === 'deploy') return this.deploy(envelope.Envelope?.Body?.deploy as Record<string, unknown>, response);
    if (operation === 'checkDeployStatus') return this.checkDeployStatus(response);
    if (operation === 'listMetadata') return this.listMetadata(envelope.Envelope?.Body?.listMetadata as Record<string, unknown>, response);
    if (operation === 'retrieve') return this.retrieve(envelope.Envelope?.Body?.retrieve as Record<string, unknown>, response);
    if (operation === 'checkRetrieveStatus') return this.checkRetrieveStatus(response);
    response.writeHead(500, { 'content-type': 'text/xml' });
    response.end(
      soap(
        `<soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>stand-in: unsupported operation ${operation}</faultstring></soapenv:Fault>`,
      ),
    );
  }

  private soapFault(response: ServerResponse, fault: string): void {
    response.writeHead(500, { 'content-type': 'text/xml' });
    response.end(
      soap(`<soapenv:Fault><faultcode>sf:${fault.split(':')[0]}</faultcode><faultstring>${xmlText(fault)}</faultstring></soapenv:Fault>`),
    );
  }

  private components(): OrgComponent[] {
    return [...this.orgFiles.keys()].map(componentOf).filter((component): component is OrgComponent => component !== undefined);
  }

  /** `listMetadata`: the org's components of the queried types, as fileProperties. */
  private listMetadata(call: Record<string, unknown>, response: ServerResponse): void {
    const queries = ([] as unknown[]).concat(call.queries ?? []) as { type?: string }[];
    const types = new Set(queries.map((query) => String(query.type)));
    const results = this.components()
      .filter((component) => types.has(component.type))
      .map(
        (component) =>
          `<result><createdById>${USER_ID}</createdById><createdByName>Admin</createdByName><createdDate>2026-01-01T00:00:00.000Z</createdDate><fileName>${xmlText(component.fileName)}</fileName><fullName>${xmlText(component.fullName)}</fullName><id>0H4000000000001AAA</id><lastModifiedById>${USER_ID}</lastModifiedById><lastModifiedByName>Admin</lastModifiedByName><lastModifiedDate>2026-01-01T00:00:00.000Z</lastModifiedDate><manageableState>unmanaged</manageableState><type>${component.type}</type></result>`,
      )
      .join('');
    response.writeHead(200, { 'content-type': 'text/xml' });
    response.end(soap(`<listMetadataResponse>${results}</listMetadataResponse>`));
  }

  /** `retrieve`: records the members asked for by type; refused when the scenario says so. */
  private retrieve(call: Record<string, unknown>, response: ServerResponse): void {
    const request = (Object.values(call ?? {}).find((value) => typeof value === 'object') ?? {}) as Record<string, unknown>;
    const unpackaged = (request.unpackaged ?? {}) as { types?: unknown };
    const asked = new Map<string, string[]>();
    for (const entry of ([] as unknown[]).concat(unpackaged.types ?? []) as { name?: string; members?: unknown }[]) {
      asked.set(String(entry.name), ([] as unknown[]).concat(entry.members ?? []).map(String));
    }
    this.retrieves.push(asked);
    this.polls = 0;
    if (this.scenario.retrieve === 'refuse') {
      return this.soapFault(
        response,
        'INSUFFICIENT_ACCESS: use of the Metadata API requires a user with the ModifyAllData or ModifyMetadata permissions',
      );
    }
    response.writeHead(200, { 'content-type': 'text/xml' });
    response.end(
      soap(`<retrieveResponse><result><done>false</done><id>${RETRIEVE_ID}</id><state>Queued</state></result></retrieveResponse>`),
    );
  }

  /** `checkRetrieveStatus`: the zip of the asked members the org holds, and a message for each it does not. */
  private checkRetrieveStatus(response: ServerResponse): void {
    if (this.scenario.retrieve === 'drop') {
      response.socket?.destroy();
      return;
    }
    const asked = this.retrieves[this.retrieves.length - 1] ?? new Map<string, string[]>();
    const held = this.components();
    const found: OrgComponent[] = [];
    const messages: string[] = [];
    for (const [type, members] of asked) {
      for (const member of members) {
        const matches = held.filter((component) => component.type === type && (member === '*' || component.fullName === member));
        if (matches.length === 0 && member !== '*') {
          messages.push(
            `<messages><fileName>unpackaged/package.xml</fileName><problem>Entity of type &apos;${xmlText(type)}&apos; named &apos;${xmlText(member)}&apos; cannot be found</problem></messages>`,
          );
        }
        found.push(...matches);
      }
    }
    const manifest = `<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="${METADATA_NAMESPACE}">\n${[...asked]
      .map(
        ([type, members]) =>
          `    <types>\n${members.map((member) => `        <members>${xmlText(member)}</members>\n`).join('')}        <name>${type}</name>\n    </types>\n`,
      )
      .join('')}    <version>${this.apiVersion}</version>\n</Package>\n`;
    const zip = zipSync({
      'unpackaged/package.xml': strToU8(manifest),
      ...Object.fromEntries(
        found.map((component) => [`unpackaged/${component.fileName}`, strToU8(this.orgFiles.get(component.fileName) ?? '')]),
      ),
    });
    const fileProperties = found
      .map(
        (component) =>
          `<fileProperties><createdById>${USER_ID}</createdById><createdByName>Admin</createdByName><createdDate>2026-01-01T00:00:00.000Z</createdDate><fileName>unpackaged/${xmlText(component.fileName)}</fileName><fullName>${xmlText(component.fullName)}</fullName><id>0H4000000000001AAA</id><lastModifiedById>${USER_ID}</lastModifiedById><lastModifiedByName>Admin</lastModifiedByName><lastModifiedDate>2026-01-01T00:00:00.000Z</lastModifiedDate><manageableState>unmanaged</manageableState><type>${component.type}</type></fileProperties>`,
      )
      .join('');
    response.writeHead(200, { 'content-type': 'text/xml' });
    response.end(
      soap(
        `<checkRetrieveStatusResponse><result><done>true</done>${fileProperties}<id>${RETRIEVE_ID}</id>${messages.join('')}<status>Succeeded</status><success>true</success><zipFile>${Buffer.from(zip).toString('base64')}</zipFile></result></checkRetrieveStatusResponse>`,
      ),
    );
  }

  private deploy(call: Record<string, unknown>, response: ServerResponse): void {
    const options = (call.DeployOptions ?? {}) as Record<string, string>;
    const zip = unzipSync(Buffer.from(typeof call.ZipFile === 'string' ? call.ZipFile : '', 'base64'));
    const files = new Map(Object.entries(zip).filter(([path]) => !path.endsWith('/')));
    const problems = [...files].flatMap(([path, bytes]) => inspectMetadata(path, bytes));
    this.deploys.push({ checkOnly: options.checkOnly === 'true', singlePackage: options.singlePackage === 'true', files, problems });
    this.polls = 0;
    if (this.scenario.outcome === 'http500') {
      response.writeHead(500, { 'content-type': 'text/xml' });
      response.end(
        soap(
          '<soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>UNKNOWN_EXCEPTION: An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)</faultstring></soapenv:Fault>',
        ),
      );
      return;
    }
    if (!this.inFlight) this.gauge?.start();
    this.inFlight = true;
    response.writeHead(200, { 'content-type': 'text/xml' });
    response.end(
      soap(`<deployResponse><result><done>false</done><id>${this.deployId}</id><state>Queued</state></result></deployResponse>`),
    );
  }

  private componentXml(): { successes: string; failures: string; total: number; errors: number } {
    const deploy = this.deploys[this.deploys.length - 1];
    const components = [...(deploy?.files.keys() ?? [])].filter((path) => path !== 'package.xml');
    const scripted = (this.scenario.failures ?? []).filter((failure) => !failure.whenSent || components.includes(failure.fileName ?? ''));
    const failures =
      this.scenario.outcome === 'componentFailure' || this.scenario.outcome === 'partial' ? scripted : this.policyFailures(components);
    const failedFiles = new Set(failures.map((failure) => failure.fileName));
    const created = this.scenario.created ?? false;
    const successes = components
      .filter((path) => !failedFiles.has(path))
      .map((path) => {
        const [folder, file] = path.split('/');
        const fullName = file.slice(0, file.indexOf('.'));
        return `<componentSuccesses><changed>${!created}</changed><componentType>${ROOT_BY_FOLDER[folder] ?? ''}</componentType><created>${created}</created><deleted>false</deleted><fileName>${path}</fileName><fullName>${fullName}</fullName><success>true</success></componentSuccesses>`;
      })
      .join('');
    const failureXml = failures
      .map(
        (failure) =>
          `<componentFailures><changed>false</changed>${failure.columnNumber ? `<columnNumber>${failure.columnNumber}</columnNumber>` : ''}<componentType>${failure.componentType ?? 'ConnectedApp'}</componentType><created>false</created><deleted>false</deleted><fileName>${failure.fileName ?? ''}</fileName><fullName>${failure.fullName ?? ''}</fullName>${failure.lineNumber ? `<lineNumber>${failure.lineNumber}</lineNumber>` : ''}<problem>${failure.problem.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&apos;')}</problem><problemType>Error</problemType><success>false</success></componentFailures>`,
      )
      .join('');
    return { successes, failures: failureXml, total: components.length, errors: failures.length };
  }

  /** With `policiesNeedApp`: a failure for each policies file deployed with its app's header. */
  private policyFailures(components: readonly string[]): ScriptedFailure[] {
    if (!this.scenario.policiesNeedApp || !components.some((path) => path.startsWith('externalClientApps/'))) return [];
    return components
      .filter((path) => POLICY_FOLDERS.includes(path.split('/')[0]))
      .map((path) => {
        const [folder, file] = path.split('/');
        return {
          problem: 'INVALID_CROSS_REFERENCE_KEY: invalid cross reference id: the external client app does not exist',
          componentType: ROOT_BY_FOLDER[folder],
          fullName: file.slice(0, file.indexOf('.')),
          fileName: path,
        };
      });
  }

  private checkDeployStatus(response: ServerResponse): void {
    const { outcome, inProgressPolls = 0 } = this.scenario;
    this.polls += 1;
    if (this.polls <= inProgressPolls) {
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end(
        soap(
          `<checkDeployStatusResponse><result><done>false</done><id>${this.deployId}</id><numberComponentErrors>0</numberComponentErrors><numberComponentsDeployed>0</numberComponentsDeployed><numberComponentsTotal>1</numberComponentsTotal><status>InProgress</status><success>false</success></result></checkDeployStatusResponse>`,
        ),
      );
      return;
    }
    if (outcome === 'hang') return; // never answer: the client's wait runs out
    if (outcome === 'drop') {
      response.socket?.destroy();
      return;
    }
    const { successes, failures, total, errors } = this.componentXml();
    if (this.inFlight) this.gauge?.end();
    this.inFlight = false;
    const status = errors === 0 ? 'Succeeded' : outcome === 'partial' ? 'SucceededPartial' : 'Failed';
    const checkOnly = this.deploys[this.deploys.length - 1]?.checkOnly ?? false;
    response.writeHead(200, { 'content-type': 'text/xml' });
    response.end(
      soap(
        `<checkDeployStatusResponse><result><checkOnly>${checkOnly}</checkOnly><details>${failures}${successes}</details><done>true</done><id>${this.deployId}</id><numberComponentErrors>${errors}</numberComponentErrors><numberComponentsDeployed>${total - errors}</numberComponentsDeployed><numberComponentsTotal>${total}</numberComponentsTotal><status>${status}</status><success>${status !== 'Failed'}</success></result></checkDeployStatusResponse>`,
      ),
    );
  }
}
