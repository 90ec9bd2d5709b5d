import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../../core/time/clock.ts';
import type { Json } from '../../../../local/sfn/index.ts';
import { StorageHealth } from '../../../../local/storage/storage-health.ts';
import { mountSmallFilesystem, type SmallFilesystem } from '../../../support/small-filesystem.ts';
import { Harness, START, lambdas, type NamedError } from '../harness.ts';

// A real full disk: the data directory is a 16 MiB tmpfs the test fills and frees.
let fs: SmallFilesystem | undefined;
afterEach(() => {
  fs?.unmount();
  fs = undefined;
});

/** Input large enough that every checkpoint needs fresh pages (SQLite reuses free pages it already has). */
const blob = 'x'.repeat(200 * 1024); // under the 256 KiB payload limit

const machine = {
  StartAt: 'Wait',
  States: {
    Wait: { Type: 'Wait', Seconds: 5, Next: 'Human' },
    Human: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: 'open', Payload: { 'token.$': '$$.Task.Token', 'n.$': '$.n' } }, ResultPath: '$.answer', Next: 'Done' },
    Done: { Type: 'Pass', Parameters: { 'n.$': '$.n', 'answer.$': '$.answer' }, End: true },
  },
};

describe('The Step Functions store on a full disk', () => {
  it('refuses work with ServiceUnavailable, keeps memory and disk consistent, and catches up by itself when space returns', async () => {
    fs = mountSmallFilesystem(16);
    const tokens = new Map<number, string>();
    const integrations = lambdas({ open: (p) => { const { token, n } = p as { token: string; n: number }; tokens.set(n, token); return {}; } });
    const clock = new VirtualClock(START);
    const health = new StorageHealth(() => clock.now());
    const sfn = new Harness(integrations, { data: fs.dir, clock, health });
    const sm = await sfn.createMachine(machine);
    const first = await sfn.start(sm, { n: 1, blob }, 'first');
    await clock.advance(0);

    fs.fill(['sfn.sqlite']);
    // The running execution moves on in memory (Wait → Task) while its checkpoints fail; its
    // token is not handed out before it is on disk.
    await clock.advance(5_000);
    expect(tokens.has(1)).toBe(false);
    expect(health.ok).toBe(false);
    expect(health.current()[0]?.store).toBe('sfn-local');
    await expect(sfn.start(sm, { n: 2, blob }, 'second')).rejects.toMatchObject({ name: 'ServiceUnavailable' } satisfies Partial<NamedError>);

    fs.free();
    await clock.advance(10_000); // the retry on the clock writes what waited
    expect(health.ok).toBe(true);
    expect(tokens.has(1)).toBe(true);
    await sfn.call('SendTaskSuccess', { taskToken: tokens.get(1)!, output: '{"ok":true}' });
    await clock.advance(0);
    expect((await sfn.describe(first)).status).toBe('SUCCEEDED');
    const second = await sfn.start(sm, { n: 2, blob }, 'second');
    await clock.advance(5_000);
    expect(tokens.has(2)).toBe(true);
    sfn.sfn.crash();

    // What is on disk agrees with itself: a restart resumes without a constraint failure and
    // the history is one gap-free run of ids up to the execution's event count.
    const restarted = new Harness(integrations, { data: fs.dir, clock });
    expect(restarted.sfn.resume()).toBe(1);
    const history = await restarted.history(first);
    expect(history.map((e) => e.id)).toEqual(history.map((_, i) => i + 1));
    expect(history.at(-1)?.type).toBe('ExecutionSucceeded');
    await restarted.call('SendTaskSuccess', { taskToken: tokens.get(2)!, output: '{"ok":2}' });
    await clock.advance(0);
    expect(JSON.parse((await restarted.describe(second)).output ?? 'null') as Json).toEqual({ n: 2, answer: { ok: 2 } });
    restarted.sfn.close();
  });

  it('does not answer a SendTaskSuccess it could not write: the task keeps waiting and the retry succeeds', async () => {
    fs = mountSmallFilesystem(16);
    const tokens = new Map<number, string>();
    const integrations = lambdas({ open: (p) => { const { token, n } = p as { token: string; n: number }; tokens.set(n, token); return {}; } });
    const clock = new VirtualClock(START);
    const sfn = new Harness(integrations, { data: fs.dir, clock });
    const arn = await sfn.start(await sfn.createMachine(machine), { n: 1, blob: 'small' });
    await clock.advance(5_000);
    // Fill the spare pages the store already holds, then the disk.
    fs.fill(['sfn.sqlite']);
    await expect(sfn.call('SendTaskSuccess', { taskToken: tokens.get(1)!, output: JSON.stringify({ blob }) })).rejects.toMatchObject({ name: 'ServiceUnavailable' });
    await clock.advance(0);
    expect((await sfn.describe(arn)).status).toBe('RUNNING');

    fs.free();
    await sfn.call('SendTaskSuccess', { taskToken: tokens.get(1)!, output: '{"ok":true}' });
    await clock.advance(0);
    expect(JSON.parse((await sfn.describe(arn)).output ?? 'null') as Json).toEqual({ n: 1, answer: { ok: true } });
    sfn.sfn.close();
  });
});
