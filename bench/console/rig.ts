/**
 * The staff console on the whole local runtime, for the console's benchmark and screenshots: a
 * VirtualClock, the console's build served at /console/, local accounts, and Chromium tabs signed
 * in through the sign-in page.
 */
import '../../local/quiet-logs.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { manifest } from '../../app/manifest.ts';
import { VirtualClock } from '../../core/time/clock.ts';
import { createOpenStep } from '../../functions/open-step/open-step.ts';
import { dependencies } from '../../functions/shared/dependencies.ts';
import { ensureConsoleBuild } from '../../local/console/build.ts';
import { consoleSite } from '../../local/console/site.ts';
import { PlatformClient } from '../../local/demo/platform-client.ts';
import { AccountStore, accountsPath } from '../../local/identity/accounts.ts';
import { signingKey } from '../../local/identity/tokens.ts';
import { startRuntime, type Runtime } from '../../local/runtime/runtime.ts';
import { advanceRuntime } from '../../local/runtime/virtual-time.ts';
import { launchChromium } from '../../test/console/browser.ts';

export const PASSWORD = 'correct horse battery';

export interface ConsoleRig {
  runtime: Runtime;
  clock: VirtualClock;
  client: PlatformClient;
  dataDir: string;
  addAccount(user: string, roles: string[]): Promise<void>;
  /** Opens `count` order reviews straight through the open-step logic (deadline, timers), 8 at a time. */
  openReviews(count: number): Promise<void>;
  advance(ms: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startConsoleRig(start: string): Promise<ConsoleRig> {
  const root = process.cwd();
  const site = await ensureConsoleBuild(root);
  const clock = new VirtualClock(start);
  const dataDir = mkdtempSync(join(tmpdir(), 'console-'));
  const runtime = await startRuntime({ manifest, root, dataDir, host: '127.0.0.1', port: 0, edgePort: 0, clock, localRoutes: consoleSite(site.dir), log: () => {} });
  const client = new PlatformClient({ apiUrl: runtime.apiUrl, webhookSecret: runtime.webhookSecret, signingKey: signingKey(dataDir), clock });
  const accounts = new AccountStore(accountsPath(dataDir), [...new Set(['ops-cs', 'terminal-admin', 'crm-admin', 'picker', 'supervisor'])], () => clock.now());
  return {
    runtime,
    clock,
    client,
    dataDir,
    addAccount: async (user, roles) => void (await accounts.add(user, roles, PASSWORD)),
    async openReviews(count) {
      const deps = dependencies();
      const openStep = createOpenStep(deps);
      let next = 0;
      const worker = async (): Promise<void> => {
        for (let i = next++; i < count; i = next++) {
          const caseId = `order-BENCH-${String(i).padStart(4, '0')}`;
          await deps.repository.createCase({ id: caseId, type: 'order', orderId: `BENCH-${i}`, openedAt: new Date(clock.now()).toISOString(), data: {} });
          await openStep({ caseId, caseType: 'order', step: 'order.review', taskToken: `bench-${caseId}` });
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    },
    advance: (ms) => advanceRuntime(runtime, clock, clock.now() + ms),
    stop: () => runtime.stop(),
  };
}

/** A new tab signed in as `user` through the sign-in page, showing the queue. */
export async function signedInTab(browser: BrowserContext, rig: ConsoleRig, user: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${rig.runtime.apiUrl}/`);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(/#\/queue$/);
  return page;
}

export { launchChromium };
