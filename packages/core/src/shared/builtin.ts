// SPDX-License-Identifier: Apache-2.0
// A Node built-in loaded only when first needed (node:crypto, node:child_process and node:vm cost
// milliseconds to load, and most runs never need them): process.getBuiltinModule on Node 20.16+
// and 22.3+, a CommonJS require on the versions between (21, 22.0 to 22.2), which lack it. The
// eager imports of the ESM start-up bundles get the same fallback from scripts/esbuild-builtins.mjs,
// which rewrites built bundles and so cannot call this function.
import { createRequire } from 'node:module';
import type * as ChildProcess from 'node:child_process';
import type * as Crypto from 'node:crypto';
import type * as Fs from 'node:fs';
import type * as Vm from 'node:vm';

/** The built-ins clitel loads lazily. */
interface LazyBuiltins {
  'node:child_process': typeof ChildProcess;
  'node:crypto': typeof Crypto;
  'node:fs': typeof Fs;
  'node:vm': typeof Vm;
}

/** The built-in `id`, loaded on first use. */
export function builtin<ID extends keyof LazyBuiltins>(id: ID): LazyBuiltins[ID] {
  if (typeof process.getBuiltinModule === 'function') return process.getBuiltinModule(id) as LazyBuiltins[ID];
  // Any absolute path serves as the base: built-ins resolve the same from everywhere.
  return createRequire(process.execPath)(id) as LazyBuiltins[ID];
}
