/**
 * A quality check (质检, issue 23): one closed step or conversation of one person, drawn into a
 * week's sample (sample.ts), with what its checklist recorded, and — once a supervisor scored it —
 * 1–5 per criterion of the policy with a note.
 */

export const QaKind = { step: 'step', conversation: 'conversation' } as const;
export type QaKind = (typeof QaKind)[keyof typeof QaKind];

/** What the sampled step recorded: its completion, outcome and fields (the checklist's points among them). */
export interface QaStepSubject {
  kind: 'step';
  caseId: string;
  step: string;
  attempt: number;
  role: string;
  completedAt: string;
  completedBy?: string;
  onTime?: boolean;
  outcome?: string;
  fields?: Record<string, unknown>;
}

/** What the platform knows of a sampled conversation: counts and waits, never the text (§10). */
export interface QaConversationSubject {
  kind: 'conversation';
  conversationId: string;
  /** The first customer message, ISO. */
  startedAt: string;
  customerMessages: number;
  questions: number;
  /** Questions answered within the reply standard. */
  repliesWithin: number;
  /** On-duty seconds to the first agent answer. */
  firstReplySeconds?: number;
}

export type QaSubject = QaStepSubject | QaConversationSubject;

export interface QaScore {
  /** Criterion id → 1–5. */
  scores: Record<string, number>;
  note: string;
  scoredBy: string;
  scoredAt: string;
}

export interface QaItem {
  /** `<week>-<8 hex>`: the week and a hash of the subject, so a repeated draw finds the same item. */
  id: string;
  /** The sampled week's Monday, `YYYY-MM-DD` (policy zone). */
  week: string;
  person: string;
  subject: QaSubject;
  /** When the checked work happened (completion, first message), epoch ms: the scorecard's period. */
  at: number;
  sampledAt: string;
  score?: QaScore;
}

/** `YYYY-MM-DD-xxxxxxxx`. */
export const QA_ITEM_ID = /^(\d{4}-\d{2}-\d{2})-[0-9a-f]{8}$/;

/** The id of the check of `subjectKey` in `week`. */
export function qaItemId(week: string, subjectKey: string): string {
  return `${week}-${fnv1a(subjectKey).toString(16).padStart(8, '0')}`;
}

/** The subject's identity: `step:<case>:<step>:<attempt>` or `conversation:<id>`. */
export function subjectKey(subject: QaSubject): string {
  return subject.kind === 'step' ? `step:${subject.caseId}:${subject.step}:${subject.attempt}` : `conversation:${subject.conversationId}`;
}

/** 32-bit FNV-1a of the UTF-16 code units (stable, tiny; not for security). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
