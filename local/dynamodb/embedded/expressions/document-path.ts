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

export function pathText(path: Path): string {
  return `[${path.elements.join(', ')}]`;
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
