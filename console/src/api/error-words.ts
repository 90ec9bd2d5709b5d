/**
 * The API's refusals in the reader's language. A 400 carries each field's issue with a stable
 * `code` (functions/http/errors.ts `FieldIssue`); other errors a stable `error.code` (the error's
 * name). Both are worded here; the API's English `message` is kept for English readers and for
 * codes without words yet.
 */
import type { Lang } from '../i18n/lang.ts';
import { labelOf, OUTCOME_LABELS } from '../i18n/labels.ts';

/** What these functions read of client.ts's `ApiError` (structural, so this module stays free of the client and the browser session it reads). */
export interface ApiError {
  code: string;
  message: string;
  fieldErrors: Record<string, string>;
  issues: readonly ApiFieldIssue[];
}

export interface ApiFieldIssue {
  path: string;
  code: string;
  message: string;
  options?: string[];
  expected?: string;
}

const TYPE_WORDS: Record<string, { zh: string; en: string }> = {
  string: { zh: '文字', en: 'text' },
  array: { zh: '列表(每行一项)', en: 'a list' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: '是或否', en: 'yes or no' },
  object: { zh: '一组字段', en: 'an object' },
};

/** One field's issue in words. */
export function wordFieldIssue(issue: ApiFieldIssue, lang: Lang): string {
  if (lang === 'en') return issue.message;
  const options = issue.options?.map((o) => labelOf(OUTCOME_LABELS, o, 'zh')).join('、');
  switch (issue.code) {
    case 'required':
      return options ? `必填,请选择:${options}` : '必填';
    case 'invalid_type':
      return `格式不对,应为${TYPE_WORDS[issue.expected ?? '']?.zh ?? issue.expected ?? '正确格式'}`;
    case 'invalid_value':
      return options ? `请从以下选择:${options}` : '取值不在允许范围内';
    case 'too_small':
      return '不能为空,或太少太短';
    case 'too_big':
      return '太多或太长';
    case 'not_allowed':
      return '此处不应填写';
    case 'unrecognized_keys':
      return '包含未知字段';
    case 'serial_count':
      return `串号数量不对:应填 ${issue.expected ?? ''} 个,每台需登记串号的商品(手机、平板等)一个,配件不填`;
    case 'serial_duplicate':
      return '同一串号填了两次:每台一个串号';
    default:
      return `填写有误(${issue.message})`;
  }
}

/** `{"fields.invoiceNo": "必填"}`: a 400's issues by the form's field path (no `body.`, no list indexes), worded. */
export function wordedFieldErrors(error: ApiError, lang: Lang): Record<string, string> {
  if (error.issues.length === 0) return error.fieldErrors;
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.replace(/^(?:body|query)\./, '').replace(/\[\d+\]/g, '');
    out[path] ??= wordFieldIssue(issue, lang);
  }
  return out;
}

const CODE_WORDS: Record<string, { zh: string; en?: string }> = {
  Forbidden: { zh: '没有权限:这个操作需要相应岗位或主管' },
  CaseNotFound: { zh: '工单不存在' },
  StepNotFound: { zh: '该工单没有这个环节' },
  ContactNotFound: { zh: '该工单没有客户电话' },
  StepNotOpen: { zh: '该环节已不在处理中' },
  StepAwaitingPlatform: { zh: '该环节已转为系统自动等待(最后一次催付已完成),无需再处理' },
  ConcurrentUpdate: { zh: '有人同时在修改,请稍后重试' },
  InvalidPageToken: { zh: '分页已失效,请回到第一页' },
  InvalidRequest: { zh: '请求有误' },
  TooManyRequests: { zh: '请求太频繁,请稍后再试' },
  InternalError: { zh: '服务出错了,请稍后再试' },
  ServiceUnavailable: { zh: '服务暂时不可用,请稍后再试' },
};

/** A refusal as one sentence: Chinese words for its code (with the fields worded), else the API's message. */
export function wordApiError(error: ApiError, lang: Lang): string {
  if (lang === 'en') return error.message;
  if (error.issues.length > 0) return error.issues.map((issue) => `${issue.path.replace(/^(?:body|query)\./, '')}:${wordFieldIssue(issue, 'zh')}`).join(';');
  return CODE_WORDS[error.code]?.zh ?? error.message;
}

/** Any error a page shows: the API's worded, anything else by its message. */
export function errorText(error: unknown, lang: Lang): string {
  if (error instanceof Error && error.name === 'ApiError' && 'issues' in error) return wordApiError(error as unknown as ApiError, lang);
  return error instanceof Error ? error.message : String(error);
}
