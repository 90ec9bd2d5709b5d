/**
 * The weekly damaged-stock collection (service-standards.md §12 "Side flows", seed §4.1 l.510
 * "联系供应商分批取货"): every Monday 10:00, one stock case per supplier with goods inspected into
 * damaged stock (报损库) in the week before, whose `stock.supplier-collect` step asks
 * `inventory-admin` to have the supplier collect them (`data.items` lists them). Idempotent: the
 * case id is the supplier and the run's day, so a repeated run finds the cases it opened.
 */
import { createHash } from 'node:crypto';
import { bySupplier, collectionWindow, damagedItems, type DamagedItem } from '../../core/aftersales/damaged-stock.ts';
import { CaseStatus } from '../../core/cases/case.ts';
import { toInstant } from '../../core/cases/instant.ts';
import type { CaseRepository } from '../../core/cases/repository.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import type { LifecycleInput } from '../../core/lifecycles/contracts.ts';
import { domainEvent } from '../../core/ports/event-schemas.ts';
import { DetailType, type EventPublisher } from '../../core/ports/events.ts';
import type { WorkflowGateway } from '../../core/ports/workflows.ts';
import { formatDate } from '../../core/time/civil.ts';
import type { Clock } from '../../core/time/clock.ts';
import { lifecycleWorkflowId } from '../case-action/workflow-ids.ts';
import { stepsClosedOn } from '../shared/closed-steps.ts';
import type { Log } from '../shared/logger.ts';

export interface SupplierCollectDeps {
  repository: CaseRepository;
  events: EventPublisher;
  workflows: WorkflowGateway;
  policy: CompiledPolicy;
  clock: Clock;
  log: Log;
}

export interface SupplierCollection {
  caseId: string;
  supplier: string;
  items: number;
  /** False when an earlier run of the same Monday opened it already. */
  opened: boolean;
}

export interface SupplierCollectResult {
  /** The run's Monday (YYYY-MM-DD, policy zone) and the week it covers (ISO-8601). */
  runDay: string;
  from: string;
  to: string;
  collections: SupplierCollection[];
}

/** The stock case of one supplier's collection on one Monday. */
export function supplierCollectCaseId(supplier: string, runDay: string): string {
  return `stock-collect-${createHash('sha256').update(supplier).digest('hex').slice(0, 12)}-${runDay}`;
}

export function createSupplierCollect(deps: SupplierCollectDeps): () => Promise<SupplierCollectResult> {
  return async () => {
    const zone = deps.policy.zone;
    const { runAt, from, runDay } = collectionWindow(zone, deps.clock.now());
    const days = Array.from({ length: 8 }, (_, i) => formatDate(runDay - 7 + i));
    const closed = (await Promise.all(days.map((day) => stepsClosedOn(deps.repository, day)))).flat();
    const groups = bySupplier(damagedItems(closed, from, runAt));
    const collections: SupplierCollection[] = [];
    for (const [supplier, items] of groups) collections.push(await openCollection(deps, supplier, items, formatDate(runDay), runAt));
    deps.log.info('damaged stock collections', { runDay: formatDate(runDay), suppliers: collections.length, items: collections.reduce((n, c) => n + c.items, 0) });
    return { runDay: formatDate(runDay), from: toInstant(from), to: toInstant(runAt), collections };
  };
}

async function openCollection(deps: SupplierCollectDeps, supplier: string, items: readonly DamagedItem[], runDay: string, runAt: number): Promise<SupplierCollection> {
  const id = supplierCollectCaseId(supplier, runDay);
  const openedAt = toInstant(runAt);
  const now = toInstant(deps.clock.now());
  const { case: stored, created } = await deps.repository.createCase({
    id,
    type: 'stock',
    openedAt,
    // The stock workflow branches on `alert`: supplier-collect → stock.supplier-collect.
    data: { alert: 'supplier-collect', supplier, items: items.map((i) => ({ ...i })), collectOn: runDay },
    entry: { id: 'case.opened', at: now, kind: 'case.opened', by: 'supplier-collect', detail: { supplier, items: items.length } },
  });
  if (stored.status === CaseStatus.open) {
    const input: LifecycleInput = { caseId: stored.id, caseType: stored.type, data: stored.data, timings: {} };
    try {
      await deps.workflows.start(lifecycleWorkflowId(stored.type), stored.id, input);
    } catch (error) {
      // A repeated run: the execution of this name is the collection's lifecycle already.
      if (created || !(error instanceof Error) || error.name !== 'ExecutionAlreadyExists') throw error;
    }
  }
  if (created) await deps.events.publish([domainEvent(DetailType.CaseOpened, { caseId: stored.id, caseType: stored.type, openedAt: stored.openedAt, sourceEventId: `supplier-collect-${runDay}` }, now)]);
  return { caseId: stored.id, supplier, items: items.length, opened: created };
}
