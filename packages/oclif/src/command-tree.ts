// SPDX-License-Identifier: Apache-2.0
// The CLI's whole command tree for `clitel schema` (tree mode), read from oclif's loaded config:
// its manifest when there is one, else the commands it found. Topics are commands too (oclif shows
// their help), and a command's aliases are whole paths.
import type { CommandTree, TreeCommand, TreeOption } from '@clitel/core';
import { commandPath } from './tree.js';

interface FlagLike { type?: string; char?: string; aliases?: readonly string[]; options?: readonly string[]; hidden?: boolean }
interface LoadableLike { id: string; aliases?: readonly string[]; hidden?: boolean; flags?: Readonly<Record<string, FlagLike>> }
interface TreeConfigLike { bin?: string; commands: readonly LoadableLike[]; topics: readonly { name: string; hidden?: boolean }[] }

/** oclif's `Flags.help()` and `Flags.version()`, handled by oclif before the command runs. */
const BUILTIN = new Set(['help', 'version']);

function option(name: string, f: FlagLike): TreeOption {
  const aliases = [...(f.char != null ? [f.char] : []), ...(f.aliases ?? [])];
  return {
    name,
    kind: f.type === 'boolean' ? 'boolean' : 'string',
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(f.options != null && f.options.length > 0 ? { choices: [...f.options] } : {}),
    ...(f.hidden === true ? { hidden: true } : {}),
    ...(BUILTIN.has(name) ? { builtin: true } : {}),
  };
}

/** Every command and topic of the loaded config, with aliases, hidden marks and flags. */
export function commandTree(config: unknown): CommandTree {
  const c = config as TreeConfigLike;
  const commands = new Map<string, TreeCommand>([['', { path: '', options: [] }]]);
  for (const topic of c.topics) {
    const path = commandPath(topic.name).join(' ');
    commands.set(path, { path, ...(topic.hidden === true ? { hidden: true } : {}), options: [] });
  }
  for (const command of c.commands) {
    // oclif lists each alias as a command of its own, whose aliases hold its id.
    if (command.aliases?.includes(command.id) === true) continue;
    const path = commandPath(command.id).join(' ');
    const aliases = (command.aliases ?? []).map((a) => commandPath(a).join(' '));
    commands.set(path, {
      path,
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(command.hidden === true ? { hidden: true } : {}),
      options: Object.entries(command.flags ?? {}).map(([name, f]) => option(name, f)),
    });
  }
  return { v: 1, framework: 'oclif', ...(c.bin != null ? { tool: c.bin } : {}), commands: [...commands.values()] };
}
