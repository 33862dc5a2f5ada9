// SPDX-License-Identifier: Apache-2.0
// The program's whole command tree for `clitel schema` (tree mode), read from commander's own objects.
import type { CommandTree, TreeCommand, TreeOption } from '@clitel/core';

/** The parts of commander's Command and Option read here (some are commander's own fields). */
interface TreeOptionLike {
  name(): string;
  attributeName(): string;
  isBoolean(): boolean;
  readonly short?: string;
  readonly argChoices?: readonly string[];
  readonly hidden?: boolean;
}
interface TreeCommandLike {
  readonly commands: readonly TreeCommandLike[];
  readonly options: readonly TreeOptionLike[];
  readonly _hidden?: boolean;
  readonly _versionOptionName?: string;
  name(): string;
  aliases(): string[];
}

function option(o: TreeOptionLike, versionKey: string | undefined): TreeOption {
  return {
    name: o.name(),
    kind: o.isBoolean() ? 'boolean' : 'string',
    ...(o.short != null ? { aliases: [o.short.replace(/^-+/, '')] } : {}),
    ...(o.argChoices != null ? { choices: [...o.argChoices] } : {}),
    ...(o.hidden === true ? { hidden: true } : {}),
    ...(versionKey != null && o.attributeName() === versionKey ? { builtin: true } : {}),
  };
}

/** Every command below `program`, with aliases, hidden marks and options; commander's help is not an option of any. */
export function commandTree(program: unknown): CommandTree {
  const commands: TreeCommand[] = [];
  const visit = (c: TreeCommandLike, path: string[]): void => {
    const aliases = path.length > 0 ? c.aliases() : [];
    commands.push({
      path: path.join(' '),
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(c._hidden === true ? { hidden: true } : {}),
      options: c.options.map((o) => option(o, c._versionOptionName)),
    });
    for (const sub of c.commands) visit(sub, [...path, sub.name()]);
  };
  const root = program as TreeCommandLike;
  visit(root, []);
  return { v: 1, framework: 'commander', ...(root.name() !== '' ? { tool: root.name() } : {}), commands };
}
