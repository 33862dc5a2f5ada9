// SPDX-License-Identifier: Apache-2.0
// Which command a citty program runs for some argv, found the way citty's runCommand finds it.
import { parseArgs } from 'node:util';
import type { ArgsDefLike, CommandDefLike, Resolvable } from './internal-types.js';

type SubCommands = Readonly<Record<string, Resolvable<CommandDefLike>>>;

export const resolve = async <T>(value: Resolvable<T>): Promise<T> => (typeof value === 'function' ? (value as () => T | Promise<T>)() : value);
const toArray = (v: string | readonly string[] | undefined): readonly string[] => (v == null ? [] : typeof v === 'string' ? [v] : v);
const camel = (s: string): string => s.replace(/[-_]+([a-zA-Z0-9])/g, (_m, c: string) => c.toUpperCase());
const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const isValueArg = (type: string | undefined): boolean => type === 'string' || type === 'enum';

/** One run: subcommand keys below the root, the commands on that path (root first), whether the
 *  user named a subcommand that does not exist, path → option names (own and parents'), and the
 *  options the user gave, by their name in the definition. */
export interface Walk { path: string[]; chain: CommandDefLike[]; unknown: boolean; declared: Record<string, string[]>; used: Record<string, unknown> }

/** Mirrors citty's subcommand lookup: the first operand, skipping the values of string options. */
export function subCommandIndex(args: readonly string[], def: ArgsDefLike): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return -1;
    if (!arg.startsWith('-')) return i;
    const name = arg.replace(/^-{1,2}/, '');
    if (!arg.includes('=') && Object.entries(def).some(([k, d]) => isValueArg(d.type) && (camel(name) === camel(k) || toArray(d.alias).includes(name)))) i++;
  }
  return -1;
}

/** The options of `def` the user gave in `args`, read from node's parseArgs tokens as citty parses them. */
export function usedArgs(args: readonly string[], def: ArgsDefLike): Record<string, unknown> {
  const keyOf = new Map<string, string>();
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const [key, d] of Object.entries(def)) {
    if (d.type === 'positional') continue;
    for (const name of [key, camel(key), kebab(key), ...toArray(d.alias)]) {
      keyOf.set(name, key);
      options[name] = { type: d.type === 'boolean' ? 'boolean' : 'string' };
    }
  }
  const used: Record<string, unknown> = {};
  const end = args.indexOf('--');
  const rest = (end < 0 ? args : args.slice(0, end)).filter((arg) => {
    const negated = arg.startsWith('--no-') ? keyOf.get(arg.slice(5)) : undefined;
    if (negated != null) used[negated] = false;
    return !arg.startsWith('--no-');
  });
  try {
    for (const token of parseArgs({ args: [...rest], options, strict: false, allowPositionals: true, tokens: true }).tokens) {
      const key = token.kind === 'option' ? keyOf.get(token.name) : undefined;
      if (key != null && token.kind === 'option') used[key] = token.value ?? true;
    }
  } catch {
    // An argv node cannot tokenize: only the negated flags found above are known.
  }
  return used;
}

async function findSub(subs: SubCommands, name: string): Promise<[string, CommandDefLike] | undefined> {
  if (Object.hasOwn(subs, name)) return [name, await resolve(subs[name])];
  for (const [key, sub] of Object.entries(subs)) {
    const cmd = await resolve(sub);
    if (toArray((await resolve(cmd?.meta))?.alias).includes(name)) return [key, cmd];
  }
  return undefined;
}

/** Resolves the command citty will run for `rawArgs`, its declared option names and the user's options. */
export async function walk(root: CommandDefLike, rawArgs: readonly string[], rootSubCommands: () => Promise<SubCommands | undefined>): Promise<Walk> {
  const w: Walk = { path: [], chain: [], unknown: false, declared: {}, used: {} };
  let cmd: CommandDefLike | undefined = root;
  let args = rawArgs;
  let names: string[] = [];
  while (cmd != null) {
    const def: ArgsDefLike = (await resolve(cmd.args)) ?? {};
    names = [...names, ...Object.keys(def).filter((k) => def[k].type !== 'positional')];
    w.declared[w.path.join(' ')] = names;
    w.chain.push(cmd);
    Object.assign(w.used, usedArgs(args, def));
    const subs = cmd === root ? await rootSubCommands() : await resolve(cmd.subCommands);
    if (subs == null || Object.keys(subs).length === 0) break;
    const i = subCommandIndex(args, def);
    const name = i >= 0 ? args[i] : await resolve(cmd.default);
    if (name == null) break;
    const found = await findSub(subs, name);
    if (found == null) {
      w.unknown = true;
      break;
    }
    w.path.push(found[0]);
    cmd = found[1];
    if (i >= 0) args = args.slice(i + 1);
  }
  return w;
}
