/** `npm run build:console`: builds the staff console (console/ → console/dist) when missing or stale; `--force` always. */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { consoleDistDir, ensureConsoleBuild } from '../local/console/build.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
if (process.argv.includes('--force')) rmSync(consoleDistDir(root), { recursive: true, force: true });
const started = Date.now();
const result = await ensureConsoleBuild(root, (message) => process.stdout.write(`${message}\n`));
process.stdout.write(result.built ? `built ${result.dir} in ${((Date.now() - started) / 1000).toFixed(1)} s\n` : `${result.dir} is up to date\n`);
