import { describe, expect, it } from 'vitest';
import { startupBanner } from '../../../local/runtime/banner.ts';
import type { Runtime } from '../../../local/runtime/runtime.ts';

describe('the start-up banner', () => {
  it('prints the token, webhook-secret and aws-credentials commands with the data directory, shell-quoted', () => {
    const runtime = { apiUrl: 'http://127.0.0.1:3000', edgeUrl: 'http://127.0.0.1:4566', webhookSecret: 'ab'.repeat(32) } as Runtime;
    const banner = startupBanner(runtime, "/data/it's here", 1_000, Date.parse('2026-11-30T09:00:00+08:00'));
    expect(banner).toContain(`TOKEN=$(npm run -s token -- --data '/data/it'\\''s here' --user alice --roles ops-cs)`);
    expect(banner).toContain(`npm run -s webhook-secret -- --data '/data/it'\\''s here'`);
    expect(banner).toContain(`eval "$(npm run -s aws-credentials -- --data '/data/it'\\''s here')"`);
  });
});
