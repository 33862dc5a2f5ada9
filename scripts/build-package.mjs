// SPDX-License-Identifier: Apache-2.0
// Builds a thin clitel package (an adapter, @clitel/library) into one ESM file, run from the
// package directory: `node ../../scripts/build-package.mjs [--max-bytes N]`.
// - types: tsc --emitDeclarationOnly (the public .d.ts files, as before);
// - code: esbuild bundles src/index.ts with @clitel/core's start-up gate inlined and tree-shaken,
//   so a CLI loads one module instead of several at start-up; core's runtime, sender and proxy
//   stay in @clitel/core (loaded through its package name, only when telemetry is on);
// - the package's frameworks and other dependencies stay external;
// - the bundle must stay within its size budget (default 26 kB: every byte is parsed on every run, off or on);
// - `--entry <name>` bundles src/<name>.ts instead of src/index.ts, `--esm-only` skips the
//   CommonJS copy (@clitel/register: an `--import` hook, always ESM; its budget is 34 kB, as it
//   inlines the gate and its own readers of commander, yargs and oclif).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rewriteBuiltins } from './esbuild-builtins.mjs';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const at = process.argv.indexOf('--max-bytes');
const maxBytes = at > 0 ? Number(process.argv[at + 1]) : 26_000;
const entryAt = process.argv.indexOf('--entry');
const entry = entryAt > 0 ? process.argv[entryAt + 1] : 'index';
const esmOnly = process.argv.includes('--esm-only');
const external = [...Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })].filter((name) => name !== '@clitel/core');

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--emitDeclarationOnly'], { stdio: 'inherit' });
const common = {
  entryPoints: { [entry]: `src/${entry}.ts` },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: [...external, ...external.map((name) => `${name}/*`), '@clitel/core/runtime', '@clitel/core/proxy', '@opentelemetry/api'],
  legalComments: 'none',
  logLevel: 'warning',
};
await build({ ...common, format: 'esm' });
// Built-ins through process.getBuiltinModule in the ESM file (see esbuild-builtins.mjs).
rewriteBuiltins(`dist/${entry}.js`);
const outputs = [`dist/${entry}.js`];
// The same bundle for CommonJS hosts (`require`): require() of an ESM file costs a CJS host about
// 3 ms more than a CommonJS file (npm run bench). The gate finds core's runtime from import.meta.url.
if (!esmOnly) {
  outputs.push(`dist/${entry}.cjs`);
  await build({
    ...common,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    define: { 'import.meta.url': '__clitelModuleUrl' },
    banner: { js: "'use strict';\nconst __clitelModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
}
let over = false;
for (const file of outputs) {
  const size = statSync(file).size;
  process.stdout.write(`${size <= maxBytes ? 'ok  ' : 'OVER'} ${pkg.name} ${file} ${size} bytes (budget ${maxBytes})\n`);
  over ||= size > maxBytes;
}
if (over) process.exit(1);
