/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download is not reachable
 * here): headless, no sandbox (CI runs as root), nothing fetched in the background, a fresh
 * profile per launch. `CHROMIUM_PATH` overrides the executable.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

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
