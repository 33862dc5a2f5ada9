// SPDX-License-Identifier: Apache-2.0
import type { DeclaredCommands } from '@clitel/core';
import type { CacLike, CommandLike, OptionLike } from './internal-types.js';

/** cac's own camel-casing of option names. */
const camel = (name: string): string => name.replace(/([a-z])-([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase());

/** The name an option is recorded under: its long flag, `dry-run` for `--dry-run`. */
export const optionName = (option: OptionLike): string => option.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Every command and its option names, as defined on the program; `''` is the root. */
export function declaredCommands(cli: CacLike): DeclaredCommands {
  const commands: Record<string, string[]> = { '': [] };
  for (const command of cli.commands) commands[command.name] = command.options.map(optionName);
  return { commands, options: cli.globalCommand.options.map(optionName) };
}

/** The option names that appear on the command line before `--`, keyed as cac keys them. */
export function flagsOf(argv: readonly string[]): Set<string> {
  const seen = new Set<string>();
  for (const arg of argv) {
    if (arg === '--') break;
    if (arg.startsWith('--')) {
      const name = arg.slice(2).split('=')[0].split('.')[0];
      seen.add(camel(name));
      if (name.startsWith('no-')) seen.add(camel(name.slice(3)));
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (const short of arg.slice(1).split('=')[0]) seen.add(short);
    }
  }
  return seen;
}

/** Options of the command (and global ones) the user gave on the command line, never defaults. */
export function usedOptions(cli: CacLike, command: CommandLike | undefined): Record<string, unknown> {
  const seen = flagsOf(cli.rawArgs.slice(2));
  const used: Record<string, unknown> = {};
  for (const option of [...cli.globalCommand.options, ...(command?.options ?? [])]) {
    if (option.names.some((n) => seen.has(n))) used[optionName(option)] = cli.options[option.name];
  }
  return used;
}
