/** The kinds of Task resource this engine runs, parsed from the state's `Resource` ARN. */
export type TaskResource =
  | { kind: 'lambda:invoke'; callback: boolean }
  | { kind: 'lambda:function'; functionArn: string }
  | { kind: 'events:putEvents'; callback: boolean };

const SERVICE = /^arn:aws[a-z-]*:states:::([a-z0-9-]+):([A-Za-z0-9]+)(\.waitForTaskToken|\.sync(?::2)?)?$/;
const LAMBDA_FUNCTION = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/;

const parsed = new Map<string, TaskResource | string>();

/** Returns the resource, or a sentence saying why it is not supported. Memoized: a definition names few resources, and Tasks look theirs up on every run. */
export function parseResource(resource: string): TaskResource | string {
  let result = parsed.get(resource);
  if (result === undefined) {
    result = parse(resource);
    parsed.set(resource, result);
  }
  return result;
}

function parse(resource: string): TaskResource | string {
  if (LAMBDA_FUNCTION.test(resource)) return { kind: 'lambda:function', functionArn: resource };
  const m = SERVICE.exec(resource);
  if (!m) return `the resource '${resource}' is not a Lambda function ARN or an arn:aws:states::: integration`;
  const [, service, action, pattern] = m;
  if (pattern !== undefined && pattern !== '.waitForTaskToken') return `the integration pattern '${pattern}' is not supported`;
  const callback = pattern === '.waitForTaskToken';
  if (service === 'lambda' && action === 'invoke') return { kind: 'lambda:invoke', callback };
  if (service === 'events' && action === 'putEvents') return { kind: 'events:putEvents', callback };
  return `the integration '${service}:${action}' is not supported by the local emulator`;
}

const reported = new WeakMap<TaskResource, { resourceType: string; resource: string }>();

/** The `resourceType`/`resource` pair history events report for a service integration (shared: callers copy it). */
export function historyResource(resource: TaskResource): { resourceType: string; resource: string } {
  let pair = reported.get(resource);
  if (!pair) {
    pair = Object.freeze(reportedPair(resource));
    reported.set(resource, pair);
  }
  return pair;
}

function reportedPair(resource: TaskResource): { resourceType: string; resource: string } {
  const suffix = 'callback' in resource && resource.callback ? '.waitForTaskToken' : '';
  if (resource.kind === 'events:putEvents') return { resourceType: 'events', resource: `putEvents${suffix}` };
  return { resourceType: 'lambda', resource: `invoke${suffix}` };
}
