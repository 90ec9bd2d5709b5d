/**
 * The case table's shape (docs/data-model.md). The manifest declares it from here, so the CDK
 * stack, the local runtime and this adapter cannot disagree about keys and index names.
 */
import type { TableDecl } from '../../platform/manifest-types.ts';

export const CaseIndex = {
  /** Cases by storefront order id. Case lists by type and status share gsi4 with closed steps. */
  byOrder: 'gsi1',
  /** Active steps escalated to a level's role (`ESCALATED#<role>`): steps share gsi1 with cases, which never use this partition. */
  escalated: 'gsi1',
  /** Active steps: human steps by role (`QUEUE#<role>`), automatic steps by step id (`AWAIT#<step>`). */
  queue: 'gsi2',
  /** Armed SLA timers by next firing time (`SWEEP`); completions still owed (`UNANSWERED`). */
  attention: 'gsi3',
  /** Closed steps by Asia/Shanghai day (`CLOSED#<day>`); cases by type and status (`CASES#<type>`). */
  reporting: 'gsi4',
} as const;

export const casesTable: TableDecl = {
  id: 'cases',
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [...new Set(Object.values(CaseIndex))].map((name) => ({ name, partitionKey: `${name}pk`, sortKey: `${name}sk` })),
  ttlAttribute: 'expiresAt',
};
