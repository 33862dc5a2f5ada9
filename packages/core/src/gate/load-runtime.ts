// SPDX-License-Identifier: Apache-2.0
// Loading core's runtime (dist/runtime.cjs) once consent says yes, through a V8 code cache: the
// first recorded run of a tool compiles it and, after its spool write, keeps V8's compiled code in
// the tool's state directory; later runs hand it to V8 instead of compiling again. The cache is
// keyed by the runtime's content hash (written into its first line by build.mjs) and the Node
// version and architecture; V8 rejects a cache from another V8 or flags itself, and a missing,
// stale or corrupt cache only means compiling as before. Opting out deletes it with the state.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeCache, RuntimePlace } from '../shared/internal-types.js';
import { builtin } from '../shared/builtin.js';
// Types only: erased from the bundle, so an opted-out run still never loads the runtime.
import type * as RuntimeModule from '../runtime.js';

/** What dist/runtime.cjs exports. */
type Runtime = typeof RuntimeModule;

/** The loaded runtime, where it lives, and the code cache to write when this run compiled it afresh. */
export interface LoadedRuntime extends RuntimePlace {
  module: Runtime;
}

/**
 * The runtime is found through the package name, not a relative path: adapters bundle this gate
 * into their own single file (one module to load instead of two), and still use core's runtime.
 */
const RUNTIME = '@clitel/core/runtime';
/** The first line build.mjs writes into runtime.cjs: its content hash. */
const KEY = /^\/\*clitel-runtime:([0-9a-f]{16})\*\//;
/** The code cache file in a tool's state directory. */
const CODE_CACHE_FILE = 'runtime.v8-cache';
/** Once per process and runtime file, shared by every copy of the gate (adapters inline it). */
const LOADED = Symbol.for('clitel.runtime.v1');

/**
 * Where Node's resolution would find core's runtime from this file, tried directly first (the
 * general resolver costs about 2 ms on its first use): this file itself in core's dist, an adapter
 * with its own nested copy of core, an adapter beside core in the same `@clitel` scope (npm, pnpm,
 * workspaces). Anything else goes through `require.resolve`.
 */
function runtimeFile(): string {
  for (const guess of ['./runtime.cjs', '../node_modules/@clitel/core/dist/runtime.cjs', '../../core/dist/runtime.cjs']) {
    const file = fileURLToPath(new URL(guess, import.meta.url));
    if (existsSync(file)) return file;
  }
  return createRequire(import.meta.url).resolve(RUNTIME);
}

function readCache(cacheFile: string, header: string): Buffer | undefined {
  try {
    const bytes = readFileSync(cacheFile);
    const head = Buffer.from(header);
    return bytes.subarray(0, head.length).equals(head) ? bytes.subarray(head.length) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs runtime.cjs as Node's CommonJS loader would, compiled with `cachedData` when there is one. */
function compile(file: string, source: string, key: string, stateDir: string | undefined): { exports: Runtime; codeCache?: CodeCache } {
  const { Script } = builtin('node:vm');
  const cacheFile = stateDir != null ? join(stateDir, CODE_CACHE_FILE) : undefined;
  const header = `${key} ${process.version} ${process.arch}\n`;
  const cachedData = cacheFile != null ? readCache(cacheFile, header) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as Runtime };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  const fresh = cacheFile != null && (cachedData == null || script.cachedDataRejected === true);
  // Called at the end of the run, so the cache holds the functions the run compiled too.
  return { exports: module.exports, ...(fresh ? { codeCache: { file: cacheFile, bytes: () => Buffer.concat([Buffer.from(header), script.createCachedData()]) } } : {}) };
}

/** Loads the runtime once per process; `stateDir` is where a recorded run keeps its code cache. */
export function loadRuntime(stateDir?: string): LoadedRuntime {
  const loaded = ((globalThis as { [LOADED]?: Map<string, LoadedRuntime> })[LOADED] ??= new Map());
  const file = runtimeFile();
  const existing = loaded.get(file);
  if (existing != null) return existing;
  const source = readFileSync(file, 'utf8');
  const key = KEY.exec(source)?.[1];
  const compiled = key != null ? compile(file, source, key, stateDir) : { exports: createRequire(import.meta.url)(file) as Runtime };
  const runtime: LoadedRuntime = { module: compiled.exports, distDir: dirname(file), ...(compiled.codeCache != null ? { codeCache: compiled.codeCache } : {}) };
  loaded.set(file, runtime);
  return runtime;
}
