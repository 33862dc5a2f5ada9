// SPDX-License-Identifier: Apache-2.0
// What `clitel doctor <entry>` runs: a script path, or a bin name. A bin name is looked up, from
// the working directory upwards, in the project's own package.json `bin` and then in
// node_modules/.bin (the link npm makes, followed to its script). The script runs with `node`.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { findOwningPackage } from '@clitel/core/internal';
import { CliError } from '../cli-error.js';

/** A script to run, and how it was found. */
export interface ResolvedEntry {
  /** The script, absolute. */
  file: string;
  /** The script relative to the working directory, for messages. */
  display: string;
  /** How it was found. */
  via: 'path' | 'package.json bin' | 'node_modules/.bin';
}

const isFile = (file: string): boolean => existsSync(file) && statSync(file).isFile();

function ownBin(name: string, cwd: string): string | undefined {
  const owner = findOwningPackage(join(cwd, 'package.json'));
  const bin = owner?.manifest.bin;
  const unscoped = typeof owner?.manifest.name === 'string' ? owner.manifest.name.replace(/^@[^/]+\//, '') : undefined;
  const target = typeof bin === 'string' ? (unscoped === name ? bin : undefined) : bin != null && typeof bin === 'object' ? (bin as Record<string, unknown>)[name] : undefined;
  return owner != null && typeof target === 'string' && isFile(resolve(owner.root, target)) ? resolve(owner.root, target) : undefined;
}

function linkedBin(name: string, cwd: string): string | undefined {
  for (let dir = cwd, i = 0; i < 64; i++) {
    const link = join(dir, 'node_modules', '.bin', name);
    if (isFile(link)) return realpathSync(link);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** A script whose first line is a shebang for something other than node cannot run with node. */
function assertNodeScript(file: string, entry: string): void {
  const head = readFileSync(file, { encoding: 'utf8' }).slice(0, 200);
  const first = head.split('\n')[0] ?? '';
  if (first.startsWith('#!') && !/\bnode\b/.test(first)) {
    throw new CliError('clitel.cli.usage', `doctor: ${entry} is not a Node.js script (its first line starts another interpreter); give the script that node runs`);
  }
}

/** Finds the script for `entry`; a name that finds none is a usage error. */
export function resolveEntry(entry: string, cwd: string): ResolvedEntry {
  const direct = resolve(cwd, entry);
  let found: Pick<ResolvedEntry, 'file' | 'via'> | undefined;
  if (isFile(direct)) found = { file: direct, via: 'path' };
  else if (!entry.includes('/') && !entry.includes(sep)) {
    const own = ownBin(entry, cwd);
    const linked = own == null ? linkedBin(entry, cwd) : undefined;
    if (own != null) found = { file: own, via: 'package.json bin' };
    else if (linked != null) found = { file: linked, via: 'node_modules/.bin' };
  }
  if (found == null) {
    throw new CliError('clitel.cli.usage', `doctor: no script ${entry} here, and no bin named ${entry} in package.json or node_modules/.bin from this directory up`);
  }
  assertNodeScript(found.file, entry);
  const display = relative(cwd, found.file).split(sep).join('/');
  return { ...found, display: display.startsWith('..') || display === '' ? found.file : display };
}
