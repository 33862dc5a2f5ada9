// SPDX-License-Identifier: Apache-2.0
// The program's whole command tree for `clitel schema` (tree mode), read from cac's own objects.
// cac has one level of commands; the default command (`''`) is the root, with the global options.
import type { CommandTree, TreeCommand, TreeOption } from '@clitel/core';
import { optionName } from './tree.js';

interface TreeOptionLike { readonly name: string; readonly names: readonly string[]; readonly isBoolean?: boolean }
interface TreeCommandLike { readonly name: string; readonly aliasNames: readonly string[]; readonly options: readonly TreeOptionLike[] }
interface TreeCacLike { readonly name: string; readonly commands: readonly TreeCommandLike[]; readonly globalCommand: TreeCommandLike }

/** cac's own `-h, --help` and `-v, --version` (from `cli.help()` and `cli.version()`). */
const BUILTIN = new Set(['help', 'version']);

function option(o: TreeOptionLike, global: boolean): TreeOption {
  const aliases = o.names.filter((n) => n !== o.name);
  return {
    name: optionName(o),
    kind: o.isBoolean === true ? 'boolean' : 'string',
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(global && BUILTIN.has(o.name) ? { builtin: true } : {}),
  };
}

/** Every command of the cac program, with aliases and options. */
export function commandTree(cli: unknown): CommandTree {
  const c = cli as TreeCacLike;
  const root: TreeCommand = { path: '', options: c.globalCommand.options.map((o) => option(o, true)) };
  const commands: TreeCommand[] = [root];
  for (const command of c.commands) {
    const options = command.options.map((o) => option(o, false));
    if (command.name === '') root.options.push(...options);
    else commands.push({ path: command.name, ...(command.aliasNames.length > 0 ? { aliases: [...command.aliasNames] } : {}), options });
  }
  return { v: 1, framework: 'cac', ...(c.name !== '' ? { tool: c.name } : {}), commands };
}
