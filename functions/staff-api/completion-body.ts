/**
 * Validating a completion body against the step catalogue (core/lifecycles/steps.ts, api.md's
 * "Step completion fields"): the outcome is required where the step has outcomes and must be one
 * of them; the fields must match the step's schema. Every 400 names the field.
 */
import { isStepId, STEPS } from '../../core/lifecycles/steps.ts';
import { repairReferralIssue } from '../../core/aftersales/side-flows.ts';
import { InvalidRequest } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { completeBody } from './schemas.ts';

export interface ValidCompletion {
  outcome?: string;
  fields: Record<string, unknown>;
}

export function validateCompletion(stepId: string, body: unknown): ValidCompletion {
  const parsed = validate(completeBody, body ?? {}, 'body');
  if (!isStepId(stepId)) return { ...(parsed.outcome !== undefined ? { outcome: parsed.outcome } : {}), fields: parsed.fields ?? {} };
  const spec = STEPS[stepId];
  const outcomes: readonly string[] = spec.outcomes;
  if (outcomes.length > 0 && parsed.outcome === undefined) throw invalid('body.outcome', `is required for ${stepId}: one of ${outcomes.join(', ')}`, 'required', outcomes);
  if (parsed.outcome !== undefined && outcomes.length === 0) throw invalid('body.outcome', `${stepId} has no outcome; leave it out`, 'not_allowed');
  if (parsed.outcome !== undefined && !outcomes.includes(parsed.outcome)) throw invalid('body.outcome', `must be one of ${outcomes.join(', ')}`, 'invalid_value', outcomes);
  const fields = validate(spec.fields, parsed.fields ?? {}, 'body.fields');
  if (stepId === 'complaint.resolve' && parsed.outcome === 'upheld' && fields.remedy === undefined) throw invalid('body.fields.remedy', 'is required when the complaint is upheld', 'required');
  const referral = stepId === 'return.verify' || stepId === 'exchange.verify' ? repairReferralIssue(parsed.outcome, fields) : undefined;
  if (referral) throw invalid(referral.field, referral.message, referral.code);
  return { ...(parsed.outcome !== undefined ? { outcome: parsed.outcome } : {}), fields };
}

function invalid(field: string, message: string, code: string, options?: readonly string[]): InvalidRequest {
  return new InvalidRequest([{ field, message, code, ...(options ? { options } : {}) }]);
}
