/** The policy version routes in the OpenAPI document (issue 25; docs/policy.md "Versions"), from the zod schemas they validate with. */
import { z } from 'zod';
import * as v from './policy-version-schemas.ts';

type JsonSchema = Record<string, unknown>;

function schema(zodSchema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(zodSchema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

const json = (body: JsonSchema) => ({ 'application/json': { schema: body } });
const error = (description: string) => ({ description, content: json({ $ref: '#/components/schemas/Error' }) });
const versionParam = { name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 }, description: 'a policy version number' };

/** `staffErrors` of the document (400, 401, 403, 413) are passed in so every route words them alike. */
export function policyVersionPaths(staff: JsonSchema, staffErrors: Record<string, unknown>): Record<string, unknown> {
  const bodyErrors = {
    ...staffErrors,
    '400': error('InvalidRequest: the body, or the policy document under `body.document`, breaks its schema (the `sla check` schema); `error.fields` names each field'),
    '413': error('PayloadTooLarge: the body is over 256 KiB'),
    '415': error('UnsupportedMediaType: a body not sent as application/json'),
  };
  return {
    '/policy/versions': {
      get: { ...staff, summary: 'The policy\'s versions, newest first, with who, when, why and how open steps were treated (any staff); `current` is in force', responses: { '200': { description: 'the versions', content: json(schema(v.versionList)) }, ...staffErrors } },
      post: {
        ...staff,
        summary: 'Publish a policy version (operator): a new `document`, or `from` an earlier version (a rollback); `openSteps` keep (default) or recompute; applied on every handler within 30 s',
        requestBody: { required: true, content: json(schema(v.publishBody, 'input')) },
        responses: { '201': { description: 'the version published, the open steps moved', content: json(schema(v.publishResult)) }, ...bodyErrors, '404': error('PolicyVersionNotFound: `from` names no version'), '409': error('PolicyVersionConflict: another version was published since `basedOn`') },
      },
    },
    '/policy/versions/{version}': {
      get: { ...staff, summary: 'One version with its document (any staff)', parameters: [versionParam], responses: { '200': { description: 'the version', content: json(schema(v.versionBody)) }, ...staffErrors, '404': error('PolicyVersionNotFound') } },
    },
    '/policy/versions/{version}/diff': {
      get: {
        ...staff,
        summary: 'What changed from `against` (default: the version before) to this version, leaf by leaf (any staff)',
        parameters: [versionParam, { name: 'against', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } }],
        responses: { '200': { description: 'the changes', content: json(schema(v.versionDiff)) }, ...staffErrors, '404': error('PolicyVersionNotFound') },
      },
    },
    '/policy/preview': {
      post: {
        ...staff,
        summary: 'What a draft would do (operator): open steps whose deadline moves and by how much, which breach at once, the last 7 days\' on-time % under it; writes nothing',
        requestBody: { required: true, content: json(schema(v.previewBody, 'input')) },
        responses: { '200': { description: 'the impact', content: json(schema(v.policyPreview)) }, ...bodyErrors },
      },
    },
  };
}
