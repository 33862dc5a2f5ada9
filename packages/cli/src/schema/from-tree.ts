// SPDX-License-Identifier: Apache-2.0
// The schema that follows from a command tree, merged with the maintainer's existing schema:
// every decision already taken (values, buckets, booleans, stages, modules, mode) is kept; new
// commands and options come in names-only (the safe default); entries with nothing behind them go.
import type { CommandSchema, CommandTree, OptionSchema, Schema, TreeOption } from '@clitel/core';

/** One difference between a command tree and a schema. */
export interface SchemaChange {
  /** `added`: in the tree, not in the schema. `removed`: in the schema, nothing behind it in the tree. */
  change: 'added' | 'removed';
  /** The command path (`''` is the root). */
  command: string;
  /** The option, when the change is an option's; a root option is a global option. */
  option?: string;
}

/** How to derive the schema. */
export interface FromTreeOptions {
  /** Offer an option's declared choices as its `values` (default false: names only). */
  allowChoices?: boolean;
  /** The tool's name for a new schema. */
  tool: string;
}

/** The derived schema and what changed against the existing one. */
export interface FromTree {
  schema: Schema;
  changes: SchemaChange[];
}

type Options = Record<string, OptionSchema>;

/** Options an option's spec may be recorded with: the framework's own `--help`/`--version` never reach a command. */
const recordable = (options: readonly TreeOption[]): TreeOption[] => options.filter((o) => o.builtin !== true);

/**
 * Merges the tree into `existing` (undefined for a new schema). Options declared on the root are
 * global (`schema.options`), unless the schema already lists them under the root command `""`; a
 * global option stays while any command declares it, and a command may list its parents' options.
 */
export function schemaFromTree(tree: CommandTree, existing: Schema | undefined, options: FromTreeOptions): FromTree {
  const changes: SchemaChange[] = [];
  const before = existing?.commands ?? {};
  const declared = new Map(tree.commands.map((c) => [c.path, c.options]));
  if (!declared.has('')) declared.set('', []);
  const ordered = [...Object.keys(before).filter((p) => declared.has(p)), ...[...declared.keys()].filter((p) => !Object.hasOwn(before, p))];
  for (const path of Object.keys(before)) if (!declared.has(path)) changes.push({ change: 'removed', command: path });
  // What a command's runs can set: its own options and those of the commands above it.
  const available = (path: string): Set<string> => {
    const words = path === '' ? [] : path.split(' ');
    const names = new Set<string>();
    for (let n = 0; n <= words.length; n++) for (const o of declared.get(words.slice(0, n).join(' ')) ?? []) names.add(o.name);
    return names;
  };
  const anywhere = new Set([...declared.values()].flatMap((list) => list.map((o) => o.name)));
  const fresh = (o: TreeOption): OptionSchema => (options.allowChoices === true && o.choices != null && o.choices.length > 0 ? { values: [...o.choices] } : {});
  const keep = (command: string, had: Readonly<Options> | undefined, backed: ReadonlySet<string>): Options => {
    const out: Options = {};
    for (const [name, spec] of Object.entries(had ?? {})) {
      if (backed.has(name)) out[name] = spec;
      else changes.push({ change: 'removed', command, option: name });
    }
    return out;
  };
  const add = (command: string, into: Options, own: readonly TreeOption[], covered: Readonly<Options>): void => {
    for (const o of recordable(own)) {
      if (Object.hasOwn(into, o.name) || Object.hasOwn(covered, o.name)) continue;
      into[o.name] = fresh(o);
      changes.push({ change: 'added', command, option: o.name });
    }
  };

  const globals = keep('', existing?.options, anywhere);
  const rootLocal = keep('', before['']?.options, available(''));
  add('', globals, declared.get('') ?? [], rootLocal);
  const commands: Record<string, CommandSchema> = {};
  for (const path of ordered) {
    if (!Object.hasOwn(before, path) && !(path === '' && existing == null)) changes.push({ change: 'added', command: path });
    if (path === '') {
      commands[''] = withOptions(before[''], rootLocal);
      continue;
    }
    const own = keep(path, before[path]?.options, available(path));
    add(path, own, declared.get(path) ?? [], globals);
    commands[path] = withOptions(before[path], own);
  }
  return { schema: inOrder(existing ?? { tool: options.tool, commands: {} }, commands, globals), changes };
}

/** The schema with its commands and global options replaced, keeping the file's key order. */
function inOrder(existing: Schema, commands: Record<string, CommandSchema>, globals: Options): Schema {
  const out: Record<string, unknown> = {};
  const hasGlobals = Object.keys(globals).length > 0;
  for (const [key, value] of Object.entries(existing)) {
    if (key === 'commands') {
      out.commands = commands;
      if (hasGlobals && !Object.hasOwn(existing, 'options')) out.options = globals;
    } else if (key === 'options') {
      if (hasGlobals) out.options = globals;
    } else out[key] = value;
  }
  return out as unknown as Schema;
}

function withOptions(had: CommandSchema | undefined, options: Options): CommandSchema {
  const rest: CommandSchema = { ...had };
  delete (rest as { options?: unknown }).options;
  return Object.keys(options).length > 0 ? { ...rest, options } : rest;
}

/** One line per change, for people: `+ option --url of "remote add" (not in the schema)`. */
export function describeChange(c: SchemaChange): string {
  const where = c.command === '' ? (c.option != null ? 'global' : 'root command ""') : `"${c.command}"`;
  const what = c.option != null ? `option --${c.option} ${c.command === '' ? '(global)' : `of ${where}`}` : `command ${where}`;
  return c.change === 'added' ? `+ ${what}: declared by the tool, not in the schema` : `- ${what}: in the schema, nothing behind it in the tool`;
}
