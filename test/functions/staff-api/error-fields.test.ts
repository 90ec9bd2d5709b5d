/** A 400 carries each field's issue with a stable `code` and its path, beside the English `message`, so the console can word it in Chinese (issue 28 item 7). */
import { afterEach, describe, expect, it } from 'vitest';
import { useDependencies } from '../../../functions/shared/dependencies.ts';
import { errorOf } from '../http/api-support.ts';
import { useHarness } from '../harness.ts';
import { staffRig } from './support.ts';

const MONDAY_10 = '2025-03-03T10:00:00+08:00';

describe('field issues of a refused request', () => {
  const { fresh } = useHarness();
  afterEach(() => useDependencies(undefined));

  it('names a missing outcome `required` with its options, and keeps the message', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.review');
    const answer = await rig.as('ann', 'ops-cs').post(`/cases/${caseId}/steps/order.review/complete`, {});
    const error = errorOf(answer) as unknown as { code: string; message: string; fields: unknown[] };
    expect([answer.statusCode, error.code, error.message]).toEqual([400, 'InvalidRequest', 'body.outcome: is required for order.review: one of confirmed, callback, cancelled']);
    expect(error.fields).toEqual([{ path: 'body.outcome', code: 'required', message: 'is required for order.review: one of confirmed, callback, cancelled', options: ['confirmed', 'callback', 'cancelled'] }]);
  });

  it('tells a missing field (`required`) from one of the wrong type (`invalid_type`, expected) in the step\'s fields', async () => {
    const rig = staffRig(fresh(MONDAY_10));
    const caseId = await rig.openCaseWithStep('order.pack');
    const answer = await rig.as('tom', 'terminal-admin').post(`/cases/${caseId}/steps/order.pack/complete`, { fields: { serialNumbers: 'SN1' } });
    const fields = (errorOf(answer) as unknown as { fields: { path: string; code: string; expected?: string }[] }).fields;
    expect(fields.map((f) => [f.path, f.code, f.expected])).toEqual([
      ['body.fields.serialNumbers', 'invalid_type', 'array'],
      ['body.fields.invoiceNo', 'required', 'string'],
    ]);
  });
});
