/**
 * The case store on DynamoDB: one table, the layout of docs/data-model.md. Transitions come from
 * the pure core; this class only loads, applies them and writes back under a version condition.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { CaseStatus, inverseRelation, type CaseLink, type CaseRecord, type CaseType, type TimelineEntry } from '../../core/cases/case.ts';
import { CaseClosed, CaseIdConflict, CaseNotFound, ConcurrentUpdate, StepNotFound, StepNotOpen } from '../../core/cases/errors.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseRepository, CaseView, CreateCase, OpenStep, Page, PageRequest, StepSelector } from '../../core/cases/repository.ts';
import { isStepActive, StepStatus, type StepRecord } from '../../core/cases/step.ts';
import * as transitions from '../../core/cases/transitions.ts';
import { caseItem, linkItem, stepItem, timelineItem, toCase, toLink, toStep, toTimelineEntry, versionOf, type Item } from './items.ts';
import {
  awaitPartition,
  caseKey,
  casesPartition,
  escalatedPartition,
  closedPartition,
  orderPartition,
  queuePartition,
  SortPrefix,
  stepKey,
  stepPrefix,
  SWEEP_PARTITION,
} from './keys.ts';
import { decodeToken, page } from './pagination.ts';
import { failedConditions, isConditionalCheckFailed } from './sdk-errors.ts';
import { CaseIndex } from './table.ts';

export interface DynamoDbCaseRepositoryOptions {
  client: DynamoDBClient | DynamoDBDocumentClient;
  tableName: string;
  /** Optimistic writes retried this many times before `ConcurrentUpdate`. */
  maxWriteAttempts?: number;
}

const DEFAULT_PAGE_SIZE = 100;

interface Loaded<T> {
  record: T;
  version: number;
}

export class DynamoDbCaseRepository implements CaseRepository {
  private readonly db: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly maxWriteAttempts: number;

  constructor(options: DynamoDbCaseRepositoryOptions) {
    this.db =
      options.client instanceof DynamoDBDocumentClient
        ? options.client
        : DynamoDBDocumentClient.from(options.client, { marshallOptions: { removeUndefinedValues: true } });
    this.table = options.tableName;
    this.maxWriteAttempts = options.maxWriteAttempts ?? 5;
  }

