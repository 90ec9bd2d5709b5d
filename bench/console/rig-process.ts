/**
 * The console rig in a process of its own, for npm run bench:console: the runtime serves the
 * console and the API here, while the benchmark drives Chromium from its parent. In one process
 * the Playwright driver (which handles every protocol event of the page it loads) would share the
 * server's event loop, and `GET /queue` would wait behind it — no deployment runs that way.
 *
 * Parent → child: `{ steps }` (environment CONSOLE_BENCH_STEPS), then the message 'stop'.
 * Child → parent: `{ apiUrl, session, seedMs }` once the open steps are in and a user is signed in.
 */
import { PASSWORD, startConsoleRig } from './rig.ts';

export interface RigReady {
  apiUrl: string;
  /** The session the console keeps in sessionStorage (`sla-console.session`), as JSON. */
  session: string;
  /** How long opening the steps took (ms). */
  seedMs: number;
}

const steps = Number(process.env.CONSOLE_BENCH_STEPS ?? 1_000);
const rig = await startConsoleRig('2026-11-30T09:00:00+08:00');
process.on('message', (message) => {
  if (message === 'stop') void rig.stop().then(() => process.exit(0));
});
await rig.addAccount('bench', ['ops-cs']);
const seeding = Date.now();
await rig.openReviews(steps);
const seedMs = Date.now() - seeding;
const login = (await (await fetch(`${rig.runtime.apiUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'bench', password: PASSWORD }) })).json()) as { token: string; expiresAt: string };
const ready: RigReady = { apiUrl: rig.runtime.apiUrl, session: JSON.stringify({ token: login.token, expiresAt: login.expiresAt, user: 'bench', roles: ['ops-cs'] }), seedMs };
process.send?.(ready);
