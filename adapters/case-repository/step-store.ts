/** Step items: opening, loading and every transition (docs/data-model.md, "Writes"). */
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CaseStatus } from '../../core/cases/case.ts';
import { CaseClosed, ConcurrentUpdate, StepNotFound, StepNotOpen } from '../../core/cases/errors.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { OpenedStep, OpenStep, StepSelector } from '../../core/cases/repository.ts';
import { isStepActive, StepStatus, type StepRecord } from '../../core/cases/step.ts';
import type { CaseStore } from './case-store.ts';
import { newCaseDeadline, startCaseDeadlinePut } from './deadline-store.ts';
import { stepItem, timelineItem, toStep, versionOf, type Item } from './items.ts';
import { caseKey, stepKey, stepPrefix } from './keys.ts';
import { failedConditions, isConditionalCheckFailed } from './sdk-errors.ts';
import { writeVersioned, type Loaded, type TableAccess } from './table-access.ts';

export class StepStore {
  constructor(
    private readonly access: TableAccess,
    private readonly cases: CaseStore,
  ) {}

  async open(input: OpenStep): Promise<OpenedStep> {
    const record: StepRecord = {
      caseId: input.caseId,
      caseType: input.caseType,
      step: input.step,
      attempt: input.attempt ?? 1,
      role: input.role,
      status: StepStatus.open,
      openedAt: toInstant(input.openedAt),
      due: optionalInstant(input.due),
      warnAt: optionalInstant(input.warnAt),
      ...(input.startsAt !== undefined ? { startsAt: toInstant(input.startsAt) } : {}),
      ...(input.provisional ? { provisional: true } : {}),
      ...(input.escalateAtWarning ? { escalateAtWarning: true as const } : {}),
      ...(input.facts !== undefined && Object.keys(input.facts).length > 0 ? { facts: input.facts } : {}),
      ...(input.plannedPickupAt !== undefined ? { plannedPickupAt: toInstant(input.plannedPickupAt) } : {}),
      ...(input.batchTargetAt !== undefined ? { batchTargetAt: toInstant(input.batchTargetAt) } : {}),
      ...(input.priority ? { priority: true } : {}),
      pauses: [],
      taskToken: input.taskToken,
    };
    const caseDeadline = input.caseDeadline ? newCaseDeadline(input.caseDeadline) : undefined;
    const items = [
      {
        ConditionCheck: {
          TableName: this.access.table,
          Key: caseKey(input.caseId),
          ConditionExpression: 'attribute_exists(pk) AND #status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': CaseStatus.open },
        },
      },
      { Put: { TableName: this.access.table, Item: stepItem(record, 1), ConditionExpression: 'attribute_not_exists(pk)' } },
      // The step, its opening entry and the case deadline it begins together: one write request,
      // and a crash cannot leave one without the others.
      ...(input.entry ? [{ Put: { TableName: this.access.table, Item: timelineItem(input.caseId, { ...input.entry, at: toInstant(input.entry.at) }) } }] : []),
      ...(caseDeadline ? [startCaseDeadlinePut(this.access.table, caseDeadline)] : []),
    ];
    try {
      await this.access.db.send(new TransactWriteCommand({ TransactItems: items }));
      return { step: record, opened: true, ...(caseDeadline ? { caseDeadline } : {}) };
    } catch (error) {
      const failed = failedConditions(error);
      if (failed?.[0]) {
        const current = await this.cases.load(input.caseId); // throws CaseNotFound if it is missing
        throw new CaseClosed(input.caseId, current.record.status);
      }
      // A deadline there already without this step (not started by an opening): keep it, open the step alone.
      if (caseDeadline && failed?.[items.length - 1] && !failed[1]) return this.open({ ...input, caseDeadline: undefined });
      if (!failed?.[1]) throw error;
    }
    return { step: await this.reopen(record), opened: false };
  }

  /** A redelivered open: keep the stored deadline, adopt the newest task token. */
  private reopen(requested: StepRecord): Promise<StepRecord> {
    return this.update(requested, (stored) => {
      if (!isStepActive(stored.status)) throw new StepNotOpen(stored.caseId, stored.step, stored.status);
      if (requested.taskToken === undefined || requested.taskToken === stored.taskToken) return { result: stored };
      const next = { ...stored, taskToken: requested.taskToken };
      return { next, result: next };
    });
  }

  /**
   * Sets `announcedAt` once, in place: one UpdateItem, no read. `announcedAt` is in no index key,
   * so the item's index attributes stay right; the version moves on, so a versioned writer that
   * read the step before cannot write the stamp away. False if it was set already.
   */
  async announce(selector: StepSelector, at: string): Promise<boolean> {
    const attempt = selector.attempt ?? (await this.load(selector)).record.attempt;
    try {
      await this.access.db.send(
        new UpdateCommand({
          TableName: this.access.table,
          Key: stepKey(selector.caseId, selector.step, attempt),
          UpdateExpression: 'SET announcedAt = :at, #version = #version + :one',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(announcedAt)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':at': toInstant(at), ':one': 1 },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
    await this.load({ ...selector, attempt }); // a missing step is StepNotFound (CaseNotFound), not "announced already"
    return false;
  }

  /** Sets a once-only instant (`answeredAt`, which moves the step out of `UNANSWERED`) on the step; false if it was set already. */
  stamp(selector: StepSelector, field: 'answeredAt', at: string): Promise<boolean> {
    return this.update(selector, (step) => (step[field] !== undefined ? { result: false } : { next: { ...step, [field]: toInstant(at) }, result: true }));
  }

  async load(selector: StepSelector): Promise<Loaded<StepRecord>> {
    const item = selector.attempt === undefined ? await this.latestAttempt(selector) : await this.attempt(selector.caseId, selector.step, selector.attempt);
    if (!item) {
      await this.cases.load(selector.caseId); // an unknown case is CaseNotFound, not StepNotFound
      throw new StepNotFound(selector.caseId, selector.step);
    }
    return { record: toStep(item), version: versionOf(item) };
  }

  /** Applies a transition that returns the next step (or throws). */
  transition(selector: StepSelector, apply: (step: StepRecord) => StepRecord): Promise<StepRecord> {
    return this.update(selector, (step) => {
      const next = apply(step);
      return { next, result: next };
    });
  }

  /** Applies a transition that may leave the step unchanged (`next` absent), returning its own result. */
  update<R>(selector: StepSelector, apply: (step: StepRecord) => { next?: StepRecord; result: R }): Promise<R> {
    return writeVersioned(this.access, {
      load: () => this.load(selector),
      apply,
      toItem: stepItem,
      exhausted: () => new ConcurrentUpdate(selector.caseId, `step ${selector.step}`),
    });
  }

  private async attempt(caseId: string, step: string, attempt: number): Promise<Item | undefined> {
    const result = await this.access.db.send(new GetCommand({ TableName: this.access.table, Key: stepKey(caseId, step, attempt), ConsistentRead: true }));
    return result.Item;
  }

  private async latestAttempt(selector: StepSelector): Promise<Item | undefined> {
    const result = await this.access.db.send(
      new QueryCommand({
        TableName: this.access.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': caseKey(selector.caseId).pk, ':prefix': stepPrefix(selector.step) },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return result.Items?.[0];
  }
}

export function optionalInstant(at: string | undefined): string | undefined {
  return at === undefined ? undefined : toInstant(at);
}
