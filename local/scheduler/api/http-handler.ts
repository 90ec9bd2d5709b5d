import type { IncomingMessage, ServerResponse } from 'node:http';
import { isWriteFault } from '../../storage/write-faults.ts';
import { SchedulerApiError, ValidationException } from '../errors.ts';
import type { ApiContext, Operation } from './context.ts';
import { GROUP_OPERATIONS } from './group-operations.ts';
import { SCHEDULE_OPERATIONS } from './schedule-operations.ts';

/** Paths the SDK addresses (mount both on the edge). */
export const SCHEDULER_PATH_PREFIXES = ['/schedules', '/schedule-groups'] as const;

const OPERATIONS: Record<string, Operation> = { ...SCHEDULE_OPERATIONS, ...GROUP_OPERATIONS };

/** REST-JSON routes of `@aws-sdk/client-scheduler`: method and path shape → operation. */
const ROUTES: [method: string, collection: string, hasName: boolean, operation: string][] = [
  ['POST', 'schedules', true, 'CreateSchedule'],
  ['GET', 'schedules', true, 'GetSchedule'],
  ['PUT', 'schedules', true, 'UpdateSchedule'],
  ['DELETE', 'schedules', true, 'DeleteSchedule'],
  ['GET', 'schedules', false, 'ListSchedules'],
  ['POST', 'schedule-groups', true, 'CreateScheduleGroup'],
  ['GET', 'schedule-groups', true, 'GetScheduleGroup'],
  ['DELETE', 'schedule-groups', true, 'DeleteScheduleGroup'],
  ['GET', 'schedule-groups', false, 'ListScheduleGroups'],
];

export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  body: object;
}

/** Which operation a request names, by method and path; undefined for anything else. */
export function routeOf(method: string, path: string): { operation: string; name?: string } | undefined {
  const m = /^\/(schedules|schedule-groups)(?:\/([^/]+))?\/?$/.exec(path);
  if (!m) return undefined;
  const name = m[2] !== undefined ? decodeURIComponent(m[2]) : undefined;
  const route = ROUTES.find(([verb, collection, hasName]) => verb === method && collection === m[1] && hasName === (name !== undefined));
  return route ? { operation: route[3], ...(name !== undefined ? { name } : {}) } : undefined;
}

/** The API as a plain function: method, URL and JSON body in; status, headers and JSON body out. */
export function handleSchedulerRequest(ctx: ApiContext, method: string, url: string, rawBody: string): RestResponse {
  try {
    const parsed = new URL(url, 'http://scheduler.local');
    const route = routeOf(method, parsed.pathname);
    if (!route) return error(404, 'UnknownOperationException', `No operation for ${method} ${parsed.pathname}`);
    let body: Record<string, unknown>;
    try {
      body = rawBody.trim() === '' ? {} : (JSON.parse(rawBody) as Record<string, unknown>);
    } catch {
      throw new ValidationException('The request body is not valid JSON');
    }
    const result = OPERATIONS[route.operation]!(ctx, { ...(route.name !== undefined ? { name: route.name } : {}), query: parsed.searchParams, body });
    return { status: 200, headers: {}, body: result };
  } catch (err) {
    if (err instanceof SchedulerApiError) return error(err.status, err.name, err.message);
    if (isWriteFault(err)) return error(503, 'ServiceUnavailable', `The scheduler cannot write its data: ${(err as Error).message}`);
    console.error('scheduler-local: internal error', err);
    return error(500, 'InternalServerException', 'Internal error');
  }
}

function error(status: number, type: string, message: string): RestResponse {
  return { status, headers: { 'x-amzn-errortype': type }, body: { Message: message } };
}

/** A Node request listener, mountable on a shared edge server that routes by path. */
export function createSchedulerRequestListener(ctx: ApiContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const send = ({ status, headers, body }: RestResponse): void => {
        const text = JSON.stringify(body);
        res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': crypto.randomUUID() });
        res.end(text);
      };
      const failed = (err: unknown): void => {
        if (isWriteFault(err)) return send(error(503, 'ServiceUnavailable', `The scheduler cannot write its data: ${(err as Error).message}`));
        console.error('scheduler-local: commit failed', err);
        send(error(500, 'InternalServerException', 'Internal error'));
      };
      // The requests of one turn share one commit, and each is answered after it (store/batch-commit.ts).
      try {
        ctx.store.batched(() => handleSchedulerRequest(ctx, req.method ?? 'GET', req.url ?? '/', Buffer.concat(chunks).toString('utf8')), (answer) => answer.status < 400).then(send, failed);
      } catch (err) {
        failed(err); // the batch could not even begin (the database closed under a late request)
      }
    });
  };
}
