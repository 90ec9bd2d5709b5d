/**
 * The OpenAPI 3.1 document of the whole public API (api.md): the staff routes, the storefront
 * webhook, health. Request and response schemas are generated from the zod schemas the code
 * validates with (`z.toJSONSchema`), so the document cannot drift from the checks.
 */
import { z } from 'zod';
import { STEPS } from '../../core/lifecycles/steps.ts';
import { checklistOf, checkPoint, evidenceSchema, hasChecklist } from '../../core/lifecycles/checklists.ts';
import { storefrontEvent } from '../../core/storefront/events.ts';
import { SIGNATURE_HEADER } from '../../core/storefront/signature.ts';
import * as s from './schemas.ts';
import { queueQuery } from './queue-page.ts';
import { satisfactionQuery, satisfactionReportBody } from './satisfaction-schemas.ts';
import * as people from './people-schemas.ts';
import { policyVersionPaths } from './openapi-policy-versions.ts';
import { peoplePaths, peopleSchemas } from './people-openapi.ts';
import * as holds from './hold-schemas.ts';

type JsonSchema = Record<string, unknown>;

function schema(zodSchema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(zodSchema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const json = (body: JsonSchema) => ({ 'application/json': { schema: body } });
const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });

const staffErrors = {
  '400': errorResponse('malformed or invalid request (limits included: depth, lengths, counts, reserved keys); the message names the field'),
  '413': errorResponse('PayloadTooLarge: the body is over 16 KiB'),
  '401': errorResponse('missing or invalid bearer token'),
  '403': errorResponse('the caller\'s roles do not allow this'),
};
/** Routes taking a body refuse another media type (functions/http/media-type.ts). */
const unsupportedMediaType = { '415': errorResponse('UnsupportedMediaType: a body not sent as application/json (UTF-8); application/*+json types are refused too') };

const pathParam = (name: string, description: string) => ({ name, in: 'path', required: true, schema: { type: 'string' }, description });
const queryParams = (zodSchema: z.ZodObject) =>
  Object.entries(zodSchema.shape).map(([name, field]) => {
    const fieldSchema = schema(field as z.ZodType, 'input');
    return { name, in: 'query', required: !(field as z.ZodType).safeParse(undefined).success, schema: fieldSchema };
  });

const connectorParams = [pathParam('platform', 'shopify, youzan, douyin or wechat-shop'), pathParam('shopId', 'the shop as the policy\'s `connectors[]` names it')];
const stepParams = [pathParam('caseId', 'the case'), pathParam('step', 'a step id, e.g. `order.pack`; the latest attempt is meant')];

/** Per step: outcomes and the completion fields schema (api.md "Step completion fields"). */
function stepCatalogue(): JsonSchema {
  return Object.fromEntries(
    Object.entries(STEPS).map(([id, spec]) => [
      id,
      { caseType: spec.caseType, completedBy: spec.completedBy, outcomes: spec.outcomes, fields: schema(spec.fields, 'input'), ...(hasChecklist(id) ? { checklist: checklistCatalogue(id, spec.outcomes) } : {}) },
    ]),
  );
}

/** A verification call's `fields.checklist`/`fields.evidence` per outcome (service-standards.md §12); `paymentAccount` only for a paid order's cancellation. */
function checklistCatalogue(step: string, outcomes: readonly string[]): JsonSchema {
  const perOutcome = Object.fromEntries(
    // A step without outcomes (order.dispatch) lists its checklist under `none`, as a priority order asks it.
    (outcomes.length > 0 ? outcomes : ['none']).flatMap((outcome) => {
      const rule = checklistOf(step, outcome === 'none' ? undefined : outcome, { paid: true, priority: true });
      return rule ? [[outcome, { points: rule.points, evidence: rule.evidence }]] : [];
    }),
  );
  return { outcomes: perOutcome, point: schema(checkPoint, 'input'), evidence: schema(evidenceSchema, 'input') };
}

