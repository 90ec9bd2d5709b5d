import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../core/time/clock.ts';
import { createGateway } from '../../../local/gateway/server.ts';
import { consoleSite } from '../../../local/console/site.ts';
import { matchLocalRoute } from '../../../local/gateway/local-routes.ts';

const dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>');
writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log("queue");'.repeat(50));
const routes = consoleSite(dist);

async function get(path: string, headers: Record<string, string> = {}) {
  const route = matchLocalRoute(routes, 'GET', path);
  if (route === undefined || route === 'method-not-allowed') throw new Error(`no route for ${path}`);
  return route.handle({ method: 'GET', path, url: path, headers, body: Buffer.alloc(0), sourceIp: '127.0.0.1' });
}

describe('the console on the local HTTP API\'s port', () => {
  it('redirects / and /console to /console/', async () => {
    expect(await get('/')).toMatchObject({ statusCode: 302, headers: { location: '/console/' } });
    expect(await get('/console')).toMatchObject({ statusCode: 302, headers: { location: '/console/' } });
  });

  it('serves the page revalidated and hashed assets cached for a year, gzipped when accepted', async () => {
    const page = await get('/console/');
    expect(page).toMatchObject({ statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' } });
    const asset = await get('/console/assets/index-abc.js', { 'accept-encoding': 'gzip, br' });
    expect(asset.headers).toMatchObject({ 'content-encoding': 'gzip', 'cache-control': 'public, max-age=31536000, immutable' });
    expect(gunzipSync(asset.body as Buffer).toString()).toContain('queue');
    expect((await get('/console/assets/index-abc.js')).headers?.['content-encoding']).toBeUndefined();
  });

  it('tells the console to sign in locally on the same origin', async () => {
    expect(JSON.parse(String((await get('/console/config.json')).body))).toEqual({ apiUrl: '', auth: { kind: 'local' } });
  });

  it('answers an old route with the page, a missing asset with 404, and never a file outside the build', async () => {
    expect(String((await get('/console/queue')).body)).toContain('<title>console</title>');
    expect((await get('/console/assets/gone.js')).statusCode).toBe(404);
    expect((await get('/console/..%2F..%2Fetc%2Fpasswd')).statusCode).toBe(404);
  });

  it('answers a case link an alarm sent with the page, even when the case id holds a dot', async () => {
    expect(String((await get('/console/cases/order-SO-1')).body)).toContain('<title>console</title>');
    expect(String((await get('/console/cases/return-RMA-2.1')).body)).toContain('<title>console</title>');
  });
});

describe('a malformed URL under /console/ through the real HTTP server', () => {
  it('answers /console/%E0%A4%A with 400 BadRequest naming the path, as every other route does, never 500', async () => {
    const clock = new VirtualClock('2026-11-26T10:00:00+08:00');
    const server = createGateway({ routes: [], localRoutes: routes, invoke: () => Promise.reject(new Error('no functions here')), signingKey: new Uint8Array(32), clock, accountId: '000000000000' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/console/%E0%A4%A`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: 'BadRequest', message: 'path: /console/%E0%A4%A is not valid percent-encoded UTF-8' } });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
