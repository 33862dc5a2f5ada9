// SPDX-License-Identifier: Apache-2.0
import { UNKNOWN_COMMAND } from '@clitel/core';
import type { ArgvLike, YargsLike } from './internal-types.js';

const POSITIONAL = /[<[]([^\]>]+)[\]>]/g;

/** The command path being run, from the matched commands' definitions, e.g. `['remote', 'add']`. */
export function commandPath(y: YargsLike): string[] {
  return y.getInternalMethods().getContext().fullCommands.map((c) => c.trim().split(/\s+/)[0]);
}

/** The option keys declared for the command being run: no aliases, no positional arguments. */
export function declaredOptions(y: YargsLike): string[] {
  const { key, alias } = y.getOptions();
  const skip = new Set(Object.values(alias).flatMap((a) => a ?? []));
  const full = y.getInternalMethods().getContext().fullCommands.at(-1) ?? '';
  for (const m of full.matchAll(POSITIONAL)) for (const name of m[1].replace(/\.+$/, '').split('|')) skip.add(name);
  return Object.keys(key).filter((k) => !skip.has(k));
}

/** Declared options the user set (command line, env or config), never those from their default. */
export function usedOptions(y: YargsLike, argv: ArgvLike, names: readonly string[]): Record<string, unknown> {
  const defaulted = (y.parsed !== false ? y.parsed.defaulted : undefined) ?? {};
  const used: Record<string, unknown> = {};
  for (const name of names) if (argv[name] !== undefined && defaulted[name] !== true) used[name] = argv[name];
  return used;
}

/** The path to record: the matched commands, or `_unknown` when the next operand names no subcommand. */
export function recordedPath(y: YargsLike, argv: ArgvLike): string[] {
  const path = commandPath(y);
  const commands = y.getInternalMethods().getCommandInstance();
  const next = argv._?.[y.getInternalMethods().getContext().commands.length];
  const known = commands.getCommands();
  if (next != null && known.length > 0 && !commands.hasDefaultCommand() && !known.includes(String(next))) return [UNKNOWN_COMMAND];
  return path;
}
