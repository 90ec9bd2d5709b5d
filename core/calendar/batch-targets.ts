/**
 * Batch targets (service-standards.md §2, "Batch targets"): the planned pickup batch is the
 * binding promise, so each order step before it has the latest completion that still makes the
 * batch, planned backward from the batch in wall-clock minutes by the share of each later step
 * (policy `pickup.stepShares`). Defaults 5/10/30: dispatch by the batch, bind by batch − 5, pack by
 * batch − 15, review by batch − 45. Pure.
 */

/** The order steps that lead to a pickup, in lifecycle order. */
export const BATCH_CHAIN = ['order.review', 'order.pack', 'order.crm-bind', 'order.dispatch'] as const;
export type BatchChainStep = (typeof BATCH_CHAIN)[number];

/** Minutes a step needs before the batch (`pickup.stepShares`); a step without a share needs none. */
export type StepShares = Readonly<Partial<Record<string, number>>>;

export function isBatchChainStep(step: string): step is BatchChainStep {
  return (BATCH_CHAIN as readonly string[]).includes(step);
}

/**
 * The latest instant (epoch ms) `step` may complete for the parcel to make the batch at `batchAt`:
 * the batch minus the shares of every later step of the chain. Undefined for a step outside the chain.
 */
export function batchTarget(step: string, batchAt: number, shares: StepShares): number | undefined {
  const index = BATCH_CHAIN.indexOf(step as BatchChainStep);
  if (index < 0) return undefined;
  const later = BATCH_CHAIN.slice(index + 1).reduce((sum, s) => sum + (shares[s] ?? 0), 0);
  return batchAt - later * 60_000;
}
