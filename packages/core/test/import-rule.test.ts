// SPDX-License-Identifier: Apache-2.0
// The layout of core's source is its design: three bundles that run at three moments, each in its
// own folder, and what they share (plus describe/, the generators' bundle, never loaded by a run). Each folder's modules import only from their own folder and
// shared/, and shared/ only from itself. Checked here on the real import graph of src/ (read with
// the TypeScript compiler, so type-only imports count too) and on what esbuild put into each
// bundle of the last build.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = `${ROOT}src/`;

/** The folders, one per moment plus what the moments share. */
const FOLDERS = ['gate', 'runtime', 'sender', 'describe', 'shared'] as const;
type Folder = (typeof FOLDERS)[number];

/** The entry of each bundle (the top level of src/ holds nothing else) and the folder it belongs to. */
const ENTRIES: Record<string, Folder> = {
  'index.ts': 'gate', // dist/index.js: start-up, inlined into every adapter
  'internal.ts': 'gate', // dist/internal.js: what sibling packages share beyond the public API
  'runtime.ts': 'runtime', // dist/runtime.cjs: loaded after consent
  'sender.ts': 'sender', // dist/sender.js: the detached sender process
  'proxy.ts': 'sender', // dist/proxy.js: the sender's proxy agents, for services
  'describe.ts': 'describe', // dist/describe.js: what a schema can send, for generators
};

/**
 * Type-only imports across folders that are the contract between two moments: the gate names the
 * shape of the runtime it loads lazily (erased from the bundle).
 */
const CONTRACTS = [{ from: 'gate/load-runtime.ts', to: 'runtime.ts' }];

function sourceFiles(dir = ''): string[] {
  return readdirSync(`${SRC}${dir}`, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(`${dir}${d.name}/`) : d.name.endsWith('.ts') ? [`${dir}${d.name}`] : []);
}

function folderOf(file: string): Folder | undefined {
  const top = file.split('/')[0];
  return file.includes('/') ? FOLDERS.find((f) => f === top) : ENTRIES[file];
}

interface Import {
  spec: string;
  typeOnly: boolean;
}

/** Every module specifier a file names: imports, re-exports, `import()` and `import('x').T` types. */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(`${SRC}${file}`, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allTypes = clause != null && (clause.isTypeOnly || (clause.name == null && named != null && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)));
      found.push({ spec: node.moduleSpecifier.text, typeOnly: allTypes });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier != null && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause;
      found.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly || (named != null && ts.isNamedExports(named) && named.elements.every((e) => e.isTypeOnly)) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] != null && ts.isStringLiteral(node.arguments[0])) {
      found.push({ spec: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ spec: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The source file a relative specifier names (`../shared/env.js` → `shared/env.ts`). */
function resolve(from: string, spec: string): string {
  return posix.join(posix.dirname(from), spec).replace(/\.js$/, '.ts');
}

describe('the layout of packages/core/src', () => {
  const files = sourceFiles();

  it('has the five folders and, at the top, only the bundle entries', () => {
    const misplaced = files.filter((f) => folderOf(f) == null);
    expect(misplaced, 'files outside gate/, runtime/, sender/, describe/ and shared/ that are not a bundle entry').toEqual([]);
    for (const folder of FOLDERS) expect(files.some((f) => f.startsWith(`${folder}/`)), folder).toBe(true);
  });

  it('imports only within a folder and from shared/ (shared/ only from itself)', () => {
    const crossings: string[] = [];
    for (const file of files) {
      const own = folderOf(file);
      if (own == null) continue;
      const inShared = file.startsWith('shared/');
      for (const { spec, typeOnly } of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(file, spec);
        const to = folderOf(target);
        const allowed = inShared ? to === 'shared' && target.includes('/') : to === own || to === 'shared';
        if (allowed) continue;
        if (typeOnly && CONTRACTS.some((c) => c.from === file && c.to === target)) continue;
        crossings.push(`${file} imports ${target}${typeOnly ? ' (types)' : ''}: ${inShared ? 'shared/ imports only shared/' : `${own} code imports only ${own}/ and shared/`}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('keeps the start-up folders free of packages: gate/ and shared/ use only Node built-ins', () => {
    const found: string[] = [];
    for (const file of files.filter((f) => (f.startsWith('gate/') || f.startsWith('shared/') || f === 'index.ts' || f === 'internal.ts') && !f.endsWith('.test.ts'))) {
      for (const { spec, typeOnly } of importsOf(file)) {
        if (!spec.startsWith('.') && !spec.startsWith('node:') && !typeOnly) found.push(`${file} imports ${spec}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('puts into each built bundle only its own folder and shared/', () => {
    const file = `${ROOT}node_modules/.cache/clitel-core/bundle-inputs.json`;
    expect(existsSync(file), `${file} is written by the build: run npm run build first`).toBe(true);
    const inputs = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
    const bundles: Record<string, string> = { 'dist/index.js': 'index.ts', 'dist/internal.js': 'internal.ts', 'dist/runtime.cjs': 'runtime.ts', 'dist/sender.js': 'sender.ts', 'dist/proxy.js': 'proxy.ts', 'dist/describe.js': 'describe.ts' };
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(bundles).sort());
    const strays: string[] = [];
    for (const [bundle, entry] of Object.entries(bundles)) {
      const own = ENTRIES[entry];
      for (const input of inputs[bundle]) {
        if (!input.startsWith('src/')) continue;
        const rel = input.slice('src/'.length);
        if (rel !== entry && !rel.startsWith(`${own}/`) && !rel.startsWith('shared/')) strays.push(`${bundle} contains ${input}`);
      }
    }
    expect(strays).toEqual([]);
    // The start-up bundle carries no package code at all (@opentelemetry/api stays external).
    expect(inputs['dist/index.js'].filter((i) => !i.startsWith('src/'))).toEqual([]);
  });
});
