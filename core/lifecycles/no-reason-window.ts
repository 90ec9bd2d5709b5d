/**
 * The no-reason window (七日无理由, service-standards.md §5–§6, derived from the statute; the seed's
 * exchange line is "完好无损7天包换"): `days` days counted from the day **after** the customer
 * signed (`deliveredAt`), ending at 24:00 of the last day in the policy's zone. A return outcome
 * `insist` or an exchange outcome `no-reason` after that is refused with 409 `NoReasonWindowClosed`;
 * before delivery there is no window yet (allowed). A quality return or exchange has no window.
 * Pure: no clock, no store.
 */
import type { Zone } from '../time/zone.ts';
import { renderInstant } from '../time/render.ts';

/** The outcomes only the window allows, per step (§5 `insist`, §6 `no-reason`). */
export const NO_REASON_OUTCOMES: Readonly<Record<string, string>> = { 'return.verify': 'insist', 'exchange.verify': 'no-reason' };

export interface NoReasonWindow {
  /** When the customer signed (ISO, as stored). */
  deliveredAt: string;
  days: number;
  /** The window's end, epoch ms: 00:00 of the day after its last day (24:00 of day `days`). */
  endsAtMs: number;
}

/** The window's end (epoch ms) for a delivery at `deliveredAtMs`: 24:00 of the `days`-th local day after the delivery day. */
export function noReasonWindowEnd(deliveredAtMs: number, days: number, zone: Zone): number {
  return zone.instant(zone.dayOf(deliveredAtMs) + days + 1, 0);
}

/** The window of a delivered order, or undefined when it was not delivered yet (no window). */
export function noReasonWindow(deliveredAt: string | undefined, days: number, zone: Zone): NoReasonWindow | undefined {
  if (deliveredAt === undefined) return undefined;
  return { deliveredAt, days, endsAtMs: noReasonWindowEnd(Date.parse(deliveredAt), days, zone) };
}

/** Open at `nowMs`: the end is exclusive (at 24:00 sharp the window is closed). */
export function isNoReasonWindowOpen(window: NoReasonWindow, nowMs: number): boolean {
  return nowMs < window.endsAtMs;
}

/** A no-reason outcome after the window's end (409). `endsAt` is the end in the policy's zone (ISO with offset). */
export class NoReasonWindowClosed extends Error {
  override readonly name = 'NoReasonWindowClosed';
  readonly status = 409;
  readonly details: { endsAt: string; deliveredAt: string; days: number };
  constructor(
    readonly step: string,
    readonly outcome: string,
    window: NoReasonWindow,
    zone: Zone,
  ) {
    const endsAt = renderInstant(zone, window.endsAtMs);
    const lastDay = zone.formatShort(window.endsAtMs - 1).slice(0, 14);
    super(
      `${step} outcome ${outcome} is refused: the ${window.days}-day no-reason window (七天无理由) closed at ${lastDay} 24:00 Beijing time (${endsAt}); ` +
        `the customer signed at ${renderInstant(zone, window.deliveredAt)}. A quality problem has no such window.`,
    );
    this.details = { endsAt, deliveredAt: renderInstant(zone, window.deliveredAt), days: window.days };
  }
}

/** The refusal of completing `step` with `outcome` at `nowMs`, or undefined when allowed. */
export function noReasonRefusal(step: string, outcome: string | undefined, window: NoReasonWindow | undefined, nowMs: number, zone: Zone): NoReasonWindowClosed | undefined {
  if (outcome === undefined || NO_REASON_OUTCOMES[step] !== outcome) return undefined;
  if (window === undefined || isNoReasonWindowOpen(window, nowMs)) return undefined;
  return new NoReasonWindowClosed(step, outcome, window, zone);
}
