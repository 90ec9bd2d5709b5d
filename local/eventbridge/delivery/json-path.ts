import { isJsonObject, type JsonValue } from '../pattern/types.ts';

/**
 * The JSONPath subset EventBridge's `InputPath` and `InputPathsMap` use: `$`, `.name`,
 * `['name']` and `[index]`. Returns undefined when the path leads nowhere.
 */
export function readJsonPath(root: JsonValue, path: string): JsonValue | undefined {
  if (!path.startsWith('$')) throw new RangeError(`JSONPath must start with $: ${path}`);
  let node: JsonValue | undefined = root;
  const step = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y;
  let index = 1;
  while (index < path.length) {
    step.lastIndex = index;
    const m = step.exec(path);
    if (!m) throw new RangeError(`unsupported JSONPath: ${path}`);
    index = step.lastIndex;
    if (node === undefined) return undefined;
    if (m[2] !== undefined) {
      node = Array.isArray(node) ? node[Number(m[2])] : undefined;
    } else {
      const key = m[1] ?? m[3] ?? m[4] ?? '';
      node = isJsonObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
    }
  }
  return node;
}
