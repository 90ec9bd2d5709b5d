/**
 * What changed between two policy documents, leaf by leaf, for the version list's diff: each
 * change names its JSON path the way `sla check` names fields (`roles["ops-cs"].shifts[0].to`).
 */
export interface PolicyChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export function diffPolicies(before: unknown, after: unknown): PolicyChange[] {
  const changes: PolicyChange[] = [];
  walk(before, after, '', changes);
  return changes;
}

function walk(a: unknown, b: unknown, path: string, out: PolicyChange[]): void {
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const child = join(path, key);
      if (!(key in b)) out.push({ path: child, kind: 'removed', before: a[key] });
      else if (!(key in a)) out.push({ path: child, kind: 'added', after: b[key] });
      else walk(a[key], b[key], child, out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const child = `${path}[${i}]`;
      if (i >= b.length) out.push({ path: child, kind: 'removed', before: a[i] });
      else if (i >= a.length) out.push({ path: child, kind: 'added', after: b[i] });
      else walk(a[i], b[i], child, out);
    }
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path: path || '(document)', kind: 'changed', before: a, after: b });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function join(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}
