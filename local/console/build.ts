/**
 * Builds the staff console (console/, Vite) when its build is missing or stale. A build records
 * the SHA-256 of every source file it bundled (the console's own and the shared API schemas and
 * core modules it imports) plus package-lock.json; a later start compares those hashes, so a
 * touched-but-unchanged file does not rebuild and a changed shared schema does. The new build is
 * written beside the old one and swapped in by rename, so a reader never sees half a build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUILD_MANIFEST = '.build-inputs.json';
/** This builder is an input too: a build made by an older one (say, a development build) is stale. */
const BUILDER = fileURLToPath(import.meta.url);

/** SHA-256 of this builder's source. */
export function builderHash(): string {
  return sha256(BUILDER) ?? '';
}

export interface BuildInputs {
  /** Repository-relative path → SHA-256 (hex) of its content. */
  files: Record<string, string>;
  /** SHA-256 of this builder (build.ts): how it builds (a production build) is an input too. */
  builder?: string;
}

export interface ConsoleBuild {
  /** The built site's folder (console/dist). */
  dir: string;
  /** Whether this call built it (false: the existing build was current). */
  built: boolean;
}

export function consoleDistDir(root: string): string {
  return join(root, 'console', 'dist');
}

function sha256(path: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return undefined;
  }
}

/** Why the build at `dir` is stale (a changed, missing or new input), or undefined when it is current. */
export function staleReason(root: string): string | undefined {
  const dir = consoleDistDir(root);
  let recorded: BuildInputs;
  try {
    recorded = JSON.parse(readFileSync(join(dir, BUILD_MANIFEST), 'utf8')) as BuildInputs;
  } catch {
    return 'no build yet';
  }
  if (!existsSync(join(dir, 'index.html'))) return 'no build yet';
  if (recorded.builder !== builderHash()) return 'built by another version of the console builder';
  for (const [path, hash] of Object.entries(recorded.files)) {
    if (sha256(join(root, path)) !== hash) return `${path} changed`;
  }
  return undefined;
}

/** Builds console/ into console/dist unless the recorded inputs are unchanged. */
export async function ensureConsoleBuild(root: string, log: (message: string) => void = () => {}): Promise<ConsoleBuild> {
  const dir = consoleDistDir(root);
  const reason = staleReason(root);
  if (reason === undefined) return { dir, built: false };
  log(`building the staff console (${reason})`);
  const { build } = await import('vite');
  const bundled = new Set<string>();
  const staging = join(root, 'console', `.build-${process.pid}`);
  // A production build whoever builds: Vite keeps a NODE_ENV it finds (vitest sets 'test'), and
  // then ships React's development build and JSX runtime — the very build npm start would serve.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(root, 'console', 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: staging, emptyOutDir: true },
      plugins: [
        {
          name: 'record-build-inputs',
          generateBundle() {
            for (const id of this.getModuleIds()) bundled.add(id);
          },
        },
      ],
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const files: Record<string, string> = {};
  const inputs = [...bundled].map((id) => id.split('?')[0] as string).filter((id) => id.startsWith(resolve(root)) && !id.includes('/node_modules/'));
  for (const path of [...inputs, join(root, 'console', 'index.html'), join(root, 'console', 'vite.config.ts'), join(root, 'package-lock.json')]) {
    const hash = sha256(path);
    if (hash !== undefined) files[relative(root, path)] = hash;
  }
  writeFileSync(join(staging, BUILD_MANIFEST), `${JSON.stringify({ files, builder: builderHash() } satisfies BuildInputs, null, 1)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return { dir, built: true };
}
