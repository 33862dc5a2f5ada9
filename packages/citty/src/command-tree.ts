// SPDX-License-Identifier: Apache-2.0
// The program's whole command tree for `clitel schema` (tree mode), read from citty's command
// definitions: lazy subcommands, args and meta are resolved the way citty resolves them.
import type { CommandTree, TreeCommand, TreeOption } from '@clitel/core';
import type { CommandDefLike } from './internal-types.js';
import { resolve } from './tree.js';

interface ArgLike { type?: string; alias?: string | readonly string[]; options?: readonly string[] }
interface MetaLike { alias?: string | readonly string[]; hidden?: boolean }

const list = (v: string | readonly string[] | undefined): string[] => (v == null ? [] : typeof v === 'string' ? [v] : [...v]);

function option(name: string, def: ArgLike): TreeOption {
  const aliases = list(def.alias);
  return {
    name,
    kind: def.type === 'boolean' ? 'boolean' : 'string',
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(def.type === 'enum' && def.options != null ? { choices: [...def.options] } : {}),
  };
}

/** Every command below `main`, with aliases, hidden marks and args (positionals are not options). */
export function commandTree(main: unknown): Promise<CommandTree> {
  const commands: TreeCommand[] = [];
  const visit = async (cmd: CommandDefLike, path: string[]): Promise<void> => {
    // Read synchronously first: instrument() replaces the main command's args once this has started.
    const { meta, args, subCommands } = cmd;
    const m = ((await resolve(meta)) ?? {}) as MetaLike;
    const defs = ((await resolve(args)) ?? {}) as Readonly<Record<string, ArgLike>>;
    const aliases = path.length > 0 ? list(m.alias) : [];
    commands.push({
      path: path.join(' '),
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(m.hidden === true ? { hidden: true } : {}),
      options: Object.entries(defs).filter(([, d]) => d.type !== 'positional').map(([name, d]) => option(name, d)),
    });
    for (const [name, sub] of Object.entries((await resolve(subCommands)) ?? {})) await visit(await resolve(sub), [...path, name]);
  };
  const root = main as CommandDefLike;
  const tool = root.meta != null && typeof root.meta === 'object' && !('then' in root.meta) ? root.meta.name : undefined;
  return visit(root, []).then(() => ({ v: 1, framework: 'citty', ...(tool != null ? { tool } : {}), commands }));
}
