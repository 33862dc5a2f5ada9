// SPDX-License-Identifier: Apache-2.0
import type { DeclaredCommands } from '@clitel/core';
import type { CommandLike } from './internal-types.js';

/** The command's path below the root, e.g. `['remote', 'add']`. */
export function commandPath(command: CommandLike): string[] {
  const path: string[] = [];
  for (let c: CommandLike | null = command; c?.parent != null; c = c.parent) path.unshift(c.name());
  return path;
}

/** Every command path and its declared option names, read from the program. */
export function declaredCommands(program: CommandLike): DeclaredCommands {
  const commands: Record<string, string[]> = {};
  const visit = (command: CommandLike): void => {
    commands[commandPath(command).join(' ')] = command.options.map((o) => o.name());
    for (const sub of command.commands) visit(sub);
  };
  visit(program);
  return { commands, options: program.options.map((o) => o.name()) };
}

/** Options the user set on the command line or through their env var, never defaults: name → value. */
export function usedOptions(command: CommandLike): Record<string, unknown> {
  const used: Record<string, unknown> = {};
  for (let c: CommandLike | null = command; c != null; c = c.parent) {
    for (const option of c.options) {
      const key = option.attributeName();
      const source = c.getOptionValueSource(key);
      if ((source === 'cli' || source === 'env') && !(option.name() in used)) used[option.name()] = c.getOptionValue(key);
    }
  }
  return used;
}

/** Whether the command was given a first operand that names none of its subcommands (an unknown command). */
export function hasUnknownCommand(command: CommandLike): boolean {
  const first = command.args[0];
  if (first == null || command.commands.length === 0) return false;
  return !command.commands.some((c) => c.name() === first || c.aliases().includes(first));
}
