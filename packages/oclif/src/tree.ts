// SPDX-License-Identifier: Apache-2.0
import { UNKNOWN_COMMAND, type DeclaredCommands } from '@clitel/core';
import type { ConfigLike, ParseOutputLike } from './internal-types.js';

/** oclif's id of the command of a single-command CLI. */
const SINGLE_COMMAND_ID = 'Symbol(SINGLE_COMMAND_CLI)';

/** A command id (`remote:add`) as a path below the root (`['remote', 'add']`). */
export function commandPath(id: string | undefined): string[] {
  if (id == null || id === '' || id === SINGLE_COMMAND_ID || id === '.') return [];
  return id.split(':');
}

/** Every command and topic path with its declared flag names, read from the config. */
export function declaredCommands(config: ConfigLike): DeclaredCommands {
  const commands: Record<string, string[]> = { '': [] };
  for (const topic of config.topics) commands[commandPath(topic.name).join(' ')] = [];
  for (const command of config.commands) commands[commandPath(command.id).join(' ')] = Object.keys(command.flags ?? {});
  return { commands };
}

/**
 * The path the user asked for, as oclif's `init` hook sees it: a command (aliases give its
 * canonical id), a topic (oclif shows its help), the root for flags such as `--help`, else unknown.
 */
export function requestedPath(config: ConfigLike, id: string | undefined): string[] {
  if (config.isSingleCommandCLI === true || id == null || id.startsWith('-')) return [];
  const command = config.findCommand(id);
  if (command != null) return commandPath(command.id);
  const topic = config.findTopic(id);
  return topic != null ? commandPath(topic.name) : [UNKNOWN_COMMAND];
}

/** Flags the user set on the command line or through their env var, never defaults: name → value. */
export function usedFlags(output: ParseOutputLike): Record<string, unknown> {
  const used: Record<string, unknown> = {};
  const metadata = output.metadata?.flags ?? {};
  for (const [name, value] of Object.entries(output.flags ?? {})) {
    if (value !== undefined && metadata[name]?.setFromDefault !== true) used[name] = value;
  }
  return used;
}
