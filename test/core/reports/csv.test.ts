import { describe, expect, it } from 'vitest';
import type { ChatReportItem } from '../../../core/chat/report.ts';
import { chatReportCsv } from '../../../core/reports/csv.ts';

const item: ChatReportItem = {
  key: '=HYPERLINK("x")',
  conversations: 2,
  customerMessages: 3,
  greetingWithinPct: 100,
  replyWithinPct: 50,
  firstReplyP50Seconds: 20,
  firstReplyP90Seconds: null,
  replyP50Seconds: 20,
  replyP90Seconds: 90,
  longestWaitSeconds: 90,
  breaches: 1,
};

describe('the chat report as CSV', () => {
  it('labels its columns with ids, or in Chinese for Excel users, and neutralises formula-like agent ids', () => {
    const [idHeader] = chatReportCsv([item], 'agent').split('\r\n');
    expect(idHeader).toBe('agent,conversations,customerMessages,greetingWithinPct,replyWithinPct,firstReplyP50Seconds,firstReplyP90Seconds,replyP50Seconds,replyP90Seconds,longestWaitSeconds,breaches');
    const [zhHeader, row] = chatReportCsv([item], 'hour', 'zh').split('\r\n');
    expect(zhHeader).toBe('时段,会话数,顾客消息数,问候及时率(%),回复及时率(%),首次回复中位数(秒),首次回复90分位(秒),回复中位数(秒),回复90分位(秒),最长等待(秒),超时数');
    expect(row).toBe(`"'=HYPERLINK(""x"")",2,3,100,50,20,,20,90,90,1`);
  });
});
