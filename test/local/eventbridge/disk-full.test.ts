import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { createEventBridgeLocal, type EventBridgeLocal } from '../../../local/eventbridge/index.ts';
import { StorageHealth } from '../../../local/storage/storage-health.ts';
import { mountSmallFilesystem, type SmallFilesystem } from '../../support/small-filesystem.ts';

// A real full disk: the data directory is a 16 MiB tmpfs the test fills and frees.
let fs: SmallFilesystem | undefined;
let bus: EventBridgeLocal | undefined;
afterEach(() => {
  bus?.close();
  bus = undefined;
  fs?.unmount();
  fs = undefined;
});

const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:consumer';
const padding = 'x'.repeat(16 * 1024);

describe('The EventBridge outbox on a full disk', () => {
  it('keeps delivered rows it could not delete from being delivered again, refuses PutEvents with 503, and catches up when space returns', async () => {
    fs = mountSmallFilesystem(16);
    const clock = new VirtualClock('2026-11-27T02:00:00Z');
    const health = new StorageHealth(() => clock.now());
    const delivered: number[] = [];
    // The consumer holds each delivery until the test lets it answer, so the disk fills while they are in flight.
    const holds: (() => void)[] = [];
    bus = createEventBridgeLocal({
      data: fs.dir,
      clock,
      health,
      dispatcher: { invokeLambda: (_arn, payload) => new Promise<void>((resolve) => holds.push(() => { delivered.push((JSON.parse(payload) as { detail: { n: number } }).detail.n); resolve(); })) },
    });
    expect((await bus.request('PutRule', { Name: 'all', EventPattern: JSON.stringify({ source: ['shop'] }) })).status).toBe(200);
    expect((await bus.request('PutTargets', { Rule: 'all', Targets: [{ Id: 'consumer', Arn: FUNCTION_ARN }] })).status).toBe(200);
    const put = (n: number) => bus!.request('PutEvents', { Entries: [{ Source: 'shop', DetailType: 'Tick', Detail: JSON.stringify({ n, padding }) }] });
    for (let n = 0; n < 100; n++) expect((await put(n)).status).toBe(200);
    await clock.advance(0);
    expect(holds).toHaveLength(100);

    fs.fill(['eventbridge.sqlite']);
    for (const answer of holds.splice(0)) answer();
    await clock.advance(0);
    expect(delivered).toHaveLength(100);
    expect(health.current().map((f) => f.store)).toEqual(['eventbridge.deliveries']);
    expect(await put(100)).toMatchObject({ status: 503, body: { __type: 'ServiceUnavailable' } });
    await clock.advance(30_000); // retries while the disk is still full: nothing is sent twice
    expect(holds).toEqual([]);

    fs.free();
    await clock.advance(10_000);
    await bus.idle();
    expect(health.ok).toBe(true);
    expect(bus.pendingDeliveries()).toBe(0);
    expect(delivered.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, n) => n));
  });
});
