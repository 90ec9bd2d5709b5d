import { afterEach, describe, expect, it } from 'vitest';
import { manifest } from '../../../app/manifest.ts';
import { VirtualClock } from '../../../core/time/clock.ts';
import { PlatformClient } from '../../../local/demo/platform-client.ts';
import { signingKey } from '../../../local/identity/tokens.ts';
import { startRuntime, type Runtime } from '../../../local/runtime/runtime.ts';
import { mountSmallFilesystem, type SmallFilesystem } from '../../support/small-filesystem.ts';
import { orderPlaced } from '../../support/orders.ts';

// The whole runtime with DATA_DIR on a 96 MiB tmpfs the test fills and frees (issue 13, item 1).
let fs: SmallFilesystem | undefined;
let runtime: Runtime | undefined;
afterEach(async () => {
  await runtime?.stop();
  runtime = undefined;
  fs?.unmount();
  fs = undefined;
});

const MIB = 1024 * 1024;

describe('the local runtime on a full disk', () => {
  it('refuses orders with 503 while the disk is full, takes the resent order once space returns, and restarts cleanly', async () => {
    fs = mountSmallFilesystem(96);
    const clock = new VirtualClock('2026-11-30T10:00:00+08:00');
    const start = (): Promise<Runtime> => startRuntime({ manifest, root: process.cwd(), dataDir: fs!.dir, host: '127.0.0.1', port: 0, edgePort: 0, clock, log: () => {}, minFreeBytes: 8 * MIB });
    runtime = await start();
    const client = (r: Runtime): PlatformClient => new PlatformClient({ apiUrl: r.apiUrl, webhookSecret: r.webhookSecret, signingKey: signingKey(fs!.dir), clock });
    const first = await client(runtime).storefront('order.placed', orderPlaced('SO-DISK-1', clock.now()));
    expect(first.status).toBe(202);
    await runtime.settle();

    fs.fill();
    const refused = await client(runtime).storefront('order.placed', orderPlaced('SO-DISK-2', clock.now()), 'evt-disk-2');
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ error: { code: 'StorageUnavailable' } });
    expect((await fetch(`${runtime.apiUrl}/healthz`)).status).toBe(503);
    expect(runtime.health.ok).toBe(false);

    fs.free();
    const resent = await client(runtime).storefront('order.placed', orderPlaced('SO-DISK-2', clock.now()), 'evt-disk-2');
    expect(resent.status).toBe(202);
    await runtime.settle();
    expect(await (await fetch(`${runtime.apiUrl}/healthz`)).json()).toEqual({ ok: true });
    await runtime.stop();

    runtime = await start();
    const queue = await client(runtime).staff('alice', ['ops-cs']).queue();
    expect(queue.filter((i) => i.step === 'order.review').map((i) => i.caseId).sort()).toEqual([first.body.caseId, resent.body.caseId].sort());
  }, 120_000);
});
