/** Case items, links and timeline entries (docs/data-model.md, "Items"). */
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { CaseStatus, inverseRelation, type CaseLink, type CaseRecord, type CaseType, type LinkRelation, type TimelineEntry } from '../../core/cases/case.ts';
import { CaseClosed, CaseIdConflict, CaseNotFound, ConcurrentUpdate } from '../../core/cases/errors.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseView, CreateCase, Page, PageRequest } from '../../core/cases/repository.ts';
import { caseLookupKeys, type LookupKey } from '../../core/cases/search.ts';
import { caseItem, linkItem, lookupItem, timelineItem, toCase, toLink, toStep, toTimelineEntry, versionOf, type Item } from './items.ts';
import { caseKey, casesPartition, lookupPartition, orderPartition, SortPrefix } from './keys.ts';
import { failedConditions, isConditionalCheckFailed } from './sdk-errors.ts';
import { queryAll, queryPage, writeVersioned, type Loaded, type TableAccess } from './table-access.ts';
import { CaseIndex } from './table.ts';

/** `GET /cases`: a type, optionally a status and an opening range (instants, `openedTo` exclusive). */
export interface CaseListFilter {
  type: CaseType;
  status?: CaseStatus;
  openedFrom?: string;
  openedTo?: string;
}

/** BatchGetItem's most keys per call. */
const BATCH_GET_KEYS = 100;
/** How often unprocessed keys are asked for, with exponential backoff between (throttling), before giving up. */
const BATCH_GET_ATTEMPTS = 8;

export class CaseStore {
  constructor(private readonly access: TableAccess) {}

