// SPDX-License-Identifier: Apache-2.0
// The parts of citty's command definitions the adapter uses, so citty is never imported at run time.

/** A value, a promise of it, or a function returning either (citty's `Resolvable`). */
export type Resolvable<T> = T | Promise<T> | (() => T | Promise<T>);

interface ArgDefLike {
  type?: string;
  alias?: string | readonly string[];
}

export type ArgsDefLike = Readonly<Record<string, ArgDefLike>>;

export interface ContextLike {
  rawArgs: string[];
  args: Record<string, unknown>;
}

export type Hook = (context: ContextLike) => unknown;

export interface CommandDefLike {
  meta?: Resolvable<{ name?: string; version?: string; description?: string; alias?: string | readonly string[] } | undefined>;
  args?: Resolvable<ArgsDefLike | undefined>;
  default?: Resolvable<string | undefined>;
  subCommands?: Resolvable<Readonly<Record<string, Resolvable<CommandDefLike>>> | undefined>;
  setup?: Hook;
  run?: Hook;
  cleanup?: Hook;
}
