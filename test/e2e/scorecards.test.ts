import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, TestPlatform } from './platform.ts';

// Scorecards (考核) and quality checks (质检) of issue 23 on the real runtime: complaints handled
// and called back through the staff API, a chat conversation, the weekly qa-sample schedule firing
// on the virtual clock on Monday 06:00, a supervisor scoring a check, and the scorecard joining it.
let platform: TestPlatform;
/** Monday 2026-11-30, 09:05 in Shanghai: complaint handlers (09:00–17:00) and pre-sales (08:00–20:00) on duty. */
const MONDAY_0905 = '2026-11-30T09:05:00+08:00';
const at = (hms: string) => Date.parse(`2026-11-30T${hms}+08:00`);

beforeAll(async () => {
  platform = await TestPlatform.start(MONDAY_0905);
  for (const [name, score] of [['A', 5], ['B', 4]] as const) {
    const { caseId } = await platform.storefront('complaint.filed', { complaintId: `C-${name}`, customer: { name: '王芳', phone: '13700000000' }, text: '快递太慢' });
    const hana = platform.staff('hana', ['complaint-handler']);
    await platform.complete(hana, caseId!, 'complaint.acknowledge');
    await platform.complete(hana, caseId!, 'complaint.investigate');
    await platform.complete(hana, caseId!, 'complaint.resolve', { outcome: 'upheld', fields: { remedy: 'compensation' } });
    await platform.advance(HOUR);
    await platform.complete(hana, caseId!, 'complaint.callback', { fields: { score } });
  }
  // li greets in 10 s and answers the second question after 2 minutes (late for the 60 s standard).
  const message = (id: string, from: string, hms: string, agentId?: string) => ({ conversationId: 'conv-1', messageId: id, from, sentAt: new Date(at(hms)).toISOString(), ...(agentId ? { agentId } : {}), text: '有现货吗?' });
  await platform.advanceTo('2026-11-30T11:20:00+08:00');
  const chat = await platform.storefront('chat.messages', { messages: [message('m1', 'customer', '11:10:00'), message('m2', 'agent', '11:10:10', 'li'), message('m3', 'customer', '11:11:00'), message('m4', 'agent', '11:13:00', 'li')] });
  expect(chat.status).toBe(202);
  // The week ends; on Monday 06:00 the schedule draws it.
  await platform.advanceTo('2026-12-07T06:30:00+08:00');
}, 240_000);
afterAll(() => platform.stop());

const boss = () => platform.staff('boss', ['supervisor']);
interface QaQueue {
  week: string;
  criteria: { id: string }[];
  items: { id: string; person: string; kind: string; subject: Record<string, unknown>; score: unknown }[];
}

