// SPDX-License-Identifier: Apache-2.0
// Which tool is starting: the package that owns the entry module, named as core names it
// (findOwningPackage and binOwner), else after the script.
import { realpathSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { binOwner, findOwningPackage, toolNameOrUndefined } from '@clitel/core/internal';

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

/** Reads the tool behind `entryPath` (as in `process.argv[1]`); undefined when there is none. */
export function findTool(entryPath: string | undefined): ToolInfo | undefined {
  if (entryPath == null || entryPath === '') return undefined;
  const entry = realpathSync(entryPath);
  const found = findOwningPackage(entry);
  const pkg: PackageJson = found?.manifest ?? {};
  const root = found?.root ?? dirname(entry);
  const owner = binOwner(entry);
  const name = owner.name ?? toolNameOrUndefined(basename(entry).replace(/\.[cm]?js$/, ''));
  if (name == null) return undefined;
  return { root, pkg, name, version: owner.version, entry };
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
