import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIGNING_KEY_FILE } from '../../../local/identity/tokens.ts';
import { DataDirUnusable, lockDataDir } from '../../../local/runtime/data-lock.ts';
import { listen, ListenRefused } from '../../../local/runtime/listen.ts';
import { NoPlatformData, platformDataDir, POINTER_FILE, recordRunning, runningPlatform } from '../../../local/runtime/running.ts';

const fresh = (name: string) => mkdtempSync(join(tmpdir(), `${name}-`));
const withKey = (dir: string) => {
  mkdirSync(join(dir, 'identity'), { recursive: true });
  writeFileSync(join(dir, SIGNING_KEY_FILE), `${'ab'.repeat(32)}\n`);
  return dir;
};

describe('tools find the running platform\'s data directory, and never make keys of their own', () => {
  it('uses the data directory npm start recorded in the working directory while it runs', () => {
    const cwd = fresh('cwd');
    const data = withKey(fresh('data'));
    const forget = recordRunning({ dataDir: data, pid: process.pid, apiUrl: 'http://127.0.0.1:3000' }, cwd);
    expect(platformDataDir(SIGNING_KEY_FILE, undefined, {}, cwd)).toEqual({ dataDir: data });
    forget();
    expect(existsSync(join(cwd, POINTER_FILE))).toBe(false);
  });

  it('ignores the record of a platform that is no longer running', () => {
    const cwd = fresh('cwd');
    writeFileSync(join(cwd, POINTER_FILE), JSON.stringify({ dataDir: withKey(fresh('data')), pid: 2 ** 22 + 17, apiUrl: 'x' }));
    expect(runningPlatform(cwd)).toBeUndefined();
    expect(() => platformDataDir(SIGNING_KEY_FILE, undefined, {}, cwd)).toThrow(NoPlatformData);
  });

  it('refuses a DATA_DIR without platform data, naming DATA_DIR and the running platform\'s directory', () => {
    const cwd = fresh('cwd');
    const running = withKey(fresh('running'));
    recordRunning({ dataDir: running, pid: process.pid, apiUrl: 'x' }, cwd);
    const empty = fresh('empty');
    expect(() => platformDataDir(SIGNING_KEY_FILE, undefined, { DATA_DIR: empty }, cwd)).toThrow(
      `DATA_DIR / --data: ${empty} holds no platform data (no ${SIGNING_KEY_FILE}); the running platform uses ${running}`,
    );
    expect(existsSync(join(empty, SIGNING_KEY_FILE))).toBe(false);
  });

  it('honours --data over the running platform, with a note that they differ', () => {
    const cwd = fresh('cwd');
    const running = withKey(fresh('running'));
    recordRunning({ dataDir: running, pid: process.pid, apiUrl: 'x' }, cwd);
    const other = withKey(fresh('other'));
    expect(platformDataDir(SIGNING_KEY_FILE, other, {}, cwd)).toEqual({ dataDir: other, note: `note: the running platform (pid ${process.pid}) uses ${running}, not ${other}` });
  });
});

describe('start-up refusals name the setting to change', () => {
  it('refuses a DATA_DIR that is a file', () => {
    const file = join(fresh('file'), 'not-a-dir');
    writeFileSync(file, 'x');
    expect(() => lockDataDir(file)).toThrow(`DATA_DIR / --data: ${file} is a file (or under one), not a directory; choose another directory`);
    expect(() => lockDataDir(join(file, 'sub'))).toThrow(DataDirUnusable);
  });

  it.each([
    ['EROFS', 'is on a read-only file system'],
    ['EACCES', 'is not writable by this user'],
    ['ENOSPC', 'is on a full disk'],
  ])('words %s for people', (code, words) => {
    expect(new DataDirUnusable('/data', code).message).toBe(`DATA_DIR / --data: /data ${words}; choose another directory`);
  });

  it('refuses a port in use, naming its setting', async () => {
    const taken = createServer();
    const url = await listen(taken, 0, '127.0.0.1', { port: 'PORT / --port', host: 'HOST / --host' });
    const port = Number(new URL(url).port);
    const second = createServer();
    await expect(listen(second, port, '127.0.0.1', { port: 'EDGE_PORT / --edge-port', host: 'HOST / --host' })).rejects.toThrow(
      new ListenRefused('EDGE_PORT / --edge-port', `EDGE_PORT / --edge-port: port ${port} on 127.0.0.1 is in use by another program; stop it or choose another port`),
    );
    await new Promise((resolve) => taken.close(resolve));
  });
});
