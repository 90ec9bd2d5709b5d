import { describe, expect, it } from 'vitest';
import { Harness, START } from '../harness.ts';

describe('Wait state', () => {
  it('waits Seconds on the virtual clock before moving on', async () => {
    const h = new Harness();
    const arn = await h.start(await h.createMachine({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } }));
    await h.clock.advance(59_999);
    expect((await h.describe(arn)).status).toBe('RUNNING');
    await h.clock.advance(1);
    expect((await h.describe(arn)).status).toBe('SUCCEEDED');
  });

  it('waits SecondsPath, then until a TimestampPath', async () => {
    const h = new Harness();
    const sm = await h.createMachine({ StartAt: 'A', States: { A: { Type: 'Wait', SecondsPath: '$.s', Next: 'B' }, B: { Type: 'Wait', TimestampPath: '$.at', End: true } } });
    const at = new Date(Date.parse(START) + 3_600_000).toISOString();
    const arn = await h.start(sm, { s: 10, at });
    await h.clock.advance(10_000);
    expect((await h.types(arn)).filter((t) => t === 'WaitStateEntered')).toHaveLength(2);
    await h.clock.advanceTo(Date.parse(at) - 1);
    expect((await h.describe(arn)).status).toBe('RUNNING');
    await h.clock.advanceTo(at);
    expect((await h.describe(arn)).status).toBe('SUCCEEDED');
  });

  it('takes Seconds and Timestamp from JSONata expressions', async () => {
    const h = new Harness();
    const sm = await h.createMachine({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: { A: { Type: 'Wait', Seconds: '{% $states.input.delay * 2 %}', Next: 'B' }, B: { Type: 'Wait', Timestamp: '{% $states.input.until %}', End: true } },
    });
    const arn = await h.start(sm, { delay: 5, until: '2025-03-01T01:00:00Z' });
    await h.clock.advance(9_999);
    expect(await h.types(arn)).not.toContain('WaitStateExited');
    await h.clock.advance(1);
    expect(await h.types(arn)).toContain('WaitStateExited');
    await h.clock.advanceTo('2025-03-01T01:00:00Z');
    expect((await h.describe(arn)).status).toBe('SUCCEEDED');
  });

  it('fails with States.Runtime on a negative Seconds', async () => {
    const h = new Harness();
    const e = await h.run({ StartAt: 'W', States: { W: { Type: 'Wait', SecondsPath: '$.s', End: true } } }, { s: -1 });
    expect(e.error).toBe('States.Runtime');
  });
});
