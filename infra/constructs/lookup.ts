import { ManifestInvalid } from '../errors.ts';

/** A manifest reference resolved to the construct it names; a dangling reference fails synthesis naming the entry. */
export function lookup<T>(byId: ReadonlyMap<string, T>, id: string, kind: string, where: string): T {
  const found = byId.get(id);
  if (found === undefined) throw new ManifestInvalid(where, `refers to ${kind} "${id}", which the manifest does not declare`);
  return found;
}
