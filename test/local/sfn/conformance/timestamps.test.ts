import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../harness.ts';
import { at, DOCS, jsonata, jsonPath, SPEC } from './table.ts';

const WAIT_DOC = `${DOCS}/state-wait.html`;
const waitPath = jsonPath('WaitUntil', { Type: 'Wait', TimestampPath: '$.TimestampValue' });
const waitJsonata = jsonata('WaitState', { Type: 'Wait', Timestamp: '{% $states.input.TimestampValue %}' });

/** Kind 6: run-time timestamps are RFC 3339 with an offset, read the same in every host time zone. */
describe(`Wait timestamps at run time (${WAIT_DOC}, ${SPEC}#timestamps)`, () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Asia/Shanghai';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('runs in a host zone other than UTC (the zone really changed)', () => {
    expect(new Date(Date.UTC(2016, 11, 5)).getTimezoneOffset()).toBe(-480);
  });

  it.each(['2016-12-05T21:29:29', '2016-12-05 21:29:29Z', '2016-13-05T21:29:29Z', '2016-12-05T25:29:29Z', '05-12-2016T21:29:29Z'])(
    'fails a TimestampPath of %s with States.Runtime, as AWS does',
    async (value) => {
      const e = await new Harness().run(waitPath, { TimestampValue: value });
      expect(e.status).toBe('FAILED');
      expect(e.error).toBe('States.Runtime');
      expect(e.cause).toBe(at('WaitUntil', 2, `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.TimestampValue == ${value}`));
    },
  );

  it.each(['2016-12-05T21:29:29', '2016-12-05 21:29:29Z'])('fails a JSONata Timestamp of %s with States.QueryEvaluationError', async (value) => {
    const e = await new Harness().run(waitJsonata, { TimestampValue: value });
    expect(e.error).toBe('States.QueryEvaluationError');
    expect(e.cause).toBe(at('WaitState', 2, `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${value}`));
  });

  it.each([
    ['a numeric offset', '2025-03-01T09:00:00+08:00'],
    ['Z', '2025-03-01T01:00:00Z'],
    ['fractional seconds', '2025-03-01T01:00:00.000000Z'],
  ])('waits until the same instant for a timestamp with %s, whatever the host zone', async (_what, value) => {
    const h = new Harness();
    const arn = await h.start(await h.createMachine(waitPath), { TimestampValue: value });
    await h.clock.advanceTo('2025-03-01T00:59:59.999Z');
    expect((await h.describe(arn)).status).toBe('RUNNING');
    await h.clock.advanceTo('2025-03-01T01:00:00.000Z');
    expect((await h.describe(arn)).status).toBe('SUCCEEDED');
  });

  it('refuses a wait longer than AWS allows', async () => {
    const e = await new Harness().run(waitPath, { TimestampValue: '2100-01-01T00:00:00Z' });
    expect(e.error).toBe('States.Runtime');
    expect(e.cause).toBe(at('WaitUntil', 2, 'Wait state delay is too long.'));
  });
});
