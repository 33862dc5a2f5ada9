// SPDX-License-Identifier: Apache-2.0
// Reads the command an oclif CLI runs: `Config.prototype.runCommand(id, argv)` of the @oclif/core
// the tool resolves (every major from 1 to 4 routes a command through it, and its ESM entry is
// the same CommonJS module) is wrapped to note the first id that names a command the CLI
// declares (`config.findCommand(id)`), then called unchanged. A typed id that names no command
// is never read; arguments and flags never are.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { findOwningPackage } from '@clitel/core/internal';

/** The oldest @oclif/core major whose `Config.runCommand` is read. */
const MIN_MAJOR = 1;

/** The parts of an oclif Config read here. */
interface OclifConfigLike {
  findCommand(id: string): unknown;
}

type RunCommand = (this: OclifConfigLike, id: unknown, ...rest: unknown[]) => unknown;

/** The declared command path of a standardized oclif id (`topic:command`), or undefined. */
function oclifCommandPath(config: OclifConfigLike, id: unknown): string[] | undefined {
  if (typeof id !== 'string' || id === '' || config.findCommand(id) == null) return undefined;
  const path = id.split(':');
  return path.every((part) => part !== '') ? path : undefined;
}

/**
 * Wraps the @oclif/core the tool at `root` resolves. `onCommand` gets the path of the first
 * declared command run. Returns undefined when done, else why not.
 */
export function watchOclif(root: string, onCommand: (path: string[]) => void): string | undefined {
  const require = createRequire(join(root, 'package.json'));
  let file: string;
  try {
    file = require.resolve('@oclif/core');
  } catch {
    return '@oclif/core is not installed';
  }
  const version = findOwningPackage(file)?.manifest.version;
  const major = Number(typeof version === 'string' ? version.split('.')[0] : NaN);
  if (!(major >= MIN_MAJOR)) return `@oclif/core ${String(version)} is older than ${MIN_MAJOR}`;
  const prototype = (require(file) as { Config?: { prototype: Record<string, unknown> } }).Config?.prototype;
  const original = prototype?.runCommand as RunCommand | undefined;
  if (prototype == null || typeof original !== 'function') return '@oclif/core has no Config.runCommand()';
  let seen = false;
  const runCommand: RunCommand = function (this: OclifConfigLike, id: unknown, ...rest: unknown[]): unknown {
    if (!seen) {
      try {
        const path = oclifCommandPath(this, id);
        if (path != null) {
          seen = true;
          onCommand(path);
        }
      } catch {
        // never break the tool
      }
    }
    return original.call(this, id, ...rest);
  };
  Object.defineProperty(prototype, 'runCommand', { value: runCommand, configurable: true, writable: true, enumerable: false });
  return undefined;
}
