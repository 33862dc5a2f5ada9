// SPDX-License-Identifier: Apache-2.0
// Which tool is running, for adapters: the name and version a maintainer gave, else the
// framework's own, else the schema's `tool`, else the package that owns the running bin.
import { realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { findOwningPackage } from '../shared/package-root.js';
import { toolNameOrUndefined } from '../shared/names.js';

/** A tool's name and version, as far as they are known. */
export interface ToolIdentity {
  name: string | undefined;
  version: string | undefined;
}

/** Where a tool's name and version can come from, strongest first. */
export interface IdentitySources {
  /** What the maintainer passed (`toolName`, `toolVersion`). */
  explicit: Partial<ToolIdentity>;
  /** What the framework was told (commander's `.name()`, cac's `cac('acme')`, citty's `meta`, oclif's `bin`). */
  framework: Partial<ToolIdentity>;
  /** The schema's `tool`. */
  schemaTool: string | undefined;
  /** The entry script (`process.argv[1]`), to find the package that owns it. Never sent. */
  entryPath: string | undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The package that owns an entry script (core's `findOwningPackage`, past marker files such as
 * `bin/package.json`): the bin name that points at it, else the package's unscoped name; and the
 * package's version. Never throws.
 */
export function binOwner(entryPath: string | undefined): ToolIdentity {
  try {
    if (entryPath == null || entryPath === '') return { name: undefined, version: undefined };
    const entry = realpathSync(resolve(entryPath));
    const owner = findOwningPackage(entry);
    if (owner == null) return { name: undefined, version: undefined };
    const { root, manifest: pkg } = owner;
    const unscoped = typeof pkg.name === 'string' ? pkg.name.replace(/^@[^/]+\//, '') : undefined;
    let name: string | undefined;
    if (pkg.bin != null && typeof pkg.bin === 'object') {
      // Several bins may share one file (`concurrently` and `conc`): the one named like the
      // file wins, else the first that points at it.
      const stem = basename(entry).replace(/\.[cm]?[jt]s$/, '');
      const bins = Object.entries(pkg.bin as Record<string, unknown>);
      name = bins.find(([bin]) => bin === stem)?.[0]
        ?? bins.find(([, file]) => typeof file === 'string' && resolve(root, file) === entry)?.[0];
    }
    return { name: toolNameOrUndefined(name) ?? toolNameOrUndefined(unscoped), version: nonEmpty(pkg.version) };
  } catch {
    return { name: undefined, version: undefined };
  }
}

/**
 * Settles the tool's name and version from the sources, strongest first. The owning package is
 * read only when a name or version is still missing.
 */
export function resolveToolIdentity(sources: IdentitySources): ToolIdentity {
  let name = toolNameOrUndefined(sources.explicit.name) ?? toolNameOrUndefined(sources.framework.name) ?? toolNameOrUndefined(sources.schemaTool);
  let version = nonEmpty(sources.explicit.version) ?? nonEmpty(sources.framework.version);
  if (name == null || version == null) {
    const owner = binOwner(sources.entryPath);
    name ??= owner.name;
    version ??= owner.version;
  }
  return { name, version };
}
