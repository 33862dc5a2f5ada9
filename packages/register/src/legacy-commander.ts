// SPDX-License-Identifier: Apache-2.0
// Commander 2 to 11, older than @clitel/commander supports: the command that ran is still read.
// Every action handler the tool registers (`Command.prototype.action`, on the prototype in every
// major) is wrapped to note the command it runs for, then called unchanged with the same `this`
// and arguments. Only declared command names are read; option values and operands never are.

/** The parts of an old commander Command read here. */
export interface LegacyCommand {
  readonly parent?: unknown;
  readonly commands?: readonly unknown[];
  name(): unknown;
}

type Method = (this: LegacyCommand, ...args: unknown[]) => unknown;

/** The declared names from the root's child down to `command` (empty for the root). */
function legacyCommandPath(command: LegacyCommand): string[] | undefined {
  const path: string[] = [];
  for (let c: LegacyCommand | undefined = command, depth = 0; c?.parent != null; c = c.parent as LegacyCommand, depth++) {
    const name = c.name();
    if (typeof name !== 'string' || name === '' || depth > 16) return undefined;
    path.unshift(name);
  }
  return path;
}

/**
 * Wraps `action` and `parse` on the prototype of an old commander's Command. `onCommand` gets the
 * path of each action that runs; `onParse` the first root command parsed. Returns why not, or undefined.
 */
export function watchLegacyCommander(
  prototype: Record<string, unknown>,
  onCommand: (path: string[]) => void,
  onParse: (program: LegacyCommand) => void,
): string | undefined {
  const action = prototype.action as Method | undefined;
  const parse = prototype.parse as Method | undefined;
  if (typeof action !== 'function' || typeof parse !== 'function') return 'commander has no action() or parse()';
  const wrappedAction: Method = function (this: LegacyCommand, fn: unknown, ...rest: unknown[]): unknown {
    if (typeof fn !== 'function') return action.call(this, fn, ...rest);
    const handler = function (this: LegacyCommand, ...args: unknown[]): unknown {
      try {
        const path = legacyCommandPath(this);
        if (path != null) onCommand(path);
      } catch {
        // never break the tool
      }
      return (fn as Method).apply(this, args);
    };
    return action.call(this, handler, ...rest);
  };
  let seen = false;
  const wrappedParse: Method = function (this: LegacyCommand, ...args: unknown[]): unknown {
    if (!seen && this.parent == null) {
      seen = true;
      try {
        onParse(this);
      } catch {
        // never break the tool
      }
    }
    return parse.apply(this, args);
  };
  for (const [name, value] of [['action', wrappedAction], ['parse', wrappedParse]] as const) {
    Object.defineProperty(prototype, name, { value, configurable: true, writable: true, enumerable: false });
  }
  return undefined;
}
