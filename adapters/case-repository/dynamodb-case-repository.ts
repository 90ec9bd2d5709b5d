/**
 * The case store on DynamoDB: one table, the layout of docs/data-model.md. Transitions come from
 * the pure core (`core/cases/transitions.ts`); this adapter loads, applies and writes them back
 * under a version condition.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CaseRecord, CaseStatus, CaseType, Instant, LinkRelation, TimelineEntry } from '../../core/cases/case.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseRepository, CaseView, CreateCase, NewCaseDeadline, OpenedStep, OpenStep, Page, PageRequest, StepSelector } from '../../core/cases/repository.ts';
import type { CaseDeadlineOutcome, CaseDeadlineRecord } from '../../core/cases/case-deadline.ts';
import { stepLookupKeys, type LookupKey } from '../../core/cases/search.ts';
import { StepNotOpen } from '../../core/cases/errors.ts';
import { isStepActive, type StepRecord } from '../../core/cases/step.ts';
import * as transitions from '../../core/cases/transitions.ts';
import { rescheduleStep, type RescheduleStep } from '../../core/cases/reschedule.ts';
import { withAssignee, type AssigneeChange } from '../../core/people/step-assignment.ts';
import { CaseStore } from './case-store.ts';
import { CaseDeadlineStore } from './deadline-store.ts';
import { toCaseDeadline, toStep } from './items.ts';
import { PageTokens } from './pagination.ts';
import { awaitPartition, CASE_SWEEP_PARTITION, closedPartition, escalatedPartition, queuePartition, SWEEP_PARTITION, UNANSWERED_PARTITION } from './keys.ts';
import { optionalInstant, StepStore } from './step-store.ts';
import { indexQuery, queryPage, type Query, type TableAccess } from './table-access.ts';
import { CaseIndex } from './table.ts';

export interface DynamoDbCaseRepositoryOptions {
  client: DynamoDBClient | DynamoDBDocumentClient;
  tableName: string;
  /** Optimistic writes retried this many times before `ConcurrentUpdate`. */
  maxWriteAttempts?: number;
  /** Signs page tokens; the functions pass one keyed from the secret store (default: a key of this instance). */
  pageTokens?: PageTokens;
}

export class DynamoDbCaseRepository implements CaseRepository {
  private readonly access: TableAccess;
  private readonly cases: CaseStore;
  private readonly steps: StepStore;
  private readonly deadlines: CaseDeadlineStore;

  constructor(options: DynamoDbCaseRepositoryOptions) {
    const db =
      options.client instanceof DynamoDBDocumentClient
        ? options.client
        : DynamoDBDocumentClient.from(options.client, { marshallOptions: { removeUndefinedValues: true } });
    this.access = { db, table: options.tableName, maxWriteAttempts: options.maxWriteAttempts ?? 5, pageTokens: options.pageTokens ?? new PageTokens() };
    this.cases = new CaseStore(this.access);
    this.steps = new StepStore(this.access, this.cases);
    this.deadlines = new CaseDeadlineStore(this.access);
  }

  // ---- cases ----

  createCase(input: CreateCase): Promise<{ case: CaseRecord; created: boolean }> {
    return this.cases.create(input);
  }

  getCase(caseId: string): Promise<CaseView> {
    return this.cases.view(caseId);
  }

  findCaseByOrderId(orderId: string, type: CaseType = 'order'): Promise<CaseRecord | undefined> {
    return this.cases.findByOrder(orderId, type);
  }

  listCasesForOrder(orderId: string): Promise<CaseRecord[]> {
    return this.cases.listForOrder(orderId);
  }

  listCases(filter: { type: CaseType; status?: CaseStatus; openedFrom?: Instant; openedTo?: Instant }, request?: PageRequest): Promise<Page<CaseRecord>> {
    return this.cases.list(
      {
        type: filter.type,
        ...(filter.status !== undefined ? { status: filter.status } : {}),
        ...(filter.openedFrom !== undefined ? { openedFrom: toInstant(filter.openedFrom) } : {}),
        ...(filter.openedTo !== undefined ? { openedTo: toInstant(filter.openedTo) } : {}),
      },
      request,
    );
  }

