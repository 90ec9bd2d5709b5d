/**
 * Imports run one way: platform/ (manifest shapes, environment names) and core/ (pure rules) at the
 * bottom, adapters/ and functions/ above them, app/manifest.ts gathering the functions' entries,
 * and infra/ (CDK) and local/ (the one-machine home) reading the manifest on top.
 * Every import, re-export and dynamic import of a TypeScript file is read with TypeScript's own
 * pre-processor, so a string that merely looks like an import in a comment does not count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface ImportEdge {
  /** Importing file, relative to the repository root with `/` separators. */
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** Repository-relative target of a relative specifier; the package name of a bare one. */
  target: string;
  /** True when the specifier is a package (not `./` or `../`). */
  isPackage: boolean;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(join(root, file), 'utf8');
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map(({ fileName: specifier }) => {
    const isPackage = !specifier.startsWith('.');
    const target = isPackage
      ? packageName(specifier)
      : relative(root, resolve(root, dirname(file), specifier)).split(sep).join('/');
    return { from: file, specifier, target, isPackage };
  });
}

function importsUnder(dir: string): ImportEdge[] {
  return typeScriptFiles(dir).flatMap(importsOf);
}

/** `from → specifier` lines of the edges into any of `dirs` (repository-relative folders). */
function into(edges: ImportEdge[], dirs: string[]): string[] {
  return edges
    .filter((edge) => !edge.isPackage && dirs.some((dir) => edge.target === dir || edge.target.startsWith(`${dir}/`)))
    .map((edge) => `${edge.from} → ${edge.specifier}`);
}

/** AWS's SDKs and runtimes: none belongs in the pure core (the same list eslint.config.js refuses there). */
const awsPackage = /^(@aws-sdk\/|@smithy\/|@aws-lambda-powertools\/|@middy\/|aws-cdk-lib$|aws-lambda$|constructs$)/;

describe('the layers of the repository', () => {
  it('reads the imports of real files, so an empty scan cannot pass for a clean one', () => {
    const functionEdges = importsUnder('functions');
    expect(typeScriptFiles('functions').length).toBeGreaterThan(20);
    expect(functionEdges).toContainEqual({
      from: 'functions/shared/config.ts',
      specifier: '../../platform/environment.ts',
      target: 'platform/environment.ts',
      isPackage: false,
    });
    expect(importsUnder('core').some((edge) => edge.isPackage && edge.target === 'zod')).toBe(true);
  });

  it('keeps connectors/ (platform connectors, issue 24) from importing app/, infra/, local/ or cli/: they are handlers too', () => {
    expect(typeScriptFiles('connectors').length).toBeGreaterThan(10);
    expect(into(importsUnder('connectors'), ['app', 'infra', 'local', 'cli'])).toEqual([]);
  });

  it('keeps functions/ from importing app/, infra/, local/ or cli/: the manifest sits on top of the handlers', () => {
    expect(into(importsUnder('functions'), ['app', 'infra', 'local', 'cli'])).toEqual([]);
  });

  it('keeps adapters/ from importing functions/, app/, infra/, local/ or cli/', () => {
    expect(into(importsUnder('adapters'), ['functions', 'app', 'infra', 'local', 'cli'])).toEqual([]);
  });

  // The pure core is core/ and policy/ (the policy's schema and compiler). No exceptions are
  // allowed: every rule below held when it was written; fix an import that breaks it, do not list it.
  for (const pure of ['core', 'policy']) {
    it(`keeps ${pure}/ pure: no import of functions/, adapters/, app/, infra/, local/ or cli/`, () => {
      expect(into(importsUnder(pure), ['functions', 'adapters', 'app', 'infra', 'local', 'cli'])).toEqual([]);
    });

    it(`keeps ${pure}/ free of AWS SDK, Lambda and CDK packages`, () => {
      const aws = importsUnder(pure)
        .filter((edge) => edge.isPackage && awsPackage.test(edge.specifier))
        .map((edge) => `${edge.from} → ${edge.specifier}`);
      expect(aws).toEqual([]);
    });
  }

  it('keeps platform/ at the bottom: it imports nothing else of the repository', () => {
    const edges = importsUnder('platform');
    expect(edges.filter((edge) => !edge.isPackage && !edge.target.startsWith('platform/'))).toEqual([]);
  });

  it('keeps the local sign-in in local/: local/identity/ imports nothing of functions/http/', () => {
    expect(into(importsUnder('local/identity'), ['functions/http'])).toEqual([]);
  });
});