describe('quality checks (质检)', () => {
  it('the Monday 06:00 schedule put last week\'s sample in the supervisor\'s QA queue: 5 of hana\'s 8 closed steps and li\'s conversation, with what each recorded', async () => {
    const queue = await boss().call<QaQueue>('GET', '/qa');
    expect(queue.status).toBe(200);
    expect(queue.body.week).toBe('2026-11-30');
    expect(queue.body.criteria.map((c) => c.id)).toEqual(['courtesy', 'expertise', 'accuracy']);
    const hana = queue.body.items.filter((i) => i.person === 'hana');
    expect(hana).toHaveLength(5);
    expect(hana.every((i) => i.kind === 'step' && String(i.subject.step).startsWith('complaint.'))).toBe(true);
    expect(queue.body.items.filter((i) => i.person === 'li')).toMatchObject([{ kind: 'conversation', subject: { conversationId: 'conv-1', questions: 2, repliesWithin: 1 } }]);
  });

  it('drawing the week again adds nothing', async () => {
    const again = await boss().call('POST', '/qa/sample', { week: '2026-11-30' });
    expect(again.body).toEqual({ week: '2026-11-30', sampled: 6, added: 0 });
  });

  it('refuses a score missing a criterion or out of 1–5 with a 400 naming it, and writes nothing', async () => {
    const { body } = await boss().call<QaQueue>('GET', '/qa');
    const id = body.items[0]!.id;
    const missing = await boss().call<{ error: { message: string } }>('POST', `/qa/${id}/score`, { scores: { courtesy: 5, expertise: 4 } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('body.scores.accuracy');
    const high = await boss().call<{ error: { message: string } }>('POST', `/qa/${id}/score`, { scores: { courtesy: 6, expertise: 4, accuracy: 4 } });
    expect(high.status).toBe(400);
    expect(high.body.error.message).toContain('body.scores.courtesy');
    expect((await boss().call<QaQueue>('GET', '/qa?status=scored')).body.items).toEqual([]);
    expect((await boss().call('POST', '/qa/2026-11-30-00000000/score', { scores: { courtesy: 5, expertise: 5, accuracy: 5 } })).status).toBe(404);
    expect((await platform.staff('li', ['presales-cs']).call('GET', '/qa')).status).toBe(403);
  });

  it('stores a score durably with the note and who scored, and the scorecard joins it', async () => {
    const { body } = await boss().call<QaQueue>('GET', '/qa');
    const check = body.items.find((i) => i.person === 'li')!;
    const scored = await boss().call<{ score: { scores: Record<string, number>; note: string; scoredBy: string } }>('POST', `/qa/${check.id}/score`, { scores: { courtesy: 5, expertise: 4, accuracy: 3 }, note: '第二次回复慢' });
    expect(scored.status).toBe(200);
    expect(scored.body.score).toMatchObject({ scores: { courtesy: 5, expertise: 4, accuracy: 3 }, note: '第二次回复慢', scoredBy: 'boss' });
    const open = await boss().call<QaQueue>('GET', '/qa?status=open');
    expect(open.body.items.map((i) => i.id)).not.toContain(check.id);
    const card = await platform.staff('li', ['presales-cs']).call<{ rows: Record<string, unknown>[] }>('GET', '/reports/people?from=2026-11-30&to=2026-12-06&groupBy=week&person=me');
    expect(card.body.rows).toMatchObject([{ person: 'li', period: '2026-11-30', qaChecked: 1, qaMean: 4 }]);
  });
});

describe('GET /reports/people', () => {
  it('gives each person\'s card per week: steps, on-time %, callbacks, chat and the score with its components', async () => {
    const answer = await boss().call<{ weights: Record<string, number>; rows: Record<string, unknown>[] }>('GET', '/reports/people?from=2026-11-30&to=2026-12-06&groupBy=week');
    expect(answer.status).toBe(200);
    expect(answer.body.weights).toMatchObject({ stepOnTime: 40, chatReply: 30, satisfaction: 20, noBreachOpen: 10 });
    const hana = answer.body.rows.find((r) => r.person === 'hana')!;
    expect(hana).toMatchObject({ period: '2026-11-30', stepsCompleted: 8, onTimePct: 100, breaches: 0, callbacks: 2, satisfactionMean: 4.5, conversations: 0, replyWithinPct: null });
    // on-time 100 % → 40 of 40, satisfaction 4.5 → 20 of 20, no breach left open → 10 of 10; no chat: left out.
    expect(hana.score).toBe(100);
    const li = answer.body.rows.find((r) => r.person === 'li')!;
    // reply 50 % of target 90 → 16.67 of 30: li's only weighed figure.
    expect(li).toMatchObject({ conversations: 1, greetingWithinPct: 100, replyWithinPct: 50, stepsCompleted: 0, score: 55.6 });
  });

  it('lets a person read only their own card: another\'s is a 403', async () => {
    const own = await platform.staff('hana', ['complaint-handler']).call<{ rows: { person: string }[] }>('GET', '/reports/people?from=2026-11-30&to=2026-12-06');
    expect(own.body.rows.map((r) => r.person)).toEqual(['hana']);
    const other = await platform.staff('hana', ['complaint-handler']).call('GET', '/reports/people?person=li');
    expect(other.status).toBe(403);
  });

  it('gives CSV for Excel with format=csv: a UTF-8 BOM and Chinese labels', async () => {
    const answer = await boss().call<string>('GET', '/reports/people?from=2026-11-30&to=2026-12-06&groupBy=week&format=csv&labels=zh');
    expect(answer.status).toBe(200);
    const text = String(answer.body).replace(/^\uFEFF/, '');
    expect(text.startsWith('人员,周期,')).toBe(true);
    expect(text).toContain('\r\nhana,2026-11-30,8,100,');
  });

  it('refuses a groupBy it does not know with a 400 naming it', async () => {
    const answer = await boss().call<{ error: { message: string } }>('GET', '/reports/people?groupBy=year');
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('query.groupBy');
  });
});

describe('the marketplaces\' measures in the chat report', () => {
  it('gives li\'s Taobao 3-minute, JD 30-second and Pinduoduo 1-hour rates beside ours', async () => {
    const answer = await boss().call<{ marketplaces: unknown[] }>('GET', '/reports/chat?from=2026-11-30&to=2026-11-30&groupBy=agent');
    expect(answer.body.marketplaces).toEqual([
      { agent: 'li', taobao3MinResponse: { counted: 2, within: 2, pct: 100 }, jd30sResponse: { counted: 1, within: 1, pct: 100 }, pdd1hValidReply: { counted: 1, within: 1, pct: 100 } },
    ]);
  });
});
