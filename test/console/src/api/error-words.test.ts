import { describe, expect, it } from 'vitest';
import { wordApiError, wordedFieldErrors, wordFieldIssue, type ApiError } from '../../../../console/src/api/error-words.ts';

function apiError(code: string, message: string, issues: ApiError['issues'] = []): ApiError {
  return { code, message, fieldErrors: {}, issues };
}

describe('the API\'s refusals in the reader\'s language', () => {
  it('words a missing outcome in Chinese with its options by name, and keeps the API\'s English for English readers', () => {
    const issue = { path: 'body.outcome', code: 'required', message: 'is required for order.review: one of confirmed, callback, cancelled', options: ['confirmed', 'callback', 'cancelled'] };
    expect(wordFieldIssue(issue, 'zh')).toBe('必填,请选择:已确认、稍后回电、取消订单');
    expect(wordFieldIssue(issue, 'en')).toBe(issue.message);
  });

  it('says which type a field wants, and keys each issue by the form\'s field path', () => {
    const error = apiError('InvalidRequest', 'x', [
      { path: 'body.fields.serialNumbers[0]', code: 'invalid_type', message: 'expected serialNumbers as a list', expected: 'array' },
      { path: 'body.fields.invoiceNo', code: 'required', message: 'expected invoiceNo as text', expected: 'string' },
    ]);
    expect(wordedFieldErrors(error, 'zh')).toEqual({ 'fields.serialNumbers': '格式不对,应为列表(每行一项)', 'fields.invoiceNo': '必填' });
  });

  it('words a refusal by its code, not its English message', () => {
    expect(wordApiError(apiError('Forbidden', 'the supervisor board needs the role supervisor'), 'zh')).toBe('没有权限:这个操作需要相应岗位或主管');
    expect(wordApiError(apiError('Forbidden', 'the supervisor board needs the role supervisor'), 'en')).toBe('the supervisor board needs the role supervisor');
  });
});
