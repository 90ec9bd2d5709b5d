/**
 * `npm run -s backup -- <dir> [--data <data dir>]`: a consistent copy of the platform's data
 * directory into the new or empty directory `<dir>`, safe while `npm start` runs (SQLite's online
 * backup; local/runtime/backup.ts). Restoring: docs/emulators.md "Backup and restore".
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SIGNING_KEY_FILE } from '../local/identity/tokens.ts';
import { backupDataDir } from '../local/runtime/backup.ts';
import { platformDataDir } from '../local/runtime/running.ts';

try {
  const { values, positionals } = parseArgs({ options: { data: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new Error('usage: npm run -s backup -- <dir> [--data <data dir>]');
  const found = platformDataDir(SIGNING_KEY_FILE, values.data);
  if (found.note !== undefined) process.stderr.write(`backup: ${found.note}\n`);
  const target = resolve(positionals[0] as string);
  const result = await backupDataDir(found.dataDir, target);
  process.stdout.write(`backed up ${found.dataDir} to ${target}: ${result.stores.length} stores (${result.stores.join(', ')}) and ${result.files.length} other files\n`);
} catch (error) {
  process.stderr.write(`backup: ${(error as Error).message.split('\n')[0]}\n`);
  process.exitCode = 2;
}