  findCaseIds(key: LookupKey, request?: PageRequest): Promise<Page<string>> {
    return this.cases.findByLookup(key, request);
  }

  getCaseRecords(caseIds: readonly string[]): Promise<CaseRecord[]> {
    return this.cases.records(caseIds);
  }

  closeCase(input: { caseId: string; status: Exclude<CaseStatus, 'open'>; at: Instant }): Promise<CaseRecord> {
    return this.cases.close(input);
  }

  linkCases(input: { caseId: string; otherCaseId: string; relation: LinkRelation; at: Instant }): Promise<void> {
    return this.cases.link(input);
  }

  appendTimeline(caseId: string, entry: TimelineEntry): Promise<void> {
    return this.cases.appendTimeline(caseId, entry);
  }

  markPriority(caseId: string, at: Instant): Promise<CaseRecord> {
    return this.cases.markPriority(caseId, toInstant(at));
  }

  prioritizeStep(selector: StepSelector, plan?: { plannedPickupAt: Instant; batchTargetAt: Instant }): Promise<StepRecord> {
    return this.steps.transition(selector, (step) => {
      if (!isStepActive(step.status)) throw new StepNotOpen(step.caseId, step.step, step.status);
      return { ...step, priority: true, ...(plan ? { plannedPickupAt: toInstant(plan.plannedPickupAt), batchTargetAt: toInstant(plan.batchTargetAt) } : {}) };
    });
  }

  // ---- steps ----

  openStep(input: OpenStep): Promise<OpenedStep> {
    return this.steps.open(input);
  }

  async getStep(selector: StepSelector): Promise<StepRecord> {
    return (await this.steps.load(selector)).record;
  }

  async completeStep(selector: StepSelector, input: transitions.CompleteStep): Promise<StepRecord> {
    const at = toInstant(input.at);
    const completed = await this.steps.transition(selector, (step) => transitions.completeStep(step, { ...input, at }));
    // A tracking number typed at dispatch makes the case findable by it (search).
    await this.cases.addLookups(completed.caseId, stepLookupKeys(completed.fields), at);
    return completed;
  }

  cancelStep(selector: StepSelector, input: { at: Instant; by?: string; reason?: string }): Promise<StepRecord> {
    const at = toInstant(input.at);
    return this.steps.transition(selector, (step) => transitions.cancelStep(step, { ...input, at }));
  }

  pauseStep(selector: StepSelector, input: transitions.PauseStep): Promise<StepRecord> {
    const at = toInstant(input.at);
    const until = optionalInstant(input.until);
    return this.steps.transition(selector, (step) => transitions.pauseStep(step, { ...input, at, until }));
  }

  resumeStep(selector: StepSelector, input: transitions.ResumeStep): Promise<StepRecord> {
    const resume = { at: toInstant(input.at), due: optionalInstant(input.due), warnAt: optionalInstant(input.warnAt), ...(input.provisional !== undefined ? { provisional: input.provisional } : {}) };
    return this.steps.transition(selector, (step) => transitions.resumeStep(step, resume));
  }

  rescheduleStep(selector: StepSelector, input: RescheduleStep): Promise<transitions.TimerOutcome> {
    const moved = { due: toInstant(input.due), warnAt: optionalInstant(input.warnAt), provisional: input.provisional };
    return this.steps.update(selector, (step) => timerWrite(rescheduleStep(step, moved)));
  }

  markWarned(selector: StepSelector, at: Instant, escalateTo?: transitions.EscalateTo): Promise<transitions.TimerOutcome> {
    const instant = toInstant(at);
    const to = escalateTo && { ...escalateTo, seenAt: toInstant(escalateTo.seenAt) };
    return this.steps.update(selector, (step) => timerWrite(transitions.markWarned(step, instant, to)));
  }

  markAtRisk(selector: StepSelector, at: Instant): Promise<transitions.TimerOutcome> {
    const instant = toInstant(at);
    return this.steps.update(selector, (step) => timerWrite(transitions.markAtRisk(step, instant)));
  }

  markBreached(selector: StepSelector, at: Instant, escalateTo: transitions.EscalateTo): Promise<transitions.TimerOutcome> {
    const instant = toInstant(at);
    const to = { ...escalateTo, seenAt: toInstant(escalateTo.seenAt) };
    return this.steps.update(selector, (step) => timerWrite(transitions.markBreached(step, instant, to)));
  }

