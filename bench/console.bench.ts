// npm run bench:console — the staff console's queue with 1,000 open steps on the whole local
// runtime: cold load to interactive in headless Chromium (a fresh profile each run, so nothing is
// cached), and the JavaScript the queue route loads, gzipped (the charts load lazily elsewhere).
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { consoleDistDir } from '../local/console/build.ts';
import { launchChromium } from './console/rig.ts';
import { CONSOLE_QUEUE_FIRST_PAGE } from '../functions/staff-api/queue-limits.ts';
import type { RigReady } from './console/rig-process.ts';

const OPEN_STEPS = Number(process.env.CONSOLE_BENCH_STEPS ?? 1_000);
const RUNS = Number(process.env.CONSOLE_BENCH_RUNS ?? 5);
const BUDGET_MS = 1_500;
const BUDGET_JS_KB = 500;
/** The console asks for a first page (issue 27): what it counts once that page is drawn. */
const COUNT_TEXT = OPEN_STEPS > CONSOLE_QUEUE_FIRST_PAGE ? `已加载 ${CONSOLE_QUEUE_FIRST_PAGE} 项` : `共 ${OPEN_STEPS} 项`;

/**
 * Runs in the page from its first script: notes (performance.now(), ms from navigation start) the
 * first frame painted after the queue is counted and a row has its buttons. Playwright's own
 * polling notices that later (its process shares the CPUs with the page and the server), so its
 * figure is reported too but the budget is read against the page's.
 */
const MARK_INTERACTIVE = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('tr[data-case] button') || !document.body.textContent.includes(${JSON.stringify(COUNT_TEXT)})) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__interactiveAt = performance.now(); }));
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

// The runtime in its own process (console/rig-process.ts), so the driver below does not share its event loop.
const rig = fork(fileURLToPath(new URL('./console/rig-process.ts', import.meta.url)), { env: { ...process.env, CONSOLE_BENCH_STEPS: String(OPEN_STEPS) } });
const rigExited = new Promise<number | null>((resolve) => rig.once('exit', resolve));
try {
  const { apiUrl, session, seedMs } = await Promise.race([
    new Promise<RigReady>((resolve) => rig.once('message', (message) => resolve(message as RigReady))),
    rigExited.then((code) => Promise.reject(new Error(`the console rig exited (${code}) before it was ready`))),
  ]);
  process.stdout.write(`opened ${OPEN_STEPS} order reviews in ${(seedMs / 1000).toFixed(1)} s\n`);

  const loadBefore = loadavg()[0] ?? NaN;
  const loads: number[] = [];
  const seenByPlaywright: number[] = [];
  const queueReads: number[] = [];
  let scripts: string[] = [];
  let stylesheets: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const browser = await launchChromium();
    await browser.addInitScript({ content: `sessionStorage.setItem('sla-console.session', ${JSON.stringify(session)});\n${MARK_INTERACTIVE}` });
    const page = await browser.newPage();
    const loaded: string[] = [];
    const styled: string[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script') loaded.push(new URL(response.url()).pathname);
      if (type === 'stylesheet') styled.push(new URL(response.url()).pathname);
    });
    await page.goto(`${apiUrl}/console/#/queue`);
    // Interactive: the queue's first page fetched, counted and its first rows drawn with their actions (MARK_INTERACTIVE).
    await page.getByText(COUNT_TEXT).waitFor({ timeout: 60_000 });
    await page.locator('tr[data-case] button').first().waitFor();
    seenByPlaywright.push(await page.evaluate<number>('performance.now()'));
    loads.push(await page.waitForFunction<number>('window.__interactiveAt').then((handle) => handle.jsonValue()));
    // When GET /queue was asked and answered (ms from navigation start): how much of the load is the API's.
    queueReads.push(await page.evaluate<number>(`performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === '/queue').map((e) => e.responseEnd - e.startTime)[0] ?? NaN`));
    scripts = loaded;
    stylesheets = styled;
    await browser.close();
  }

  const dist = consoleDistDir(process.cwd());
  const gzipKb = (path: string): number => gzipSync(readFileSync(join(dist, path.replace(/^\/console\//, '')))).length / 1024;
  const sizes = scripts.map((path) => ({ path, kb: gzipKb(path) }));
  const totalKb = sizes.reduce((sum, s) => sum + s.kb, 0);
  const cssKb = stylesheets.reduce((sum, path) => sum + gzipKb(path), 0);
  const medianOf = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const sorted = [...loads].sort((a, b) => a - b);
  const median = medianOf(loads);
  process.stdout.write(
    [
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadBefore.toFixed(1)} before the runs, ${loadavg()[0]?.toFixed(1)} after; ${new Date().toISOString()}`,
      `queue with ${OPEN_STEPS} open steps, cold load to interactive (${RUNS} runs, fresh profile each): median ${median.toFixed(0)} ms, min ${sorted[0]?.toFixed(0)} ms, max ${sorted[sorted.length - 1]?.toFixed(0)} ms (budget ${BUDGET_MS} ms)`,
      `  the same loads as seen by Playwright's polling: median ${medianOf(seenByPlaywright).toFixed(0)} ms`,
      `  GET /queue (${OPEN_STEPS} items), asked to answered, while the frame is drawn: median ${medianOf(queueReads).toFixed(0)} ms`,
      `queue route JavaScript: ${totalKb.toFixed(1)} KB gzipped in ${sizes.length} files (budget ${BUDGET_JS_KB} KB): ${sizes.map((s) => `${s.path.split('/').pop()} ${s.kb.toFixed(1)} KB`).join(', ')}`,
      `queue route stylesheets (not JavaScript; antd's prebuilt CSS): ${cssKb.toFixed(1)} KB gzipped in ${stylesheets.length} file(s)`,
      '',
    ].join('\n'),
  );
} finally {
  if (rig.connected) rig.send('stop');
  await rigExited;
}
