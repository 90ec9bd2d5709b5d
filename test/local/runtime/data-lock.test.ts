import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirInUse, LOCK_FILE, lockDataDir } from '../../../local/runtime/data-lock.ts';

/** A pid that named a process a moment ago and names none now. */
function deadPid(): number {
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(gone.stdout);
}

interface Contender {
  child: ChildProcessWithoutNullStreams;
  lines: Interface;
  ask(command: string): Promise<string>;
}

function contender(): Contender {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/local/runtime/fixtures/lock-contender.ts']);
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  return {
    child,
    lines,
    ask(command) {
      return new Promise((resolve) => {
        waiting.push(resolve);
        child.stdin.write(`${command}\n`);
      });
    },
  };
}

describe('the data directory lock', () => {
  it('takes over an empty runtime.lock (as a full disk leaves it) and one naming a dead pid', () => {
    for (const content of ['', String(deadPid()), 'garbage\u0000'.repeat(100)]) {
      const dir = mkdtempSync(join(tmpdir(), 'lock-'));
      writeFileSync(join(dir, LOCK_FILE), content);
      const release = lockDataDir(dir);
      expect(() => lockDataDir(dir)).toThrow(DataDirInUse);
      expect(() => lockDataDir(dir)).toThrow(`${dir} is in use by another runtime (pid ${process.pid})`);
      release();
      lockDataDir(dir)();
    }
  });

  describe('four processes racing for a lock a dead process left', () => {
    const contenders: Contender[] = [];
    beforeAll(() => {
      for (let i = 0; i < 4; i++) contenders.push(contender());
    });
    afterAll(() => {
      for (const c of contenders) c.child.stdin.end();
    });

    it('let exactly one of them win, in each of six trials', async () => {
      for (let trial = 0; trial < 6; trial++) {
        const dir = mkdtempSync(join(tmpdir(), 'lock-race-'));
        writeFileSync(join(dir, LOCK_FILE), String(deadPid()));
        // Every contender is told at once; they race inside lockDataDir.
        const answers = await Promise.all(contenders.map((c) => c.ask(`lock ${dir}`)));
        expect(answers.filter((a) => a === 'won'), `trial ${trial}: ${answers.join(', ')}`).toHaveLength(1);
        expect(answers.filter((a) => a === 'in-use')).toHaveLength(3);
        const winner = contenders[answers.indexOf('won')] as Contender;
        expect(readFileSync(join(dir, 'runtime.pid'), 'utf8')).toBe(String(winner.child.pid));
        await Promise.all(contenders.map((c) => c.ask('release')));
      }
    }, 60_000);
  });

  it('is released by the kernel when its holder is killed with SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-kill-'));
    const holder = contender();
    expect(await holder.ask(`lock ${dir}`)).toBe('won');
    expect(() => lockDataDir(dir)).toThrow(DataDirInUse);
    const exited = new Promise((resolve) => holder.child.once('exit', resolve));
    holder.child.kill('SIGKILL');
    await exited;
    lockDataDir(dir)();
  });
});
