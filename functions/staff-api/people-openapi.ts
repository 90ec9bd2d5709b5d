/** The OpenAPI part of the people, roster and assignment routes (issue 23, docs/people.md), spliced into openapi.ts. */
import type { z } from 'zod';
import * as p from './team-schemas.ts';

type JsonSchema = Record<string, unknown>;

export interface OpenApiHelpers {
  schema: (zodSchema: z.ZodType, io?: 'input' | 'output') => JsonSchema;
  ref: (name: string) => JsonSchema;
  json: (body: JsonSchema) => Record<string, unknown>;
  errorResponse: (description: string) => Record<string, unknown>;
  staff: Record<string, unknown>;
  staffErrors: Record<string, unknown>;
  stepParams: readonly Record<string, unknown>[];
  queryParams: (zodSchema: z.ZodObject) => unknown[];
}

export function peopleSchemas(h: OpenApiHelpers): Record<string, JsonSchema> {
  return { People: h.schema(p.peopleList), Roster: h.schema(p.roster), RosterPut: h.schema(p.rosterBody, 'input'), AssignStep: h.schema(p.assignBody, 'input') };
}

export function peoplePaths(h: OpenApiHelpers): Record<string, unknown> {
  const stepAction = (summary: string, extra: Record<string, unknown> = {}) => ({
    post: {
      ...h.staff,
      summary,
      parameters: h.stepParams,
      ...extra,
      responses: {
        '200': { description: 'the step; `assignedTo` says who holds it (absent: the pool)', content: h.json(h.ref('Step')) },
        ...h.staffErrors,
        '404': h.errorResponse('CaseNotFound or StepNotFound'),
        '409': h.errorResponse('StepNotOpen; StepAssignedToOther (claim of a step someone holds); NotAssignee (release by someone who does not hold it)'),
      },
    },
  });
  return {
    '/cases/{caseId}/steps/{step}/claim': stepAction('Claim (认领) a step of the role\'s pool, or keep one\'s own (the step\'s role or supervisor); on the timeline as step.assigned'),
    '/cases/{caseId}/steps/{step}/release': stepAction('Put a held step back in the role\'s pool (its holder or a supervisor)'),
    '/cases/{caseId}/steps/{step}/assign': stepAction('Assign a step to a person of its role (supervisor); 400 UnknownAssignee for anyone else', { requestBody: { required: true, content: h.json(h.ref('AssignStep')) } }),
    '/people': { get: { ...h.staff, summary: 'The people (local accounts or Cognito users), their roles and the roles they are on duty for now', responses: { '200': { description: 'the people', content: h.json(h.ref('People')) }, ...h.staffErrors } } },
    '/rosters': {
      get: { ...h.staff, summary: 'The roster (排班) of the days from..to (supervisor), with the gaps of rostered roles', parameters: h.queryParams(p.rosterQuery), responses: { '200': { description: 'the roster', content: h.json(h.ref('Roster')) }, ...h.staffErrors } },
      put: {
        ...h.staff,
        summary: 'Replace the roster of the days from..to (supervisor): shifts inside their role\'s calendar, or leave; 400 names each entry that is wrong, nothing written',
        parameters: h.queryParams(p.rosterQuery),
        requestBody: { required: true, content: h.json(h.ref('RosterPut')) },
        responses: { '200': { description: 'the roster as stored', content: h.json(h.ref('Roster')) }, ...h.staffErrors },
      },
    },
  };
}