export function openApiDocument(): JsonSchema {
  const staff = { security: [{ bearer: [] }] };
  const teamHelpers = { schema, ref, json, errorResponse, staff, staffErrors, stepParams, queryParams };
  return {
    openapi: '3.1.0',
    info: {
      title: 'SLA workflow platform API',
      version: '1.0.0',
      description: 'Storefront webhooks and the staff API (api.md). Every non-2xx body is `{"error": {"code", "message"}}`.',
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'local runtime (npm start)' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito ID token; roles from `cognito:groups`' },
        storefrontSignature: { type: 'apiKey', in: 'header', name: SIGNATURE_HEADER, description: '`t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, at most 300 s old' },
      },
      schemas: {
        Error: schema(s.errorBody),
        StorefrontEvent: schema(storefrontEvent, 'input'),
        Accepted: schema(s.accepted),
        Queue: schema(s.queue),
        Case: schema(s.caseView),
        CasesPage: schema(s.casesPage),
        SearchResult: schema(s.searchResult),
        ContactReveal: schema(s.contactReveal),
        Step: schema(s.stepActionResult),
        CompleteStep: schema(s.completeBody, 'input'),
        PauseStep: schema(s.pauseBody, 'input'),
        EscalateStep: schema(s.escalateBody, 'input'),
        PickupRun: schema(s.pickupRun),
        PickupsWaiting: schema(s.pickupsWaiting),
        SlaReport: schema(s.slaReportBody),
        Board: schema(s.board),
        ChatReport: schema(s.chatReport),
        SatisfactionReport: schema(satisfactionReportBody),
        PeopleReport: schema(people.peopleReportBody),
        QaQueue: schema(people.qaQueueBody),
        QaItem: schema(people.qaItemBody),
        QaScore: schema(people.qaScoreRequest, 'input'),
        QaSample: schema(people.qaSampleRequest, 'input'),
        QaSampleResult: schema(people.qaSampleResult),
        HoldRequest: schema(holds.holdRequestBody, 'input'),
        HoldDecision: schema(holds.holdDecisionBody, 'input'),
        Hold: schema(holds.holdAnswer),
        PriorityRequest: schema(holds.priorityBody, 'input'),
        Priority: schema(holds.priorityAnswer),
        Health: schema(s.health),
        Policy: schema(s.policyView),
        Login: schema(s.loginBody, 'input'),
        LoginResult: schema(s.loginResult),
        ...peopleSchemas(teamHelpers),
      },
    },
    'x-step-catalogue': stepCatalogue(),
    paths: {
      '/webhooks/storefront': {
        post: {
          summary: 'Storefront event (signed, idempotent on `id`)',
          security: [{ storefrontSignature: [] }],
          requestBody: { required: true, content: json(ref('StorefrontEvent')) },
          responses: {
            '202': { description: 'accepted (a redelivery replays the first answer)', content: json(ref('Accepted')) },
            '400': errorResponse('malformed or invalid event; nothing written'),
            '401': errorResponse('missing, malformed, wrong or stale signature; nothing written'),
            '404': errorResponse('unknown order or case (OrderNotFound); a return or exchange for an order from before go-live may carry its facts in data.order, or send order.imported first'),
            '409': errorResponse('conflict, e.g. OrderAlreadyHandedOver (a cancellation after handover), OrderNotDelivered (a return or exchange before the handover, or of a cancelled order), or EventIdReused: the id was delivered with another body'),
            '413': errorResponse('PayloadTooLarge: the body is over 64 KiB'),
            ...unsupportedMediaType,
            '503': { ...errorResponse('DeliveryInProgress: another delivery of this id is running; retry after Retry-After seconds'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
          },
        },
      },
      // Platform connectors (issue 24, docs/connectors.md): each platform's own push format and signature, its own answer body.
      '/connectors/{platform}/{shopId}': {
        post: {
          parameters: connectorParams,
          summary: 'A platform\'s message push, verified on its raw bytes as the platform documents (X-Shopify-Hmac-Sha256, Youzan Event-Sign, Douyin event-sign, WeChat msg_signature + AES); mapped to storefront events; answered as the platform expects once stored',
          responses: {
            '200': { description: 'stored (or a duplicate, a test push, an unknown event type: acknowledged); the body is the platform\'s expected answer, the cases in `x-sla-cases`' },
            '400': errorResponse('ConnectorBodyInvalid: the body is not the platform\'s format; nothing written'),
            '401': errorResponse('UnknownShop or ConnectorSignatureInvalid; nothing written'),
            '413': errorResponse('PayloadTooLarge: the body is over 256 KiB'),
          },
        },
        get: {
          parameters: connectorParams,
          summary: 'WeChat Shop URL verification (signature, timestamp, nonce, echostr): answers the decrypted echostr',
          responses: { '200': { description: 'the echostr' }, '401': errorResponse('UnknownShop or ConnectorSignatureInvalid') },
        },
      },
      '/queue': { get: { ...staff, summary: 'Open steps for the caller\'s roles, soonest due first; paginated with limit and nextToken (default: the whole queue)', parameters: queryParams(queueQuery), responses: { '200': { description: 'the queue', content: json(ref('Queue')) }, ...staffErrors } } },
      '/cases': {
        get: {
          ...staff,
          summary: 'Cases by type (status, opening days), with a step open now (step or role), or every case about an order; paginated with nextToken',
          parameters: queryParams(s.caseListQuery),
          responses: { '200': { description: 'a page of cases', content: json(ref('CasesPage')) }, ...staffErrors },
        },
      },
      '/search': {
        get: {
          ...staff,
          summary: 'Cases by id, order number, tracking number, the last 4 digits of the customer\'s phone or the customer\'s name (index reads; name and phone masked)',
          parameters: queryParams(s.searchQuery),
          responses: { '200': { description: 'the cases found, newest first', content: json(ref('SearchResult')) }, ...staffErrors },
        },
      },
      '/cases/{caseId}': {
        get: {
          ...staff,
          summary: 'A case with its steps, links and timeline',
          parameters: [pathParam('caseId', 'the case')],
          responses: { '200': { description: 'the case', content: json(ref('Case')) }, ...staffErrors, '404': errorResponse('unknown case') },
        },
      },
      '/cases/{caseId}/contact/reveal': {
        post: {
          ...staff,
          summary: 'The customer\'s full phone number, for the role of a step open on the case or the supervisor; recorded on the timeline as contact.revealed (every other read masks it)',
          parameters: [pathParam('caseId', 'the case')],
          responses: { '200': { description: 'the full number', content: json(ref('ContactReveal')) }, ...staffErrors, '404': errorResponse('unknown case (CaseNotFound) or no customer phone (ContactNotFound)') },
        },
      },
      '/cases/{caseId}/steps/{step}/complete': {
        post: {
          ...staff,
          summary: 'Complete a step (its role or supervisor); fields validated per step (see x-step-catalogue)',
          parameters: stepParams,
          requestBody: { required: false, content: json(ref('CompleteStep')) },
          responses: {
            '200': { description: 'the completed step', content: json(ref('Step')) },
            ...staffErrors,
            ...unsupportedMediaType,
            '404': errorResponse('unknown case or step'),
            '409': errorResponse(
              'StepNotOpen: the step is not open; StepAwaitingPlatform: the step\'s latest attempt waits on the platform alone (the unpaid order after its last follow-up, service-standards.md §3); NoReasonWindowClosed: return.verify `insist` or exchange.verify `no-reason` after the 7-day no-reason window (service-standards.md §5–§6), its end in the message and in `details.endsAt` (Beijing time)',
            ),
          },
        },
      },
      '/cases/{caseId}/steps/{step}/pause': {
        post: {
          ...staff,
          summary: 'Stop a step\'s SLA clock; with `until` it resumes by itself',
          parameters: stepParams,
          requestBody: { required: true, content: json(ref('PauseStep')) },
          responses: { '200': { description: 'the paused step', content: json(ref('Step')) }, ...staffErrors, ...unsupportedMediaType, '404': errorResponse('unknown case or step'), '409': errorResponse('not open, or already paused') },
        },
      },
      '/cases/{caseId}/steps/{step}/resume': {
        post: {
          ...staff,
          summary: 'Restart a paused step\'s clock; due and warning move by the paused time',
          parameters: stepParams,
          responses: { '200': { description: 'the resumed step', content: json(ref('Step')) }, ...staffErrors, '404': errorResponse('unknown case or step'), '409': errorResponse('not paused') },
        },
      },
      '/pickups': {
        get: { ...staff, summary: 'The parcels waiting for the courier: what POST /pickups/run would hand over now, with carrier and tracking number (picker or supervisor)', responses: { '200': { description: 'the waiting parcels', content: json(ref('PickupsWaiting')) }, ...staffErrors } },
      },
      '/cases/{caseId}/steps/{step}/escalate': {
        post: {
          ...staff,
          summary: 'Escalate a step by hand ("处理不了的及时上报", service-standards.md §9): to the first escalation level on duty, the next level when escalated already; the clock runs on',
          parameters: stepParams,
          requestBody: { required: true, content: json(ref('EscalateStep')) },
          responses: {
            '200': { description: 'the escalated step; `escalatedTo` says to whom, its level and when it is seen', content: json(ref('Step')) },
            ...staffErrors,
            ...unsupportedMediaType,
            '404': errorResponse('unknown case or step'),
            '409': errorResponse('the step is not open (`StepNotOpen`), or is at the last escalation level already (`NoHigherEscalationLevel`)'),
          },
        },
      },
      '/pickups/run': {
        post: { ...staff, summary: 'Run a courier pickup batch now (picker or supervisor)', responses: { '200': { description: 'the handed-over cases', content: json(ref('PickupRun')) }, ...staffErrors } },
      },
      '/reports/sla': {
        get: {
          ...staff,
          summary: 'On-time figures per step, role, assignee or day (supervisor); Accept: text/csv for CSV',
          parameters: queryParams(s.reportQuery),
          responses: {
            '200': { description: 'the report', content: { ...json(ref('SlaReport')), 'text/csv': { schema: { type: 'string' } } } },
            ...staffErrors,
          },
        },
      },
      '/board': {
        get: { ...staff, summary: 'The supervisor board: active steps per role and step, escalated breaches, pickups due and missed, overdue refunds, today\'s on-time % per step, customer notices not delivered (supervisor)', responses: { '200': { description: 'the board', content: json(ref('Board')) }, ...staffErrors } },
      },
      '/policy': {
        get: {
          ...staff,
          summary: 'The SLA policy in force (any staff): shifts, a year of working days (holidays, 调休, pickup days), pickup batches, every step\'s rule in words',
          parameters: queryParams(s.policyQuery),
          responses: { '200': { description: 'the policy', content: json(ref('Policy')) }, ...staffErrors },
        },
      },
      ...policyVersionPaths(staff, staffErrors),
      '/reports/chat': {
        get: {
          ...staff,
          summary: 'Chat response standards per agent, day or hour: greeting within 30 s, replies within 60 s (supervisor); Accept: text/csv for CSV',
          parameters: queryParams(s.chatReportQuery),
          responses: {
            '200': { description: 'the report', content: { ...json(ref('ChatReport')), 'text/csv': { schema: { type: 'string' } } } },
            ...staffErrors,
          },
        },
      },
      '/reports/satisfaction': {
        get: {
          ...staff,
          summary: 'Complaint callback (回访) scores 1–5 per handler, category or month: count, mean, distribution, share ≤ 2 with its cases (supervisor); Accept: text/csv for CSV',
          parameters: queryParams(satisfactionQuery),
          responses: {
            '200': { description: 'the report', content: { ...json(ref('SatisfactionReport')), 'text/csv': { schema: { type: 'string' } } } },
            ...staffErrors,
          },
        },
      },
      '/reports/people': {
        get: {
          ...staff,
          summary: 'Scorecards (考核) per person and month or week: steps, on-time %, on-duty minutes, breaches, escalations, chat, callbacks, quality checks and the weighted score with each component (supervisor: everyone; others: their own card); format=csv or Accept: text/csv for CSV',
          parameters: queryParams(people.peopleReportQuery),
          responses: {
            '200': { description: 'the scorecards', content: { ...json(ref('PeopleReport')), 'text/csv': { schema: { type: 'string' } } } },
            ...staffErrors,
          },
        },
      },
      '/qa': {
        get: {
          ...staff,
          summary: 'The quality-check (质检) queue of a sampled week, with what each step\'s checklist recorded (supervisor)',
          parameters: queryParams(people.qaQueueQuery),
          responses: { '200': { description: 'the week\'s checks and the policy\'s criteria', content: json(ref('QaQueue')) }, ...staffErrors },
        },
      },
      '/qa/{id}/score': {
        post: {
          ...staff,
          summary: 'Score a quality check 1–5 on every criterion of the policy, with a note (supervisor); a new score replaces the last',
          parameters: [pathParam('id', 'the check, `<week>-<8 hex>`')],
          requestBody: { required: true, content: json(ref('QaScore')) },
          responses: { '200': { description: 'the scored check', content: json(ref('QaItem')) }, ...staffErrors, ...unsupportedMediaType, '404': errorResponse('QaItemNotFound: unknown check') },
        },
      },
      '/qa/sample': {
        post: {
          ...staff,
          summary: 'Draw a week\'s quality checks now (supervisor; the weekly schedule does it on Mondays 06:00); a repeat draws the same sample and adds nothing',
          requestBody: { required: false, content: json(ref('QaSample')) },
          responses: { '200': { description: 'how many checks were drawn and added', content: json(ref('QaSampleResult')) }, ...staffErrors, ...unsupportedMediaType },
        },
      },
      // Holds and priority (service-standards.md §12; issue 22 items 2 and 4), additions to api.md.
      '/cases/{caseId}/hold': {
        post: {
          ...staff,
          summary: 'Ask to hold an unpaid order\'s unit for a day (presales-cs or supervisor; seed l.264 "和我主管申请一下是否可以给您直接留一个"): opens the supervisor\'s and the manager\'s order.hold-approve steps',
          parameters: [pathParam('caseId', 'the order case')],
          requestBody: { required: false, content: json(ref('HoldRequest')) },
          responses: { '200': { description: 'where the hold stands', content: json(ref('Hold')) }, ...staffErrors, ...unsupportedMediaType, '404': errorResponse('unknown order case'), '409': errorResponse('HoldNotAllowed: the order is not waiting for payment, is closed, or was held once already') },
        },
      },
      '/cases/{caseId}/hold/approve': {
        post: {
          ...staff,
          summary: 'The supervisor\'s or the manager\'s decision on a hold (either order); both approved: held 24 h, the day-3 expiry waits; either refused: the unpaid rules go on',
          parameters: [pathParam('caseId', 'the order case')],
          requestBody: { required: true, content: json(ref('HoldDecision')) },
          responses: { '200': { description: 'where the hold stands', content: json(ref('Hold')) }, ...staffErrors, ...unsupportedMediaType, '404': errorResponse('unknown case'), '409': errorResponse('HoldNotAllowed: no hold requested, or this approval is decided or cancelled already') },
        },
      },
      '/cases/{caseId}/priority': {
        post: {
          ...staff,
          summary: 'Mark an order priority (supervisor; seed l.308 "我们会在今天为您安排寄出"): planned for the next pickup batch today if one is left, its steps first in every queue, dispatch asks the courier\'s same-day confirmation',
          parameters: [pathParam('caseId', 'the order case')],
          requestBody: { required: false, content: json(ref('PriorityRequest')) },
          responses: { '200': { description: 'marked (a repeat changes nothing)', content: json(ref('Priority')) }, ...staffErrors, ...unsupportedMediaType, '404': errorResponse('unknown order case'), '409': errorResponse('PriorityNotAllowed: the order is closed, not paid yet, or handed to the courier') },
        },
      },
      '/auth/login': {
        post: {
          summary: 'Sign in with a local account (local home only: on AWS the console uses Cognito managed login)',
          'x-local-only': true,
          requestBody: { required: true, content: json(ref('Login')) },
          responses: {
            '200': { description: 'a bearer token for the staff routes', content: json(ref('LoginResult')) },
            '400': errorResponse('malformed body; the message names the field'),
            '401': errorResponse('InvalidCredentials: unknown user or wrong password'),
            ...unsupportedMediaType,
            '429': {
              description: 'TooManyAttempts: repeated failures for this user from this address, or from this address under any names; SignInBusy: too many sign-ins being checked at once. Try again after Retry-After seconds',
              headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds until the next try is accepted' } },
              content: json(ref('Error')),
            },
          },
        },
      },
      ...peoplePaths(teamHelpers),
      '/healthz': { get: { summary: 'Liveness', responses: { '200': { description: 'alive', content: json(ref('Health')) } } } },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } } },
    },
  };
}
