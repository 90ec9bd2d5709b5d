import { resolve } from 'node:path';

/** The local runtime's data directory: `--data`/`DATA_DIR`, else `.local-data/` in the working directory. */
export function dataDir(flag?: string): string {
  return resolve(flag ?? process.env.DATA_DIR ?? '.local-data');
}
