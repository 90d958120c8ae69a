/**
 * Reading `sf project deploy start --json`: the result (shape of plugin-deploy-retrieve's
 * DeployResultJson) is printed on success and on failure alike; component failures are in
 * `files[]` and in `details.componentFailures`, which is one object or a list.
 */
import { relative, sep } from 'node:path';
import { EXIT_CODES } from '../errors';
import { explainProblem } from './errorCatalog';
import { redactSecrets } from '../secrets/redact';
import type { SfRun } from './runSf';

/** Each deploy status's exit code, as sf's own (plugin-deploy-retrieve DEPLOY_STATUS_CODES). */
const DEPLOY_EXIT_CODES: Readonly<Record<string, number>> = {
  Succeeded: EXIT_CODES.ok,
  Canceled: EXIT_CODES.failure,
  Failed: EXIT_CODES.failure,
  SucceededPartial: EXIT_CODES.partialSuccess,
  InProgress: EXIT_CODES.stillRunning,
  Pending: EXIT_CODES.stillRunning,
  Canceling: EXIT_CODES.stillRunning,
};

/** One deployed (or failed) component. */
export interface DeployedComponent {
  readonly type: string;
  readonly fullName: string;
  /** Project-relative, `/`-separated. */
  readonly filePath?: string;
  /** Created, Changed, Unchanged, Deleted or Failed, as sf reports it. */
  readonly state: string;
  /** Salesforce's problem text, for a failure. */
  readonly problem?: string;
  readonly line?: number;
  readonly column?: number;
  /** The known problem this is, and what to do about it. */
  readonly problemCode?: string;
  readonly action?: string;
}

export interface DeployOutcome {
  /** Succeeded, SucceededPartial, Failed, InProgress, … or Error when sf gave no deploy result. */
  readonly status: string;
  readonly deployId?: string;
  readonly components: readonly DeployedComponent[];
  /** sf's own error, when there is no deploy result (connection lost, SOAP fault, …). */
  readonly error?: { readonly name: string; readonly message: string; readonly problemCode?: string; readonly action?: string };
  readonly exitCode: number;
}

interface FileResponse {
  fullName?: string;
  type?: string;
  state?: string;
  filePath?: string;
  error?: string;
  lineNumber?: number;
  columnNumber?: number;
}

interface ComponentFailure {
  componentType?: string;
  fullName?: string;
  problem?: string;
  lineNumber?: number | string;
  columnNumber?: number | string;
}

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** sf's JSON is data from outside: only the fields of the expected types are kept. */
function fileResponse(value: unknown): FileResponse {
  const file = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof file[key] === 'string' ? file[key] : undefined);
  const number = (key: string) => (typeof file[key] === 'number' ? file[key] : undefined);
  return {
    fullName: text('fullName'),
    type: text('type'),
    state: text('state'),
    filePath: text('filePath'),
    error: text('error'),
    lineNumber: number('lineNumber'),
    columnNumber: number('columnNumber'),
  };
}

function componentFailure(value: unknown): ComponentFailure {
  const failure = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof failure[key] === 'string' ? failure[key] : undefined);
  const position = (key: string) => (typeof failure[key] === 'number' || typeof failure[key] === 'string' ? failure[key] : undefined);
  return {
    componentType: text('componentType'),
    fullName: text('fullName'),
    problem: text('problem'),
    lineNumber: position('lineNumber'),
    columnNumber: position('columnNumber'),
  };
}

const toNumber = (value: number | string | undefined): number | undefined =>
  value === undefined || value === '' ? undefined : Number(value);

/** sf appends " (line:column)" to a file's error; the problem text is the part before. */
const withoutPosition = (text: string): string => text.replace(/\s*\(\d+:\d+\)\s*$/, '');

function component(file: FileResponse, failures: readonly ComponentFailure[], projectRoot: string): DeployedComponent {
  const failure = failures.find((candidate) => candidate.fullName === file.fullName && candidate.componentType === file.type);
  const problem = file.state === 'Failed' ? redactSecrets(failure?.problem ?? withoutPosition(file.error ?? '')) : undefined;
  const known = problem ? explainProblem(problem) : undefined;
  return {
    type: file.type ?? '',
    fullName: file.fullName ?? '',
    filePath: file.filePath ? relative(projectRoot, file.filePath).split(sep).join('/') : undefined,
    state: file.state ?? '',
    problem,
    line: file.lineNumber ?? toNumber(failure?.lineNumber),
    column: file.columnNumber ?? toNumber(failure?.columnNumber),
    problemCode: known?.code,
    action: known?.action,
  };
}

/** Failures sf reports without a matching file (for example a failure of package.xml). */
function unmatchedFailures(failures: readonly ComponentFailure[], files: readonly FileResponse[]): DeployedComponent[] {
  return failures
    .filter((failure) => !files.some((file) => file.fullName === failure.fullName && file.type === failure.componentType))
    .map((failure) => {
      const problem = redactSecrets(failure.problem ?? '');
      const known = explainProblem(problem);
      return {
        type: failure.componentType ?? '',
        fullName: failure.fullName ?? '',
        state: 'Failed',
        problem,
        line: toNumber(failure.lineNumber),
        column: toNumber(failure.columnNumber),
        problemCode: known?.code,
        action: known?.action,
      };
    });
}

/** Reads a finished `sf project deploy start --json` run. */
export function readDeployRun(run: SfRun, projectRoot: string): DeployOutcome {
  const result = run.json?.result as
    | { status?: string; id?: string; files?: FileResponse[]; details?: { componentFailures?: ComponentFailure | ComponentFailure[] } }
    | undefined;
  if (run.json?.name === 'ClientTimeoutError') {
    // sf's wait ran out while the org still works on the deploy: sf exits 1, but the deploy is
    // in progress, which sf's own exit codes call 69.
    const deployId = (run.json.data as { id?: unknown } | undefined)?.id;
    return {
      status: 'InProgress',
      deployId: typeof deployId === 'string' ? deployId : undefined,
      components: [],
      exitCode: DEPLOY_EXIT_CODES.InProgress,
    };
  }
  if (!result || typeof result.status !== 'string') {
    const message = redactSecrets(
      run.json?.message ?? (run.stderr.trim().split('\n').pop() || `sf exited ${run.exitCode} without a result`),
    );
    const known = explainProblem(message);
    return {
      status: 'Error',
      components: [],
      error: {
        name: typeof run.json?.name === 'string' ? run.json.name : 'SfError',
        message,
        problemCode: known?.code,
        action: known?.action,
      },
      exitCode: run.exitCode === 0 ? EXIT_CODES.failure : run.exitCode,
    };
  }
  const files = (Array.isArray(result.files) ? (result.files as unknown[]) : []).map(fileResponse);
  const failures = asList<unknown>(result.details?.componentFailures).map(componentFailure);
  const components = [...files.map((file) => component(file, failures, projectRoot)), ...unmatchedFailures(failures, files)];
  const deployId = typeof result.id === 'string' ? result.id : undefined;
  return {
    status: result.status,
    deployId,
    components,
    exitCode: Object.hasOwn(DEPLOY_EXIT_CODES, result.status) ? DEPLOY_EXIT_CODES[result.status] : run.exitCode,
  };
}