  escalateStep(selector: StepSelector, input: transitions.EscalateStep): Promise<StepRecord> {
    const escalate = { ...input, at: toInstant(input.at), to: { ...input.to, seenAt: toInstant(input.to.seenAt) } };
    return this.steps.transition(selector, (step) => transitions.escalateStep(step, escalate));
  }

  markAnnounced(selector: StepSelector, at: Instant): Promise<boolean> {
    return this.steps.announce(selector, at);
  }

  markAnswered(selector: StepSelector, at: Instant): Promise<boolean> {
    return this.steps.stamp(selector, 'answeredAt', at);
  }

  setAssignee(selector: StepSelector, decide: (step: StepRecord) => AssigneeChange, at: Instant): Promise<{ step: StepRecord; changed: boolean }> {
    const instant = toInstant(at);
    return this.steps.update<{ step: StepRecord; changed: boolean }>(selector, (step) => {
      const change = decide(step);
      if (change === 'keep') return { result: { step, changed: false } };
      const next = withAssignee(step, change.to, instant);
      return { next, result: { step: next, changed: true } };
    });
  }

  // ---- case deadlines ----

  startCaseDeadline(input: NewCaseDeadline): Promise<CaseDeadlineRecord> {
    return this.deadlines.start(input);
  }

  getCaseDeadline(caseId: string, deadline: string): Promise<CaseDeadlineRecord | undefined> {
    return this.deadlines.get(caseId, deadline);
  }

  updateCaseDeadline(caseId: string, deadline: string, apply: (d: CaseDeadlineRecord) => CaseDeadlineOutcome): Promise<CaseDeadlineOutcome> {
    return this.deadlines.update(caseId, deadline, apply);
  }

  listCaseDeadlinesDueBefore(at: Instant, request?: PageRequest): Promise<Page<CaseDeadlineRecord>> {
    return queryPage(this.access, atOrBefore(CASE_SWEEP_PARTITION, at), request, toCaseDeadline);
  }

  // ---- step queries (docs/data-model.md, access patterns 6–10) ----

  listQueue(role: string, request?: PageRequest): Promise<Page<StepRecord>> {
    return queryPage(this.access, indexQuery(CaseIndex.queue, queuePartition(role)), request, toStep);
  }

  listEscalated(to: string, request?: PageRequest): Promise<Page<StepRecord>> {
    return queryPage(this.access, indexQuery(CaseIndex.escalated, escalatedPartition(to)), request, toStep);
  }

  listAwaiting(step: string, request?: PageRequest): Promise<Page<StepRecord>> {
    return queryPage(this.access, indexQuery(CaseIndex.queue, awaitPartition(step)), request, toStep);
  }

  listOpenStepsDueBefore(at: Instant, request?: PageRequest): Promise<Page<StepRecord>> {
    return queryPage(this.access, atOrBefore(SWEEP_PARTITION, at), request, toStep);
  }

  listUnansweredCompletions(at: Instant, request?: PageRequest): Promise<Page<StepRecord>> {
    return queryPage(this.access, atOrBefore(UNANSWERED_PARTITION, at), request, toStep);
  }

  listStepsClosedOn(day: string, request?: PageRequest): Promise<Page<StepRecord>> {
    return queryPage(this.access, indexQuery(CaseIndex.reporting, closedPartition(day)), request, toStep);
  }
}

/** Items of a gsi3 partition whose sort key `<instant>#<id>` is at or before `at`. */
function atOrBefore(partition: string, at: Instant): Query {
  // Sort keys are `<instant>#<id>` with fixed-length instants; '$' follows '#', so `< "<at>$"` keeps every instant at or before `at`.
  return {
    IndexName: CaseIndex.attention,
    KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk < :bound',
    ExpressionAttributeValues: { ':pk': partition, ':bound': `${toInstant(at)}$` },
  };
}

/** Timers write only when they changed the step; a repeat reads and returns. */
function timerWrite(outcome: transitions.TimerOutcome): { next?: StepRecord; result: transitions.TimerOutcome } {
  return { next: outcome.changed ? outcome.step : undefined, result: outcome };
}
