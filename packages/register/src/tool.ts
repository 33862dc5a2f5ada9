// SPDX-License-Identifier: Apache-2.0
// Which tool is starting: the package that owns the entry module (core's findOwningPackage).
import { realpathSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { findOwningPackage } from '@clitel/core';

/** What a tool name may look like. */
export const TOOL_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** The tool behind an entry script. */
export interface ToolInfo {
  /** Directory of the package that owns the entry, or of the entry when there is none. */
  root: string;
  /** The parsed package.json (empty when there is none). */
  pkg: PackageJson;
  /** The tool's name: the bin name that runs the entry, else the unscoped package name. */
  name: string;
  /** The package version, when known. */
  version: string | undefined;
  /** The real path of the entry script. */
  entry: string;
}

export interface PackageJson {
  name?: unknown;
  version?: unknown;
  bin?: unknown;
  type?: unknown;
  clitel?: unknown;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function binName(pkg: PackageJson, root: string, entry: string): string | undefined {
  const unscoped = typeof pkg.name === 'string' ? pkg.name.replace(/^@[^/]+\//, '') : undefined;
  if (typeof pkg.bin === 'string') return unscoped;
  if (pkg.bin == null || typeof pkg.bin !== 'object') return undefined;
  for (const [name, file] of Object.entries(pkg.bin as Record<string, unknown>)) {
    if (typeof file === 'string' && resolve(root, file) === entry) return name;
  }
  return undefined;
}

/** Reads the tool behind `entryPath` (as in `process.argv[1]`); undefined when there is none. */
export function findTool(entryPath: string | undefined): ToolInfo | undefined {
  if (entryPath == null || entryPath === '') return undefined;
  const entry = realpathSync(entryPath);
  const found = findOwningPackage(entry);
  const pkg: PackageJson = found?.manifest ?? {};
  const root = found?.root ?? dirname(entry);
  const unscoped = typeof pkg.name === 'string' ? pkg.name.replace(/^@[^/]+\//, '') : undefined;
  const name = [binName(pkg, root, entry), unscoped, basename(entry).replace(/\.[cm]?js$/, '')].find((n) => n != null && TOOL_NAME.test(n));
  if (name == null) return undefined;
  return { root, pkg, name, version: typeof pkg.version === 'string' ? pkg.version : undefined, entry };
}

/** Whether the package lists `dependency` as something it runs with (not a devDependency). */
export function dependsOn(pkg: PackageJson, dependency: string): boolean {
  return [pkg.dependencies, pkg.optionalDependencies, pkg.peerDependencies].some((deps) => deps != null && typeof deps === 'object' && Object.hasOwn(deps, dependency));
}

/** Whether the tool depends on a clitel package itself (then it records its own runs). */
export function usesClitel(tool: ToolInfo): boolean {
  const deps = [tool.pkg.dependencies, tool.pkg.optionalDependencies, tool.pkg.peerDependencies];
  return deps.some((d) => d != null && typeof d === 'object' && Object.keys(d).some((name) => name.startsWith('@clitel/')));
}