  async create(input: CreateCase): Promise<{ case: CaseRecord; created: boolean }> {
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
      await this.insert(record, input.entry);
      return { case: record, created: true };
    } catch (error) {
      if (!isConditionalCheckFailed(error) && !failedConditions(error)?.[0]) throw error;
    }
    const existing = (await this.load(input.id)).record;
    if (existing.type !== input.type || existing.orderId !== input.orderId) throw new CaseIdConflict(input.id);
    return { case: existing, created: false };
  }

  /**
   * A new case alone (PutItem), or with its opening entry and its lookup entries (customer phone
   * tail, name) in one transaction: a crash cannot leave one without the others.
   */
  private async insert(record: CaseRecord, entry: TimelineEntry | undefined): Promise<void> {
    const put = { TableName: this.access.table, Item: caseItem(record, 1), ConditionExpression: 'attribute_not_exists(pk)' };
    const others = [
      ...(entry === undefined ? [] : [timelineItem(record.id, { ...entry, at: toInstant(entry.at) })]),
      ...caseLookupKeys(record).map((key) => lookupItem(record.id, key, record.openedAt)),
    ];
    if (others.length === 0) {
      await this.access.db.send(new PutCommand(put));
      return;
    }
    await this.access.db.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, ...others.map((Item) => ({ Put: { TableName: this.access.table, Item } }))] }));
  }

  /** Adds lookup entries to a case (a tracking number on dispatch); a repeat overwrites the same items. */
  async addLookups(caseId: string, keys: readonly LookupKey[], at: string): Promise<void> {
    await Promise.all(keys.map((key) => this.access.db.send(new PutCommand({ TableName: this.access.table, Item: lookupItem(caseId, key, toInstant(at)) }))));
  }

  /** Ids of the cases a lookup key finds, newest first (gsi1 `FIND#<kind>#<value>`). */
  findByLookup(key: LookupKey, request?: PageRequest): Promise<Page<string>> {
    return queryPage(
      this.access,
      { IndexName: CaseIndex.byOrder, KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': lookupPartition(key.kind, key.value) }, ScanIndexForward: false },
      request,
      (item) => String(item.caseId),
    );
  }

  /**
   * The cases of `caseIds` that exist, in the order asked: BatchGetItem, 100 keys a call (the API's
   * limit), strongly consistent, unprocessed keys asked again (DynamoDB API Reference, BatchGetItem).
   * One call per 100 cases instead of one GetItem each: the queue reads up to 1,000 at once.
   */
  async records(caseIds: readonly string[]): Promise<CaseRecord[]> {
    const unique = [...new Set(caseIds)];
    const chunks = Array.from({ length: Math.ceil(unique.length / BATCH_GET_KEYS) }, (_, i) => unique.slice(i * BATCH_GET_KEYS, (i + 1) * BATCH_GET_KEYS));
    const found = new Map<string, CaseRecord>();
    await Promise.all(
      chunks.map(async (ids) => {
        let keys: Record<string, unknown>[] | undefined = ids.map((id) => ({ ...caseKey(id) }));
        for (let attempt = 0; keys !== undefined && keys.length > 0; attempt++) {
          if (attempt === BATCH_GET_ATTEMPTS) throw new Error(`BatchGetItem left ${keys.length} case keys unprocessed after ${BATCH_GET_ATTEMPTS} attempts`);
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 25 * 2 ** attempt)));
          const result: BatchGetCommandOutput = await this.access.db.send(new BatchGetCommand({ RequestItems: { [this.access.table]: { Keys: keys, ConsistentRead: true } } }));
          for (const record of (result.Responses?.[this.access.table] ?? []).map(toCase)) found.set(record.id, record);
          keys = result.UnprocessedKeys?.[this.access.table]?.Keys;
        }
      }),
    );
    return caseIds.flatMap((id) => found.get(id) ?? []);
  }

  async view(caseId: string): Promise<CaseView> {
    const items = await queryAll(this.access, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': caseKey(caseId).pk }, ConsistentRead: true });
    const found = items.find((item) => item.sk === SortPrefix.case);
    if (!found) throw new CaseNotFound(caseId);
    const withPrefix = (prefix: string): Item[] => items.filter((item) => typeof item.sk === 'string' && item.sk.startsWith(prefix));
    return {
      case: toCase(found),
      steps: withPrefix(SortPrefix.step)
        .map(toStep)
        .sort((a, b) => a.openedAt.localeCompare(b.openedAt)),
      links: withPrefix(SortPrefix.link).map(toLink),
      // Sort keys put timeline entries in time order already.
      timeline: withPrefix(SortPrefix.timeline).map(toTimelineEntry),
    };
  }

  async load(caseId: string): Promise<Loaded<CaseRecord>> {
    const result = await this.access.db.send(new GetCommand({ TableName: this.access.table, Key: caseKey(caseId), ConsistentRead: true }));
    if (!result.Item) throw new CaseNotFound(caseId);
    return { record: toCase(result.Item), version: versionOf(result.Item) };
  }

  async findByOrder(orderId: string, type: CaseType): Promise<CaseRecord | undefined> {
    const result = await this.access.db.send(
      new QueryCommand({
        TableName: this.access.table,
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

  async listForOrder(orderId: string): Promise<CaseRecord[]> {
    const items = await queryAll(this.access, { IndexName: CaseIndex.byOrder, KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': orderPartition(orderId) } });
    return items.map(toCase);
  }

  /**
   * Cases of a type, newest first within each status. An opening range (`openedFrom` ≤ openedAt <
   * `openedTo`) is part of the key condition when the status is given (gsi4sk is
   * `<status>#<openedAt>#<id>`), else a filter on the same query (a page may then hold fewer items).
   */
  list(filter: CaseListFilter, request?: PageRequest): Promise<Page<CaseRecord>> {
    const values: Record<string, string> = { ':pk': casesPartition(filter.type) };
    const range = filter.openedFrom !== undefined || filter.openedTo !== undefined;
    const from = filter.openedFrom ?? '0';
    const to = filter.openedTo ?? '~';
    let query: { KeyConditionExpression: string; FilterExpression?: string };
    if (filter.status === undefined) {
      query = { KeyConditionExpression: 'gsi4pk = :pk' };
      if (range) {
        Object.assign(values, { ':from': from, ':to': to });
        query.FilterExpression = 'openedAt >= :from AND openedAt < :to';
      }
    } else if (range) {
      Object.assign(values, { ':from': `${filter.status}#${from}`, ':to': `${filter.status}#${to}` });
      query = { KeyConditionExpression: 'gsi4pk = :pk AND gsi4sk BETWEEN :from AND :to' };
    } else {
      values[':status'] = `${filter.status}#`;
      query = { KeyConditionExpression: 'gsi4pk = :pk AND begins_with(gsi4sk, :status)' };
    }
    return queryPage(this.access, { IndexName: CaseIndex.reporting, ScanIndexForward: false, ...query, ExpressionAttributeValues: values }, request, toCase);
  }

  close(input: { caseId: string; status: Exclude<CaseStatus, 'open'>; at: string }): Promise<CaseRecord> {
    const closedAt = toInstant(input.at);
    return writeVersioned(this.access, {
      load: () => this.load(input.caseId),
      apply: (record) => {
        if (record.status !== CaseStatus.open) throw new CaseClosed(record.id, record.status);
        const next: CaseRecord = { ...record, status: input.status, closedAt };
        return { next, result: next };
      },
      toItem: caseItem,
      exhausted: () => new ConcurrentUpdate(input.caseId, 'status'),
    });
  }

  /** Sets `data.priority` on an open case (versioned write; a repeat returns the record unchanged). */
  markPriority(caseId: string, at: string): Promise<CaseRecord> {
    return writeVersioned(this.access, {
      load: () => this.load(caseId),
      apply: (record) => {
        if (record.status !== CaseStatus.open) throw new CaseClosed(record.id, record.status);
        if (record.data.priority === true) return { result: record };
        const next: CaseRecord = { ...record, data: { ...record.data, priority: true, priorityAt: at } };
        return { next, result: next };
      },
      toItem: caseItem,
      exhausted: () => new ConcurrentUpdate(caseId, 'priority'),
    });
  }

  async link(input: { caseId: string; otherCaseId: string; relation: LinkRelation; at: string }): Promise<void> {
    const [one, other] = await Promise.all([this.load(input.caseId), this.load(input.otherCaseId)]);
    const linkedAt = toInstant(input.at);
    const forward: CaseLink = { caseId: other.record.id, caseType: other.record.type, relation: input.relation, linkedAt };
    const backward: CaseLink = { caseId: one.record.id, caseType: one.record.type, relation: inverseRelation[input.relation], linkedAt };
    // Both sides or neither: a link seen from one case only would mislead whoever reads the other.
    await this.access.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.access.table, Item: linkItem(one.record.id, forward) } },
          { Put: { TableName: this.access.table, Item: linkItem(other.record.id, backward) } },
        ],
      }),
    );
  }

  async appendTimeline(caseId: string, entry: TimelineEntry): Promise<void> {
    try {
      await this.access.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { ConditionCheck: { TableName: this.access.table, Key: caseKey(caseId), ConditionExpression: 'attribute_exists(pk)' } },
            { Put: { TableName: this.access.table, Item: timelineItem(caseId, { ...entry, at: toInstant(entry.at) }) } },
          ],
        }),
      );
    } catch (error) {
      if (failedConditions(error)?.[0]) throw new CaseNotFound(caseId);
      throw error;
    }
  }
}
