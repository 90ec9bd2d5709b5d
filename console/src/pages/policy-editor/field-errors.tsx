/**
 * Where the API's 400 issues go in the policy editor's forms: each issue's path under the document
 * (`body.document.steps["order.review"].rule.minutes` → `steps["order.review"].rule.minutes`, the
 * form policy/load.ts writes) is matched against the path of the field a form shows.
 */
import type { ApiFieldIssue } from '../../api/error-words.ts';

/** An API issue's path under the document: `body.document.roles["ops-cs"].shifts[0].from` → `roles["ops-cs"].shifts[0].from`. */
export const docPath = (issue: ApiFieldIssue) => issue.path.replace(/^body\.document\.?/, '');

/** A record key as policy/load.ts writes it in a path: `.ops` for a plain word, `["order.review"]` otherwise. */
export const keyPath = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

/** The issues at `path` or under it (`path.x`, `path[0]`), not at a sibling that only shares its start. */
export function issuesAt(issues: readonly ApiFieldIssue[], path: string): ApiFieldIssue[] {
  return issues.filter((issue) => {
    const p = docPath(issue);
    return p === path || (p.startsWith(path) && (p[path.length] === '.' || p[path.length] === '['));
  });
}

/** The issues at `path`, in red under the field; `data-field` names the path for tests and screen readers. */
export function FieldErrors({ issues, path }: { issues: readonly ApiFieldIssue[]; path: string }) {
  const here = issuesAt(issues, path);
  if (here.length === 0) return null;
  return (
    <div role="alert" data-field={path} style={{ color: '#a8071a', fontSize: 12 }}>
      {here.map((e) => (
        <div key={`${e.path}:${e.message}`}>{e.message}</div>
      ))}
    </div>
  );
}