  async createCase(input: CreateCase): Promise<{ case: CaseRecord; created: boolean }> {
    const record: CaseRecord = {
      id: input.id,
      type: input.type,
      status: CaseStatus.open,
      orderId: input.orderId,
      openedAt: toInstant(input.openedAt),
      sourceEventId: input.sourceEventId,
      data: input.data,
    };
    try {
      await this.db.send(new PutCommand({ TableName: this.table, Item: caseItem(record, 1), ConditionExpression: 'attribute_not_exists(pk)' }));
      return { case: record, created: true };
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
    const existing = (await this.loadCase(input.id)).record;
    if (existing.type !== input.type || existing.orderId !== input.orderId) throw new CaseIdConflict(input.id);
    return { case: existing, created: false };
  }

  async getCase(caseId: string): Promise<CaseView> {
    const items = await this.queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': caseKey(caseId).pk }, ConsistentRead: true });
    const caseItem = items.find((item) => item.sk === SortPrefix.case);
    if (!caseItem) throw new CaseNotFound(caseId);
    const withPrefix = (prefix: string): Item[] => items.filter((item) => typeof item.sk === 'string' && item.sk.startsWith(prefix));
    return {
      case: toCase(caseItem),
      steps: withPrefix(SortPrefix.step)
        .map(toStep)
        .sort((a, b) => a.openedAt.localeCompare(b.openedAt)),
      links: withPrefix(SortPrefix.link).map(toLink),
      timeline: withPrefix(SortPrefix.timeline).map(toTimelineEntry),
    };
  }

  async findCaseByOrderId(orderId: string, type: CaseType = 'order'): Promise<CaseRecord | undefined> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: CaseIndex.byOrder,
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :type)',
        ExpressionAttributeValues: { ':pk': orderPartition(orderId), ':type': `${type}#` },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    const item = result.Items?.[0];
    return item ? toCase(item) : undefined;
  }

  async listCasesForOrder(orderId: string): Promise<CaseRecord[]> {
    const items = await this.queryAll({
      IndexName: CaseIndex.byOrder,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': orderPartition(orderId) },
    });
    return items.map(toCase);
  }

  listCases(filter: { type: CaseType; status?: CaseStatus }, request?: PageRequest): Promise<Page<CaseRecord>> {
    const byStatus = filter.status !== undefined;
    return this.queryPage(
      {
        IndexName: CaseIndex.reporting,
        KeyConditionExpression: byStatus ? 'gsi4pk = :pk AND begins_with(gsi4sk, :status)' : 'gsi4pk = :pk',
        ExpressionAttributeValues: byStatus ? { ':pk': casesPartition(filter.type), ':status': `${filter.status}#` } : { ':pk': casesPartition(filter.type) },
        ScanIndexForward: false,
      },
      request,
      toCase,
    );
  }

  async setExecution(caseId: string, executionArn: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: caseKey(caseId),
          UpdateExpression: 'SET executionArn = :arn',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':arn': executionArn },
        }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new CaseNotFound(caseId);
      throw error;
    }
  }

  async closeCase(input: { caseId: string; status: Exclude<CaseStatus, 'open'>; at: string }): Promise<CaseRecord> {
    const closedAt = toInstant(input.at);
    return this.mutate(
      () => this.loadCase(input.caseId),
      (record) => {
        if (record.status !== CaseStatus.open) throw new CaseClosed(record.id, record.status);
        const next: CaseRecord = { ...record, status: input.status, closedAt };
        return { next, result: next };
      },
      caseItem,
      input.caseId,
      'case',
    );
  }

  async linkCases(input: { caseId: string; otherCaseId: string; relation: CaseLink['relation']; at: string }): Promise<void> {
    const [one, other] = await Promise.all([this.loadCase(input.caseId), this.loadCase(input.otherCaseId)]);
    const linkedAt = toInstant(input.at);
    const forward: CaseLink = { caseId: other.record.id, caseType: other.record.type, relation: input.relation, linkedAt };
    const backward: CaseLink = { caseId: one.record.id, caseType: one.record.type, relation: inverseRelation[input.relation], linkedAt };
    // Both sides or neither: a link seen from one case only would mislead whoever reads the other.
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.table, Item: linkItem(one.record.id, forward) } },
          { Put: { TableName: this.table, Item: linkItem(other.record.id, backward) } },
        ],
      }),
    );
  }

  async appendTimeline(caseId: string, entry: TimelineEntry): Promise<void> {
    const item = timelineItem(caseId, { ...entry, at: toInstant(entry.at) });
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { ConditionCheck: { TableName: this.table, Key: caseKey(caseId), ConditionExpression: 'attribute_exists(pk)' } },
            { Put: { TableName: this.table, Item: item } },
          ],
        }),
      );
    } catch (error) {
      if (failedConditions(error)?.[0]) throw new CaseNotFound(caseId);
      throw error;
    }
  }

  async openStep(input: OpenStep): Promise<{ step: StepRecord; opened: boolean }> {
    const record: StepRecord = {
      caseId: input.caseId,
      caseType: input.caseType,
      step: input.step,
      attempt: input.attempt ?? 1,
      role: input.role,
      status: StepStatus.open,
      openedAt: toInstant(input.openedAt),
      due: input.due === undefined ? undefined : toInstant(input.due),
      warnAt: input.warnAt === undefined ? undefined : toInstant(input.warnAt),
      pauses: [],
      taskToken: input.taskToken,
    };
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: this.table,
                Key: caseKey(input.caseId),
                ConditionExpression: 'attribute_exists(pk) AND #status = :open',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':open': CaseStatus.open },
              },
            },
            { Put: { TableName: this.table, Item: stepItem(record, 1), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      return { step: record, opened: true };
    } catch (error) {
      const failed = failedConditions(error);
      if (!failed) throw error;
      if (failed[0]) {
        const current = await this.loadCase(input.caseId);
        throw new CaseClosed(input.caseId, current.record.status);
      }
      if (!failed[1]) throw error;
    }
    return { step: await this.reopen(record), opened: false };
  }

  /** A redelivered open: keep the stored deadline, adopt the newest task token. */
  private reopen(requested: StepRecord): Promise<StepRecord> {
    return this.mutateStep(requested, (stored) => {
      if (!isStepActive(stored.status)) throw new StepNotOpen(stored.caseId, stored.step, stored.status);
      if (requested.taskToken === undefined || requested.taskToken === stored.taskToken) return { result: stored };
      const next = { ...stored, taskToken: requested.taskToken };
      return { next, result: next };
    });
  }

  async getStep(selector: StepSelector): Promise<StepRecord> {
    return (await this.loadStep(selector)).record;
  }

  completeStep(selector: StepSelector, input: transitions.CompleteStep): Promise<StepRecord> {
    const at = toInstant(input.at);
    return this.transition(selector, (step) => transitions.completeStep(step, { ...input, at }));
  }

  cancelStep(selector: StepSelector, input: { at: string; by?: string; reason?: string }): Promise<StepRecord> {
    const at = toInstant(input.at);
    return this.transition(selector, (step) => transitions.cancelStep(step, { ...input, at }));
  }

  pauseStep(selector: StepSelector, input: transitions.PauseStep): Promise<StepRecord> {
    const at = toInstant(input.at);
    const until = input.until === undefined ? undefined : toInstant(input.until);
    return this.transition(selector, (step) => transitions.pauseStep(step, { ...input, at, until }));
  }

  resumeStep(selector: StepSelector, input: transitions.ResumeStep): Promise<StepRecord> {
    const at = toInstant(input.at);
    const due = input.due === undefined ? undefined : toInstant(input.due);
    const warnAt = input.warnAt === undefined ? undefined : toInstant(input.warnAt);
    return this.transition(selector, (step) => transitions.resumeStep(step, { at, due, warnAt }));
  }

  markWarned(selector: StepSelector, at: string): Promise<transitions.TimerOutcome> {
    const instant = toInstant(at);
    return this.mutateStep(selector, (step) => {
      const outcome = transitions.markWarned(step, instant);
      return { next: outcome.changed ? outcome.step : undefined, result: outcome };
    });
  }

  markBreached(selector: StepSelector, at: string, escalateTo: string): Promise<transitions.TimerOutcome> {
    const instant = toInstant(at);
    return this.mutateStep(selector, (step) => {
      const outcome = transitions.markBreached(step, instant, escalateTo);
      return { next: outcome.changed ? outcome.step : undefined, result: outcome };
    });
  }

  listQueue(role: string, request?: PageRequest): Promise<Page<StepRecord>> {
    return this.queryPage(indexQuery(CaseIndex.queue, queuePartition(role)), request, toStep);
  }

  listEscalated(to: string, request?: PageRequest): Promise<Page<StepRecord>> {
    return this.queryPage(indexQuery(CaseIndex.attention, escalatedPartition(to)), request, toStep);
  }

  listAwaiting(step: string, request?: PageRequest): Promise<Page<StepRecord>> {
    return this.queryPage(indexQuery(CaseIndex.queue, awaitPartition(step)), request, toStep);
  }

  listOpenStepsDueBefore(at: string, request?: PageRequest): Promise<Page<StepRecord>> {
    // Sort keys are `<instant>#<id>` with fixed-length instants; '$' follows '#', so `< "<at>$"` keeps every timer at or before `at`.
    return this.queryPage(
      {
        IndexName: CaseIndex.attention,
        KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk < :bound',
        ExpressionAttributeValues: { ':pk': SWEEP_PARTITION, ':bound': `${toInstant(at)}$` },
      },
      request,
      toStep,
    );
  }

  listStepsClosedOn(day: string, request?: PageRequest): Promise<Page<StepRecord>> {
    return this.queryPage(indexQuery(CaseIndex.reporting, closedPartition(day)), request, toStep);
  }

  // ---- loading and optimistic writes ----

  private async loadCase(caseId: string): Promise<Loaded<CaseRecord>> {
    const result = await this.db.send(new GetCommand({ TableName: this.table, Key: caseKey(caseId), ConsistentRead: true }));
    if (!result.Item) throw new CaseNotFound(caseId);
    return { record: toCase(result.Item), version: versionOf(result.Item) };
  }

  private async loadStep(selector: StepSelector): Promise<Loaded<StepRecord>> {
    let item: Item | undefined;
    if (selector.attempt !== undefined) {
      const result = await this.db.send(new GetCommand({ TableName: this.table, Key: stepKey(selector.caseId, selector.step, selector.attempt), ConsistentRead: true }));
      item = result.Item;
    } else {
      const result = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': caseKey(selector.caseId).pk, ':prefix': stepPrefix(selector.step) },
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: true,
        }),
      );
      item = result.Items?.[0];
    }
    if (!item) throw new StepNotFound(selector.caseId, selector.step);
    return { record: toStep(item), version: versionOf(item) };
  }

  private transition(selector: StepSelector, apply: (step: StepRecord) => StepRecord): Promise<StepRecord> {
    return this.mutateStep(selector, (step) => {
      const next = apply(step);
      return { next, result: next };
    });
  }

  private mutateStep<R>(selector: StepSelector, apply: (step: StepRecord) => { next?: StepRecord; result: R }): Promise<R> {
    return this.mutate(() => this.loadStep(selector), apply, stepItem, selector.caseId, `step ${selector.step}`);
  }

  /**
   * Load → apply → write back only if nobody wrote in between (`version` unchanged). A loser
   * reloads and applies again, so it sees the winner's write and fails with the domain error
   * (e.g. `StepNotOpen` for the second of two completions).
   */
  private async mutate<T, R>(
    load: () => Promise<Loaded<T>>,
    apply: (record: T) => { next?: T; result: R },
    toItem: (record: T, version: number) => Item,
    caseId: string,
    what: string,
  ): Promise<R> {
    for (let attempt = 0; attempt < this.maxWriteAttempts; attempt++) {
      const { record, version } = await load();
      const { next, result } = apply(record);
      if (next === undefined) return result;
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: toItem(next, version + 1),
            ConditionExpression: '#version = :version',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':version': version },
          }),
        );
        return result;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
    }
    throw new ConcurrentUpdate(caseId, what);
  }

  private async queryPage<T>(query: Omit<QueryCommandInput, 'TableName'>, request: PageRequest | undefined, convert: (item: Item) => T): Promise<Page<T>> {
    const result = await this.db.send(
      new QueryCommand({ ...query, TableName: this.table, Limit: request?.limit ?? DEFAULT_PAGE_SIZE, ExclusiveStartKey: decodeToken(request?.nextToken) }),
    );
    return page((result.Items ?? []).map(convert), result.LastEvaluatedKey);
  }

  private async queryAll(query: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const result = await this.db.send(new QueryCommand({ ...query, TableName: this.table, ExclusiveStartKey: startKey }));
      items.push(...(result.Items ?? []));
      startKey = result.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }
}

/** All items of one index partition, in sort-key order. */
function indexQuery(index: string, partition: string): Omit<QueryCommandInput, 'TableName'> {
  return {
    IndexName: index,
    KeyConditionExpression: `${index}pk = :pk`,
    ExpressionAttributeValues: { ':pk': partition },
  };
}
