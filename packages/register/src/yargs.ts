// SPDX-License-Identifier: Apache-2.0
// Finds a yargs program when it is parsed: the prototype of the yargs instances the tool creates
// is reached through a throwaway instance of the same copy of yargs, and its `parse` (which
// `argv`, `parseAsync` and `parseSync` all call) is wrapped to hand over the first instance
// parsed. yargs 17 ships separate ESM and CommonJS copies; the one matching the entry is used.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The oldest yargs major @clitel/yargs supports. */
const MIN_MAJOR = 17;

type Factory = (args?: string[]) => object;
type Parse = (this: object, ...args: unknown[]) => unknown;

function isModuleEntry(entry: string, packageType: unknown): boolean {
  if (entry.endsWith('.mjs')) return true;
  if (entry.endsWith('.cjs')) return false;
  return packageType === 'module';
}

async function loadFactory(dir: string, esm: boolean): Promise<Factory | undefined> {
  const cjs = join(dir, 'index.cjs');
  if (!esm && existsSync(cjs)) return createRequire(cjs)(cjs) as Factory;
  const mjs = join(dir, 'index.mjs');
  if (!existsSync(mjs)) return undefined;
  return ((await import(pathToFileURL(mjs).href)) as { default?: Factory }).default;
}

/**
 * Wraps the yargs the tool at `root` resolves. Returns undefined when done, else why not.
 * `onProgram` runs once, with the first yargs instance parsed, before its parse begins.
 */
export async function watchYargs(root: string, entry: string, packageType: unknown, onProgram: (program: object) => void): Promise<string | undefined> {
  let manifest: string;
  try {
    manifest = createRequire(join(root, 'package.json')).resolve('yargs/package.json');
  } catch {
    return 'yargs is not installed';
  }
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version;
  const major = Number(typeof version === 'string' ? version.split('.')[0] : NaN);
  if (!(major >= MIN_MAJOR)) return `yargs ${String(version)} is older than ${MIN_MAJOR}`;
  const factory = await loadFactory(dirname(manifest), isModuleEntry(entry, packageType));
  if (typeof factory !== 'function') return 'yargs exports no factory';
  const prototype = Object.getPrototypeOf(factory([])) as Record<string, unknown>;
  const original = prototype.parse as Parse | undefined;
  if (typeof original !== 'function') return 'yargs has no parse()';
  let seen = false;
  const parse: Parse = function (this: object, ...args: unknown[]): unknown {
    if (!seen) {
      seen = true;
      try {
        onProgram(this);
      } catch {
        // never break the tool
      }
    }
    return original.apply(this, args);
  };
  Object.defineProperty(prototype, 'parse', { value: parse, configurable: true, writable: true, enumerable: false });
  return undefined;
}
