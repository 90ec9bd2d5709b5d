import { describe, expect, it } from 'vitest';
import type { ChatReportItem } from '../../../core/chat/report.ts';
import { chatReportCsv } from '../../../core/reports/csv.ts';

const item = (key: string): ChatReportItem => ({
  key,
  conversations: 1,
  customerMessages: 1,
  greetingWithinPct: null,
  replyWithinPct: null,
  firstReplyP50Seconds: null,
  firstReplyP90Seconds: null,
  replyP50Seconds: null,
  replyP90Seconds: null,
  longestWaitSeconds: 120,
  breaches: 1,
});

describe('the chat report as CSV', () => {
  it('says 未分配 for questions nobody answered in the Chinese sheet, and keeps the id `unassigned` in the English one', () => {
    expect(chatReportCsv([item('li'), item('unassigned')], 'agent', 'zh').split('\r\n').slice(1, 3).map((line) => line.split(',')[0])).toEqual(['li', '未分配']);
    expect(chatReportCsv([item('unassigned')], 'agent', 'en').split('\r\n')[1]?.split(',')[0]).toBe('unassigned');
  });
});
