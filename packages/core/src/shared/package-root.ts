// SPDX-License-Identifier: Apache-2.0
// Which package a file belongs to. The nearest package.json is not always the answer: published
// CLIs put small marker files below their root (`bin/package.json` = `{"name":"bin","type":"commonjs"}`
// so that one folder is CommonJS), which say nothing about the tool.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A package.json as read: every field is untrusted. */
export type PackageManifest = Readonly<Record<string, unknown>>;

/** The package that owns a file: its directory and its parsed package.json. */
export interface OwningPackage {
  /** The directory holding the package.json. */
  root: string;
  /** The parsed package.json. */
  manifest: PackageManifest;
}

function readManifest(dir: string): PackageManifest | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return value != null && typeof value === 'object' && !Array.isArray(value) ? (value as PackageManifest) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `dir` is `node_modules/<pkg>` or `node_modules/@scope/<pkg>`: nothing above it is this package. */
function isInstallBoundary(dir: string): boolean {
  const parent = dirname(dir);
  if (basename(parent) === 'node_modules') return true;
  return basename(parent).startsWith('@') && basename(dirname(parent)) === 'node_modules';
}

/**
 * The package that owns `file` (a real path), walking up from its directory to the
 * `node_modules/<pkg>` boundary (or the file-system root): the first package.json with a `bin`;
 * else the one at the boundary; else, outside node_modules, the first with a `version`; else the
 * nearest. Marker files below a package's root (`bin/package.json` = `{"type":"commonjs"}`) are
 * so skipped. Adapters and @clitel/register name a tool after it.
 */
export function findOwningPackage(file: string): OwningPackage | undefined {
  let nearest: OwningPackage | undefined;
  let versioned: OwningPackage | undefined;
  let dir = dirname(file);
  for (let i = 0; i < 64; i++) {
    const manifest = readManifest(dir);
    const boundary = isInstallBoundary(dir);
    if (manifest != null) {
      const found = { root: dir, manifest };
      if (manifest.bin != null || boundary) return found;
      nearest ??= found;
      if (typeof manifest.version === 'string') versioned ??= found;
    }
    const parent = dirname(dir);
    if (boundary || parent === dir) break;
    dir = parent;
  }
  return versioned ?? nearest;
}

/** The root directory of the package that owns `file`, if any. */
export function findPackageRoot(file: string): string | undefined {
  return findOwningPackage(file)?.root;
}
