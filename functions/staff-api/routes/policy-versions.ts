/**
 * The policy as versions (issue 25, docs/policy.md "Versions"): any staff member reads the
 * versions, one version's document and a diff; the `operator` publishes a new version (a console
 * edit, or `from` an earlier one: a rollback). The document is validated by the schema `sla
 * check` uses; a 400 names each field under `body.document`. The operator previews a draft first.
 */
import { diffPolicies } from '../../../core/policy-versions/diff.ts';
import type { PolicyVersionStore } from '../../../core/policy-versions/version.ts';
import { PolicyInvalid } from '../../../policy/errors.ts';
import { jsonBody } from '../../http/body.ts';
import { InvalidRequest } from '../../http/errors.ts';
import { queryOf } from '../../http/event.ts';
import { requireRole } from '../../http/identity.ts';
import { POLICY_REQUEST_LIMITS } from '../../http/policy-limits.ts';
import { jsonResponse } from '../../http/response.ts';
import type { Route } from '../../http/router.ts';
import { validate } from '../../http/validate.ts';
import { publishPolicy } from '../../shared/policy-publish.ts';
import type { StaffApiDeps } from '../deps.ts';
import { diffQuery, OPERATOR, previewBody, publishBody, versionPath } from '../policy-version-schemas.ts';
import { previewPolicy } from '../../shared/policy-preview.ts';
import { compilePolicy } from '../../../policy/compile.ts';
import { holidayWarnings } from '../../../policy/holiday-check.ts';
import { parsePolicy } from '../../../policy/load.ts';
import { staffCaller } from '../staff.ts';

/** The function has no policy store (a test without one): nothing to read or publish. */
export class PolicyStoreUnavailable extends Error {
  override readonly name = 'PolicyStoreUnavailable';
  readonly status = 503;
  readonly expose = true;
  constructor() {
    super('the policy versions are not available here');
  }
}

function storeOf(deps: StaffApiDeps): PolicyVersionStore {
  if (deps.policyVersions === undefined) throw new PolicyStoreUnavailable();
  return deps.policyVersions;
}

/** A schema failure of the document as the API's 400: each `sla check` problem under `body.document`. */
export function documentIssues(error: PolicyInvalid): InvalidRequest {
  return new InvalidRequest(
    error.problems.map((problem) => {
      const split = problem.indexOf(': ');
      const path = split < 0 ? '' : problem.slice(0, split);
      const message = split < 0 ? problem : problem.slice(split + 2);
      return { field: path === '' ? 'body.document' : path.startsWith('[') ? `body.document${path}` : `body.document.${path}`, message, code: 'custom' };
    }),
  );
}

export function policyVersionsRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/policy/versions',
    async handle({ event }) {
      staffCaller(event);
      const store = storeOf(deps);
      const versions = await store.list();
      return jsonResponse(200, { current: versions[0]?.version ?? null, versions });
    },
  };
}

export function policyVersionRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/policy/versions/{version}',
    async handle({ event, params }) {
      staffCaller(event);
      const { version } = validate(versionPath, params, 'path');
      return jsonResponse(200, await storeOf(deps).get(version));
    },
  };
}

/** `GET /policy/versions/{version}/diff?against=` (default: the version before). */
export function policyDiffRoute(deps: StaffApiDeps): Route {
  return {
    method: 'GET',
    path: '/policy/versions/{version}/diff',
    async handle({ event, params }) {
      staffCaller(event);
      const { version } = validate(versionPath, params, 'path');
      const { against } = validate(diffQuery, queryOf(event), 'query');
      const store = storeOf(deps);
      const to = await store.get(version);
      const fromVersion = against ?? Math.max(1, version - 1);
      const from = fromVersion === version ? to : await store.get(fromVersion);
      return jsonResponse(200, { from: fromVersion, to: version, changes: diffPolicies(from.document, to.document) });
    },
  };
}

export function publishPolicyRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: '/policy/versions',
    async handle({ event }) {
      const caller = staffCaller(event);
      requireRole(caller, [OPERATOR], 'publishing a policy version');
      const body = validate(publishBody, jsonBody(event, POLICY_REQUEST_LIMITS), 'body');
      const store = storeOf(deps);
      const document = body.from === undefined ? body.document : (await store.get(body.from)).document;
      try {
        const result = await publishPolicy(
          { ...deps, policyVersions: store, seed: deps.policySeed },
          {
            document,
            author: caller.user,
            reason: body.reason,
            source: body.from === undefined ? 'console' : 'rollback',
            ...(body.from !== undefined ? { basedOn: body.from } : body.basedOn !== undefined ? { basedOn: body.basedOn } : {}),
            ...(body.basedOn !== undefined ? { expectedCurrent: body.basedOn } : {}),
            openSteps: body.openSteps,
          },
        );
        const { document: _document, ...version } = result.version;
        return jsonResponse(201, { ...result, version });
      } catch (error) {
        if (error instanceof PolicyInvalid) throw documentIssues(error);
        throw error;
      }
    },
  };
}

/** `POST /policy/preview` (operator): what a draft would move among the open steps, and the last 7 days' on-time share under it. Writes nothing. */
export function previewPolicyRoute(deps: StaffApiDeps): Route {
  return {
    method: 'POST',
    path: '/policy/preview',
    async handle({ event }) {
      requireRole(staffCaller(event), [OPERATOR], 'previewing a policy draft');
      const body = validate(previewBody, jsonBody(event, POLICY_REQUEST_LIMITS), 'body');
      let draft;
      try {
        draft = compilePolicy(parsePolicy(body.document, 'document'));
      } catch (error) {
        if (error instanceof PolicyInvalid) throw documentIssues(error);
        throw error;
      }
      const preview = await previewPolicy(deps, draft);
      return jsonResponse(200, { ...preview, warnings: holidayWarnings(parsePolicy(body.document, 'document')) });
    },
  };
}
