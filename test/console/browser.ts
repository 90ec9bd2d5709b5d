/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download is not reachable
 * here): headless, no sandbox (CI runs as root), nothing fetched in the background, a fresh
 * profile per launch. `CHROMIUM_PATH` overrides the executable.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** A persistent-profile-free Chromium with a fresh user-data-dir; `close()` ends it. */
/** `phone`: 390×844 with touch, as the DingTalk / WeCom in-app browser on a phone opens alarm links. */
export async function launchChromium(options: { timezoneId?: string; acceptDownloads?: boolean; phone?: boolean } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-')), {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1400, height: 900 },
    ...(options.phone ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
    locale: 'zh-CN',
    acceptDownloads: options.acceptDownloads ?? true,
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
}

/**
 * A new page signed in to the console at `apiUrl` as `user` (the local sign-in form), at `viewport`
 * when given, once the queue is showing.
 */
export async function signInPage(browser: BrowserContext, apiUrl: string, user: string, password: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`${apiUrl}/`);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(/#\/queue$/, { timeout: 20_000 });
  return page;
}
