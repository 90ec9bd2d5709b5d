// After `npm ci`: the project runs on Node.js ≥ 24 (the Lambda runtime is nodejs24.x too).
// On Linux x64/arm64 npm installs a pinned Node 24 as an optional dependency (node-linux-<arch>),
// linked as node_modules/.bin/node, which npm puts first on the PATH of every npm script. A
// machine whose own Node is already ≥ 24 keeps its own: the link is removed. Elsewhere, with an
// older Node and no package for the platform, the install stops with one line naming the need.
// Plain JavaScript: it runs before anything of the project can be loaded.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, realpathSync, unlinkSync } from 'node:fs';

const REQUIRED = 24;
const major = (version) => Number(String(version).split('.')[0]);
const link = new URL('../../node_modules/.bin/node', import.meta.url);

/** npm ran on the pinned Node itself (its link first on the PATH, as in an npm script): not the machine's own. */
function runsOnPinnedNode(own) {
  try {
    return /[\\/]node_modules[\\/]node-(linux|darwin|win)-[^\\/]+[\\/]/.test(realpathSync(own));
  } catch {
    return false;
  }
}

function machineNode() {
  const own = process.env.npm_node_execpath;
  if (!own) return process.versions.node;
  return execFileSync(own, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
}

const pinned = process.env.npm_node_execpath !== undefined && runsOnPinnedNode(process.env.npm_node_execpath);
const machine = pinned ? null : machineNode();
const bundled = existsSync(link) || (() => { try { return lstatSync(link).isSymbolicLink(); } catch { return false; } })();

if (pinned) {
  // Keep the link: removing it would leave the project on the machine's older Node.
} else if (major(machine) >= REQUIRED) {
  if (bundled) unlinkSync(link);
} else if (!bundled) {
  process.stderr.write(`sla-workflow-platform needs Node.js ≥ ${REQUIRED} (this machine has ${machine}, and npm has no Node ${REQUIRED} package for ${process.platform}-${process.arch}): install Node.js ${REQUIRED} LTS, then npm ci again.\n`);
  process.exit(1);
}
