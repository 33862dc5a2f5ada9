// SPDX-License-Identifier: Apache-2.0
import { UNKNOWN_COMMAND } from '@clitel/core';

/**
 * The command named by the leading positionals: the longest known path among the first `depth`
 * positionals; `_unknown` when there are positionals and none names a command; the root otherwise.
 */
export function commandOf(positionals: readonly string[], known: ReadonlySet<string>, depth: number): string[] {
  for (let n = Math.min(depth, positionals.length); n > 0; n--) {
    if (known.has(positionals.slice(0, n).join(' '))) return positionals.slice(0, n);
  }
  return depth > 0 && positionals.length > 0 ? [UNKNOWN_COMMAND] : [];
}

/** The deepest command path: how many positionals can name a command. */
export function depthOf(known: ReadonlySet<string>): number {
  return Math.max(0, ...[...known].filter((c) => c !== '').map((c) => c.split(' ').length));
}
