/**
 * Records ↔ items. An item is its record's attributes plus its keys, index keys, an `entity`
 * tag and (for cases and steps) a `version` for optimistic writes.
 */
import type { CaseLink, CaseRecord, TimelineEntry } from '../../core/cases/case.ts';
import type { StepRecord } from '../../core/cases/step.ts';
import type { CaseDeadlineRecord } from '../../core/cases/case-deadline.ts';
import type { LookupKey } from '../../core/cases/search.ts';
import { caseDeadlineIndexKeys, caseDeadlineKey, caseIndexKeys, caseKey, linkKey, lookupKey, lookupPartition, stepIndexKeys, stepKey, timelineKey } from './keys.ts';

export type Item = Record<string, unknown>;

export const Entity = { case: 'case', step: 'step', deadline: 'deadline', link: 'link', timeline: 'timeline', lookup: 'lookup' } as const;

/** Attributes that belong to the storage, not to the record. */
const STORAGE_ATTRIBUTES = new Set(['pk', 'sk', 'entity', 'version', 'expiresAt', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'gsi4pk', 'gsi4sk']);

export function caseItem(record: CaseRecord, version: number): Item {
  return { ...record, ...caseKey(record.id), ...caseIndexKeys(record), entity: Entity.case, version };
}

/** A lookup entry: `at` orders a key's matches newest first (the case's opening, or the step's completion). */
export function lookupItem(caseId: string, key: LookupKey, at: string): Item {
  return { ...lookupKey(caseId, key.kind, key.value), gsi1pk: lookupPartition(key.kind, key.value), gsi1sk: `${at}#${caseId}`, caseId, kind: key.kind, entity: Entity.lookup };
}

export function stepItem(record: StepRecord, version: number): Item {
  return { ...record, ...stepKey(record.caseId, record.step, record.attempt), ...stepIndexKeys(record), entity: Entity.step, version };
}

export function caseDeadlineItem(record: CaseDeadlineRecord, version: number): Item {
  return { ...record, ...caseDeadlineKey(record.caseId, record.deadline), ...caseDeadlineIndexKeys(record), entity: Entity.deadline, version };
}

export function linkItem(caseId: string, link: CaseLink): Item {
  return { ...link, ...linkKey(caseId, link.caseId), entity: Entity.link };
}

export function timelineItem(caseId: string, entry: TimelineEntry): Item {
  return { ...entry, ...timelineKey(caseId, entry.at, entry.id), entity: Entity.timeline };
}

export function versionOf(item: Item): number {
  return typeof item.version === 'number' ? item.version : 0;
}

// The items were written by this module from typed records, so reading them back is a cast.
export const toCase = (item: Item): CaseRecord => strip(item) as unknown as CaseRecord;
export const toStep = (item: Item): StepRecord => strip(item) as unknown as StepRecord;
export const toCaseDeadline = (item: Item): CaseDeadlineRecord => strip(item) as unknown as CaseDeadlineRecord;
export const toLink = (item: Item): CaseLink => strip(item) as unknown as CaseLink;
export const toTimelineEntry = (item: Item): TimelineEntry => strip(item) as unknown as TimelineEntry;

function strip(item: Item): Item {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !STORAGE_ATTRIBUTES.has(name)));
}
