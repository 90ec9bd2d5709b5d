import type { Json } from '../json.ts';
import { StatesRuntime } from '../errors/states-errors.ts';
import { parsePath, selectAll, whyNotFound } from './path.ts';

/** What a JSONPath can reach: `$` the input, `$$` the context object, `$name` a variable. */
export interface PathScope {
  input: Json;
  context: Json;
  variables: Readonly<Record<string, Json>>;
}

export class PathNotFound extends Error {
  constructor(
    readonly path: string,
    /** AWS's (Jayway's) explanation: `No results for path: $['a']` or `Missing property in path $['a']`. */
    readonly detail: string,
  ) {
    super(`The JSONPath '${path}' could not be found in the input`);
    this.name = 'PathNotFound';
  }
}

/**
 * Reads a path. A definite path yields its one value or throws PathNotFound; an indefinite one
 * (wildcard, filter, slice) yields the array of everything it matched.
 */
export function readPath(path: string, scope: PathScope): Json {
  const parsed = parsePath(path);
  let start: Json;
  if (parsed.root === '$') start = scope.input;
  else if (parsed.root === '$$') start = scope.context;
  else if (Object.hasOwn(scope.variables, parsed.root)) start = scope.variables[parsed.root]!;
  else throw new StatesRuntime(`The variable '$${parsed.root}' is not defined`);
  const found = selectAll(start, parsed.segments);
  if (parsed.definite) {
    if (found.length === 0) throw new PathNotFound(path, whyNotFound(start, parsed));
    return found[0]!;
  }
  return found;
}
