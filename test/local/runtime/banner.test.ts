import { describe, expect, it } from 'vitest';
import { verifyStorefrontSignature } from '../../../core/storefront/signature.ts';
import { startupBanner } from '../../../local/runtime/banner.ts';
import type { Runtime } from '../../../local/runtime/runtime.ts';

describe('the start-up banner', () => {
  it('prints the token, webhook-secret and aws-credentials commands with the data directory, shell-quoted', () => {
    const runtime = { apiUrl: 'http://127.0.0.1:3000', edgeUrl: 'http://127.0.0.1:4566', webhookSecret: 'ab'.repeat(32) } as Runtime;
    const banner = startupBanner(runtime, "/data/it's here", 1_000, Date.parse('2026-11-30T09:00:00+08:00'));
    expect(banner).toContain(`TOKEN=$(npm run -s token -- --data '/data/it'\\''s here' --user alice --roles ops-cs)`);
    expect(banner).toContain(`npm run -s webhook-secret -- --data '/data/it'\\''s here'`);
    expect(banner).toContain(`eval "$(npm run -s aws-credentials -- --data '/data/it'\\''s here')"`);
    expect(banner).toContain(`npm run -s user -- add alice --roles ops-cs,supervisor --data '/data/it'\\''s here'`);
  });

  it('signs the paste-ready webhook on the real clock in a --time rehearsal, so the API (which checks signatures on the real clock) takes it', () => {
    const runtime = { apiUrl: 'http://127.0.0.1:3000', edgeUrl: 'http://127.0.0.1:4566', webhookSecret: 'ab'.repeat(32) } as Runtime;
    const rehearsed = Date.parse('2026-12-24T09:00:00+08:00');
    const real = Date.parse('2026-12-07T10:00:00+08:00');
    const banner = startupBanner(runtime, '/data', 1_000, rehearsed, real);
    const header = /-H 'x-[^:]+: ([^']+)'/.exec(banner)?.[1];
    const body = /--data '(\{.*\})'/.exec(banner)?.[1];
    expect(body).toContain('"placedAt":"2026-12-24T01:00:00.000Z"'); // the order is on the rehearsed day
    expect(verifyStorefrontSignature({ header, body: Buffer.from(body ?? ''), secret: runtime.webhookSecret, now: real + 60_000 })).toEqual({ timestamp: real / 1000 });
  });
});
