/** Case items, links and timeline entries (docs/data-model.md, "Items"). */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { CaseStatus, inverseRelation, type CaseLink, type CaseRecord, type CaseType, type LinkRelation, type TimelineEntry } from '../../core/cases/case.ts';
import { CaseClosed, CaseIdConflict, CaseNotFound, ConcurrentUpdate } from '../../core/cases/errors.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseView, CreateCase, Page, PageRequest } from '../../core/cases/repository.ts';
import { caseItem, linkItem, timelineItem, toCase, toLink, toStep, toTimelineEntry, versionOf, type Item } from './items.ts';
import { caseKey, casesPartition, orderPartition, SortPrefix } from './keys.ts';
import { failedConditions, isConditionalCheckFailed } from './sdk-errors.ts';
import { queryAll, queryPage, writeVersioned, type Loaded, type TableAccess } from './table-access.ts';
import { CaseIndex } from './table.ts';

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

  /** A new case alone (PutItem), or with its opening entry in one transaction: a crash cannot leave one without the other. */
  private async insert(record: CaseRecord, entry: TimelineEntry | undefined): Promise<void> {
    const put = { TableName: this.access.table, Item: caseItem(record, 1), ConditionExpression: 'attribute_not_exists(pk)' };
    if (entry === undefined) {
      await this.access.db.send(new PutCommand(put));
      return;
    }
    const opening = timelineItem(record.id, { ...entry, at: toInstant(entry.at) });
    await this.access.db.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, { Put: { TableName: this.access.table, Item: opening } }] }));
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

  list(filter: { type: CaseType; status?: CaseStatus }, request?: PageRequest): Promise<Page<CaseRecord>> {
    const partition = { ':pk': casesPartition(filter.type) };
    const query =
      filter.status === undefined
        ? { KeyConditionExpression: 'gsi4pk = :pk', ExpressionAttributeValues: partition }
        : { KeyConditionExpression: 'gsi4pk = :pk AND begins_with(gsi4sk, :status)', ExpressionAttributeValues: { ...partition, ':status': `${filter.status}#` } };
    return queryPage(this.access, { IndexName: CaseIndex.reporting, ScanIndexForward: false, ...query }, request, toCase);
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
