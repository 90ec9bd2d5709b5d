/** Request and response shapes of the policy version routes (docs/policy.md, "Versions"); the console imports them. */
import { z } from 'zod';

export const OPERATOR = 'operator';

export const openStepsMode = z.enum(['keep', 'recompute']);

/** `POST /policy/versions`: a new document, or `from` an earlier version (a rollback), published as the next version. */
export const publishBody = z
  .strictObject({
    document: z.record(z.string(), z.unknown()).optional(),
    from: z.number().int().min(1).optional(),
    reason: z.string().trim().min(1, 'is required').max(500),
    /** The version in force when the draft was edited (or the rollback chosen): a publish in between is a 409, not a silent overwrite. */
    basedOn: z.number().int().min(1).optional(),
    openSteps: openStepsMode.default('keep'),
  })
  .refine((b) => (b.document === undefined) !== (b.from === undefined), { message: 'give exactly one of document or from', path: ['document'] });

export type PublishBody = z.infer<typeof publishBody>;

/** `POST /policy/preview`: a draft document. */
export const previewBody = z.strictObject({ document: z.record(z.string(), z.unknown()) });

export const versionPath = z.strictObject({ version: z.coerce.number({ error: 'must be a version number' }).int('must be a version number').min(1, 'must be a version number') });

export const diffQuery = z.strictObject({ against: z.coerce.number({ error: 'must be a version number' }).int('must be a version number').min(1, 'must be a version number').optional() });

export const versionSummary = z.object({
  version: z.number(),
  author: z.string(),
  createdAt: z.string(),
  reason: z.string(),
  source: z.enum(['default', 'file', 'console', 'rollback']),
  basedOn: z.number().optional(),
  openSteps: openStepsMode,
  hash: z.string(),
});

export const versionList = z.object({ current: z.number().nullable(), versions: z.array(versionSummary) });
export type VersionList = z.infer<typeof versionList>;

export const versionBody = versionSummary.extend({ document: z.record(z.string(), z.unknown()) });

export const policyChange = z.object({ path: z.string(), kind: z.enum(['added', 'removed', 'changed']), before: z.unknown().optional(), after: z.unknown().optional() });
export const versionDiff = z.object({ from: z.number(), to: z.number(), changes: z.array(policyChange) });
export type VersionDiff = z.infer<typeof versionDiff>;

export const publishResult = z.object({
  version: versionSummary,
  moved: z.array(z.object({ caseId: z.string(), step: z.string(), attempt: z.number(), dueBefore: z.string(), due: z.string() })),
  warnings: z.array(z.string()),
});
export type PublishResultBody = z.infer<typeof publishResult>;

/** `POST /policy/preview`'s answer (functions/shared/policy-preview.ts). */
export const policyPreview = z.object({
  at: z.string(),
  summary: z.object({ open: z.number(), moved: z.number(), later: z.number(), earlier: z.number(), breachesAtOnce: z.number(), kept: z.number() }),
  steps: z.array(
    z.object({
      caseId: z.string(),
      caseType: z.string(),
      step: z.string(),
      attempt: z.number(),
      role: z.string(),
      paused: z.boolean(),
      dueBefore: z.string(),
      dueAfter: z.string(),
      movedMinutes: z.number(),
      breachesAtOnce: z.boolean(),
      provisional: z.boolean(),
    }),
  ),
  onTime: z.object({ from: z.string(), to: z.string(), steps: z.number(), current: z.number().nullable(), draft: z.number().nullable() }),
  warnings: z.array(z.string()),
});
export type PolicyPreviewBody = z.infer<typeof policyPreview>;
