/** Reading, writing and removing a document path (`a.b[2].c`) in an item. */
import type { AttributeMap, AttributeValue } from '../attribute-value.ts';
import { ValidationException } from '../errors.ts';
import type { Path } from './ast.ts';

export function readPath(item: AttributeMap | undefined, path: Path): AttributeValue | undefined {
  let current: AttributeValue | undefined = item === undefined ? undefined : { M: item };
  for (const element of path.elements) {
    const node: AttributeValue | undefined = current;
    if (node === undefined) return undefined;
    if (typeof element === 'number') current = 'L' in node ? (node as { L: AttributeValue[] }).L[element] : undefined;
    else current = 'M' in node ? (node as { M: AttributeMap }).M[element] : undefined;
  }
  return current;
}

const invalidForUpdate = (): ValidationException => new ValidationException('The document path provided in the update expression is invalid for update');

/** Sets a path; its parent must exist. A list index past the end appends (Developer Guide, "SET"). */
export function writePath(item: AttributeMap, path: Path, value: AttributeValue): void {
  const parent = parentOf(item, path);
  const last = path.elements.at(-1) as string | number;
  if (typeof last === 'number') {
    if (!('L' in parent)) throw invalidForUpdate();
    if (last >= parent.L.length) parent.L.push(value);
    else parent.L[last] = value;
  } else {
    if (!('M' in parent)) throw invalidForUpdate();
    parent.M[last] = value;
  }
}

/** Removes a path if it is there; removing from a list shifts the elements after it. */
export function removePath(item: AttributeMap, path: Path): void {
  let parent: AttributeValue;
  try {
    parent = parentOf(item, path);
  } catch {
    return;
  }
  const last = path.elements.at(-1) as string | number;
  if (typeof last === 'number') {
    if ('L' in parent && last < parent.L.length) parent.L.splice(last, 1);
  } else if ('M' in parent) delete parent.M[last];
}

function parentOf(item: AttributeMap, path: Path): AttributeValue {
  const parentPath: Path = { kind: 'path', elements: path.elements.slice(0, -1) };
  const parent = readPath(item, parentPath);
  if (parent === undefined) throw invalidForUpdate();
  return parent;
}

/** No path may be another's prefix (or equal to it): DynamoDB rejects an update or projection where two overlap. */
export function checkOverlaps(paths: readonly Path[], label: string): void {
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const a = (paths[i] as Path).elements;
      const b = (paths[j] as Path).elements;
      const n = Math.min(a.length, b.length);
      if (a.slice(0, n).every((e, k) => e === b[k])) {
        throw new ValidationException(`Invalid ${label}: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: ${pathText(paths[i] as Path)}, path two: ${pathText(paths[j] as Path)}`);
      }
    }
  }
}

function pathText(path: Path): string {
  return `[${path.elements.map((e) => (typeof e === 'number' ? `[${e}]` : e)).join(', ')}]`;
}

/**
 * The attributes of `item` at `paths`, as nested as they are in the item; list elements picked
 * by index keep their order and close up (Developer Guide, "Projection expressions").
 */
export function project(item: AttributeMap, paths: readonly Path[]): AttributeMap {
  const root: Node = { kind: 'map', children: new Map() };
  for (const path of paths) {
    const value = readPath(item, path);
    if (value === undefined) continue;
    let node: Node = root;
    path.elements.forEach((element, i) => {
      if (node.kind === 'leaf') return; // an enclosing path is projected whole already
      const last = i === path.elements.length - 1;
      const children = node.children as Map<string | number, Node>;
      const nextIsIndex = typeof path.elements[i + 1] === 'number';
      const child: Node = last ? { kind: 'leaf', value } : (children.get(element) ?? { kind: nextIsIndex ? 'list' : 'map', children: new Map() });
      children.set(element, child);
      node = child;
    });
  }
  return (build(root) as { M: AttributeMap }).M;
}

type Node = { kind: 'leaf'; value: AttributeValue } | { kind: 'map'; children: Map<string, Node> } | { kind: 'list'; children: Map<number, Node> };

function build(node: Node): AttributeValue {
  if (node.kind === 'leaf') return structuredClone(node.value);
  if (node.kind === 'list') return { L: [...node.children.entries()].sort(([a], [b]) => a - b).map(([, child]) => build(child)) };
  return { M: Object.fromEntries([...node.children.entries()].map(([name, child]) => [name, build(child)])) };
}
