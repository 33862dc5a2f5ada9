// SPDX-License-Identifier: Apache-2.0
// Finds a commander program when it is parsed: Command.prototype.parse/parseAsync of the
// commander the tool resolves are wrapped, call the original unchanged, and hand over the root
// program the first time. Commander's ESM entry re-exports the CommonJS class, so one patch
// covers ESM and CommonJS tools.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { findOwningPackage } from '@clitel/core/internal';
import { watchLegacyCommander, type LegacyCommand } from './legacy-commander.js';

/** The oldest commander major @clitel/commander supports; older ones get the command only. */
const MIN_MAJOR = 12;
/** The oldest commander major whose action handlers are read (legacy-commander.ts). */
const MIN_LEGACY_MAJOR = 2;
const METHODS = ['parse', 'parseAsync'] as const;

/** The parts of commander's Command read here; the program goes to @clitel/commander as it is. */
export interface ProgramLike {
  readonly parent: unknown;
  readonly options: readonly { name(): string; attributeName(): string }[];
  getOptionValue(key: string): unknown;
  getOptionValueSource(key: string): string | undefined;
  hook(event: 'preAction', fn: () => void): unknown;
}

type Method = (this: ProgramLike, ...args: unknown[]) => unknown;

function packageVersion(file: string, name: string): string | undefined {
  const manifest = findOwningPackage(file)?.manifest;
  return manifest?.name === name && typeof manifest.version === 'string' ? manifest.version : undefined;
}

/** What the tool's commander hands over: a program to instrument, or (older majors) commands. */
export interface CommanderHooks {
  /** Runs once, with the first root command parsed, before its parse begins (commander 12+). */
  onProgram(program: ProgramLike): void;
  /** Commander 2 to 11, when given: the declared path of each action that runs, and the first root command parsed. */
  legacy?: { onCommand(path: string[]): void; onParse(program: LegacyCommand): void };
}

/** Wraps the commander the tool at `root` resolves. Returns undefined when done, else why not. */
export function watchCommander(root: string, hooks: CommanderHooks): string | undefined {
  const require = createRequire(join(root, 'package.json'));
  let file: string;
  try {
    file = require.resolve('commander');
  } catch {
    return 'commander is not installed';
  }
  const version = packageVersion(file, 'commander');
  const major = Number(version?.split('.')[0]);
  const min = hooks.legacy != null ? MIN_LEGACY_MAJOR : MIN_MAJOR;
  if (!(major >= min)) return `commander ${version ?? '(unknown version)'} is older than ${min}`;
  const prototype = (require(file) as { Command?: { prototype: Record<string, unknown> } }).Command?.prototype;
  if (prototype == null) return 'commander exports no Command';
  if (major < MIN_MAJOR && hooks.legacy != null) return watchLegacyCommander(prototype, hooks.legacy.onCommand, hooks.legacy.onParse);
  const onProgram = hooks.onProgram;
  let seen = false;
  for (const name of METHODS) {
    const original = prototype[name] as Method | undefined;
    if (typeof original !== 'function') return `commander has no ${name}()`;
    const wrapped: Method = function (this: ProgramLike, ...args: unknown[]): unknown {
      if (!seen && this.parent == null) {
        seen = true;
        try {
          onProgram(this);
        } catch {
          // never break the tool
        }
      }
      return original.apply(this, args);
    };
    Object.defineProperty(prototype, name, { value: wrapped, configurable: true, writable: true, enumerable: false });
  }
  return undefined;
}

/**
 * Many single-command programs have no action handler: they call `parse()` and then read
 * `program.opts()`. No action runs, so the adapter never sees their options; they are read from
 * the root program when the process exits (before the run is recorded), unless an action ran.
 */
export function recordActionlessOptions(program: ProgramLike, setOptions: (used: Record<string, unknown>) => void, onExit: (fn: () => void) => void): void {
  let acted = false;
  program.hook('preAction', () => {
    acted = true;
  });
  onExit(() => {
    if (acted) return;
    const used: Record<string, unknown> = {};
    for (const option of program.options) {
      const key = option.attributeName();
      const source = program.getOptionValueSource(key);
      if (source === 'cli' || source === 'env') used[option.name()] = program.getOptionValue(key);
    }
    if (Object.keys(used).length > 0) setOptions(used);
  });
}
