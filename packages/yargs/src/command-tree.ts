// SPDX-License-Identifier: Apache-2.0
// The program's whole command tree for `clitel schema` (tree mode). yargs builds a command's
// options only when it runs, so each builder is run here, as yargs runs it (on the instance, reset
// to the parent's options), and no handler. The process ends right after, so nothing is restored
// but the parent's options between siblings.
import type { CommandTree, TreeCommand, TreeOption } from '@clitel/core';

type Options = Record<string, unknown> & {
  key: Record<string, unknown>;
  alias: Record<string, string[] | undefined>;
  boolean?: string[]; number?: string[]; count?: string[];
  choices?: Record<string, unknown[] | undefined>;
  hiddenOptions?: string[];
};
interface Handler {
  builder?: ((y: unknown, helpOrVersionSet: boolean) => unknown) | Record<string, unknown>;
  description?: string | false;
  demanded?: { cmd: string[] }[];
  optional?: { cmd: string[] }[];
}
interface CommandInstance { getCommandHandlers(): Record<string, Handler>; aliasMap?: Record<string, string>; defaultCommand?: Handler }
interface TreeYargsLike {
  readonly $0?: string;
  getOptions(): Options;
  option(key: string, spec: unknown): unknown;
  getInternalMethods(): { getCommandInstance(): CommandInstance; reset(aliases?: object): TreeYargsLike };
}

/** yargs' own `--help` and `--version`. */
const BUILTIN = new Set(['help', 'version']);

const copy = (o: Options): Options => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v != null && typeof v === 'object' ? { ...v } : v])) as Options;

function restore(live: Options, saved: Options): void {
  for (const k of Object.keys(live)) delete live[k];
  Object.assign(live, copy(saved));
}

function options(o: Options, skip: ReadonlySet<string>, root: boolean): TreeOption[] {
  const aliasNames = new Set(Object.values(o.alias).flatMap((a) => a ?? []));
  return Object.keys(o.key).filter((k) => !skip.has(k) && !aliasNames.has(k)).map((name) => {
    const aliases = o.alias[name] ?? [];
    const choices = o.choices?.[name];
    return {
      name,
      kind: o.boolean?.includes(name) ? 'boolean' : o.count?.includes(name) ? 'count' : o.number?.includes(name) ? 'number' : 'string',
      ...(aliases.length > 0 ? { aliases: [...aliases] } : {}),
      ...(choices != null && choices.length > 0 ? { choices: choices.map(String) } : {}),
      ...(o.hiddenOptions?.includes(name) ? { hidden: true } : {}),
      ...(root && BUILTIN.has(name) ? { builtin: true } : {}),
    };
  });
}

/** Every command of the yargs program with aliases, hidden marks and options (positionals are not options). */
export function commandTree(program: unknown): CommandTree {
  const y = program as TreeYargsLike;
  const internals = y.getInternalMethods();
  const commands: TreeCommand[] = [];
  const visit = (path: string[], extra: Partial<TreeCommand>, skip: ReadonlySet<string>): void => {
    const own = options(y.getOptions(), skip, path.length === 0);
    const known = commands.find((c) => c.path === path.join(' '));
    if (known != null) known.options.push(...own.filter((o) => !known.options.some((k) => k.name === o.name)));
    else commands.push({ path: path.join(' '), ...extra, options: own });
    const instance = internals.getCommandInstance();
    const handlers = Object.entries(instance.getCommandHandlers());
    const aliasMap = { ...instance.aliasMap };
    const saved = copy(y.getOptions());
    for (const [name, handler] of handlers) {
      restore(y.getOptions(), saved);
      const inner = internals.reset({});
      const before = new Set(Object.keys(inner.getOptions().key));
      const builder = handler.builder;
      if (typeof builder === 'function') builder(inner, false);
      else for (const [key, spec] of Object.entries(builder ?? {})) inner.option(key, spec);
      for (const p of [...(handler.demanded ?? []), ...(handler.optional ?? [])]) for (const n of p.cmd) before.add(n);
      // The default command (`$0`, `*`) runs at its parent's path: its options are the parent's.
      const isDefault = name === '$0' || name === '*' || handler === instance.defaultCommand;
      const aliases = Object.entries(aliasMap).filter(([, to]) => to === name).map(([alias]) => alias);
      visit(isDefault ? path : [...path, name], {
        ...(aliases.length > 0 ? { aliases } : {}),
        ...(handler.description === false ? { hidden: true } : {}),
      }, before);
    }
  };
  visit([], {}, new Set());
  return { v: 1, framework: 'yargs', ...(y.$0 != null && y.$0 !== '' ? { tool: y.$0 } : {}), commands };
}
