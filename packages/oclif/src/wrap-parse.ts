// SPDX-License-Identifier: Apache-2.0
// Reads what oclif's own parser made of argv: the command class's `parse` is wrapped, called
// unchanged, and its result (or error) passed on untouched.
import type { CommandClassLike, ParseOutputLike } from './internal-types.js';

const WRAPPED = Symbol.for('clitel.oclif.parse');

type Parse = ((...args: unknown[]) => Promise<ParseOutputLike>) & { [WRAPPED]?: true };

/** Calls `onParsed` with each successful parse of the command that is about to run. */
export function wrapParse(command: CommandClassLike, onParsed: (output: ParseOutputLike) => void): void {
  const prototype = command.prototype;
  const original = prototype.parse as Parse | undefined;
  if (typeof original !== 'function' || original[WRAPPED] === true) return;
  // `.then`, not `await`: no frame of ours joins the stack of an error the parser throws.
  const parse: Parse = function (this: unknown, ...args: unknown[]): Promise<ParseOutputLike> {
    return original.apply(this, args).then((output) => {
      try {
        onParsed(output);
      } catch {
        // telemetry never breaks the command
      }
      return output;
    });
  };
  parse[WRAPPED] = true;
  Object.defineProperty(prototype, 'parse', { value: parse, configurable: true, writable: true, enumerable: false });
}
