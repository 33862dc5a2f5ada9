// SPDX-License-Identifier: Apache-2.0
// Finds a CLI's commands and options in its syntax trees: commander's `.command()`, `.option()`,
// `.requiredOption()`, `.addOption(new Option().choices())` and yargs' `.command()` (string or
// array form, nested builders, builder objects, `{ command: … }` modules and files exporting
// `command`) and `.option(name, { choices })` / `.options({…})`. A heuristic: it finds the usual
// shapes, and the schema it feeds is shown for review before anything is written.
import type { Node, ObjectExpression } from '@babel/types';
import { constantsOf, keyName, methodCall, objectProperty, stringArray, stringValue, unwrap, walk, childrenOf, type Constants } from './ast.js';
import type { ParsedSource } from './parse-source.js';

/** A discovered option: its name and, when the code lists them, its allowed values. */
export interface DiscoveredOption {
  name: string;
  values?: string[];
}

/** What discovery found: command path → options, plus global options. */
export interface DiscoveredCli {
  commands: Map<string, DiscoveredOption[]>;
  global: DiscoveredOption[];
}

/** The framework whose conventions the source follows. */
export type Framework = 'commander' | 'yargs';

function commandName(spec: string): string | undefined {
  const first = spec.trim().split(/\s+/)[0] ?? '';
  const name = first.split('|')[0] ?? '';
  if (name === '$0' || name === '*') return '';
  return /^[A-Za-z0-9][\w:.-]*$/.test(name) ? name : undefined;
}

function longFlag(flags: string): string | undefined {
  const long = /--([A-Za-z0-9][\w-]*)/.exec(flags);
  if (long != null) return long[1];
  const short = /(?:^|[\s,|])-([A-Za-z0-9])\b/.exec(flags);
  return short?.[1];
}

/** An option as found: where (to keep source order), on which command (`undefined`: global). */
interface Found { at: number; path: string | undefined; option: DiscoveredOption }

/** Adds an option to a command (`undefined`: global). */
function addOption(cli: DiscoveredCli, path: string | undefined, option: DiscoveredOption): void {
  const list = path == null ? cli.global : (cli.commands.get(path) ?? []);
  if (!list.some((o) => o.name === option.name)) list.push(option);
  if (path != null) cli.commands.set(path, list);
}

function addCommand(cli: DiscoveredCli, parent: string | undefined, name: string): string {
  const path = parent != null && parent !== '' && name !== '' ? `${parent} ${name}` : name;
  if (!cli.commands.has(path)) cli.commands.set(path, []);
  return path;
}

function option(name: string, values: string[] | undefined): DiscoveredOption {
  return { name, ...(values != null ? { values } : {}) };
}

/** The values of the first `.choices([…])` call or `choices: […]` property inside `node`. */
function choicesIn(node: Node | undefined, constants: Constants): string[] | undefined {
  let values: string[] | undefined;
  if (node == null) return undefined;
  walk(node, (n) => {
    if (values != null) return false;
    const call = methodCall(n);
    if (call?.name === 'choices') values = stringArray(call.args[0], constants);
    else if (n.type === 'ObjectProperty' && keyName(n.key, n.computed) === 'choices') values = stringArray(n.value, constants);
    return undefined;
  });
  return values;
}

/** The flags of the first `new Option(flags)` or `createOption(flags)` inside `node`. */
function optionFlags(node: Node, constants: Constants): string | undefined {
  let flags: string | undefined;
  walk(node, (n) => {
    if (flags != null) return false;
    if (n.type !== 'NewExpression' && n.type !== 'CallExpression') return undefined;
    const callee = n.callee.type === 'MemberExpression' && !n.callee.computed ? n.callee.property : n.callee;
    const name = callee.type === 'Identifier' ? callee.name : undefined;
    if ((n.type === 'NewExpression' && name === 'Option') || (n.type === 'CallExpression' && name === 'createOption')) flags = stringValue(n.arguments[0], constants);
    return undefined;
  });
  return flags;
}

/** The name given to `new Command(name)`, `createCommand(name)` or `x.createCommand(name)` ('' without one). */
function createdCommand(node: Node, constants: Constants): string | undefined {
  if (node.type !== 'NewExpression' && node.type !== 'CallExpression') return undefined;
  const callee = (node.callee.type === 'MemberExpression' && !node.callee.computed) ? node.callee.property : node.callee;
  const name = callee.type === 'Identifier' ? callee.name : undefined;
  if (!(node.type === 'NewExpression' ? name === 'Command' : name === 'createCommand')) return undefined;
  return stringValue(node.arguments[0], constants) ?? '';
}

function scanCommander(source: ParsedSource, cli: DiscoveredCli, found: Found[]): void {
  const constants = constantsOf(source.ast);
  /** Variable → the command it holds (undefined: the program, or not a command). */
  const variables = new Map<string, string | undefined>();
  const seen = new Map<Node, string | undefined>();
  // `parent.addCommand(child)`: a `new Command('name')` (or a variable holding one) is a subcommand.
  const attached = new Map<Node | string, Node>();
  walk(source.ast, (node) => {
    const call = methodCall(node);
    if (call?.name !== 'addCommand' || call.args[0] == null) return;
    let root = unwrap(call.args[0]);
    for (let inner = methodCall(root); inner != null && inner.name !== 'createCommand'; inner = methodCall(root)) root = unwrap(inner.object);
    attached.set(root.type === 'Identifier' ? root.name : root, call.object);
  });
  /** The command an expression evaluates to, registering the commands it declares on the way. */
  const commandOf = (node: Node, variable?: string): string | undefined => {
    const expr = unwrap(node);
    if (expr.type === 'Identifier') return variables.get(expr.name);
    if (seen.has(expr)) return seen.get(expr);
    const call = methodCall(expr);
    const created = createdCommand(expr, constants);
    if (created != null) {
      const parent = attached.get(expr) ?? (variable != null ? attached.get(variable) : undefined);
      const name = created === '' ? undefined : commandName(created);
      const result = parent != null && name != null && name !== '' ? addCommand(cli, commandOf(parent), name) : undefined;
      seen.set(expr, result);
      return result;
    }
    if (call == null) return undefined;
    const parent = commandOf(call.object, variable);
    let result = parent;
    if (call.name === 'command') {
      const spec = stringValue(call.args[0], constants);
      const name = spec == null ? undefined : commandName(spec);
      // `.command(name, description)` declares an executable subcommand and returns the parent.
      const second = call.args[1] == null ? undefined : unwrap(call.args[1]);
      const executable = second != null && second.type !== 'ObjectExpression';
      if (name != null && name !== '') {
        const path = addCommand(cli, parent, name);
        if (!executable) result = path;
      }
    }
    seen.set(expr, result);
    return result;
  };
  walk(source.ast, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init != null) variables.set(node.id.name, commandOf(node.init, node.id.name));
    else if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier') variables.set(node.left.name, commandOf(node.right, node.left.name));
    const call = methodCall(node);
    if (call == null) return;
    if (call.name === 'command') commandOf(node);
    else if (call.name === 'addCommand' && call.args[0] != null) commandOf(call.args[0]);
    else if (call.name === 'option' || call.name === 'requiredOption' || call.name === 'addOption') {
      let flags: string | undefined;
      let values: string[] | undefined;
      if (call.name === 'addOption') {
        flags = call.args[0] == null ? undefined : optionFlags(call.args[0], constants);
        values = call.args[0] == null ? undefined : choicesIn(call.args[0], constants);
      } else {
        flags = stringValue(call.args[0], constants);
      }
      const name = flags == null ? undefined : longFlag(flags);
      if (name != null) found.push({ at: call.property.start ?? 0, path: commandOf(call.object), option: option(name, values) });
    }
  });
}

/** The `command` a yargs command module object declares, if it is one. */
function moduleCommand(object: ObjectExpression, constants: Constants): string | undefined {
  const spec = objectProperty(object, 'command');
  if (spec == null) return undefined;
  const text = stringValue(spec, constants) ?? stringArray(spec, constants)?.[0];
  return text == null ? undefined : commandName(text);
}

/** `{ name: { choices } }`: the options of `.options({…})` and of builder objects. */
function optionsOfObject(object: Node | undefined, path: string | undefined, found: Found[], constants: Constants): void {
  const plain = object == null ? undefined : unwrap(object);
  if (plain?.type !== 'ObjectExpression') return;
  for (const p of plain.properties) {
    if (p.type !== 'ObjectProperty') continue;
    const name = keyName(p.key, p.computed);
    if (name == null || !/^[A-Za-z0-9][\w-]*$/.test(name)) continue;
    const value = unwrap(p.value);
    found.push({ at: p.start ?? 0, path, option: option(name, value.type === 'ObjectExpression' ? stringArray(objectProperty(value, 'choices'), constants) : undefined) });
  }
}

/** `export const command = '…'`, `exports.command = '…'` or `module.exports.command = '…'`. */
function fileCommand(source: ParsedSource, constants: Constants): { name: string; builder?: Node } | undefined {
  let name: string | undefined;
  let builder: Node | undefined;
  const exported = (left: Node): string | undefined => {
    if (left.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier') return undefined;
    const target = left.object;
    const isExports = (target.type === 'Identifier' && target.name === 'exports')
      || (target.type === 'MemberExpression' && target.object.type === 'Identifier' && target.object.name === 'module' && target.property.type === 'Identifier' && target.property.name === 'exports');
    return isExports ? left.property.name : undefined;
  };
  for (const statement of source.ast.program.body) {
    const pairs: [string | undefined, Node | null | undefined][] = [];
    if (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'VariableDeclaration') {
      for (const d of statement.declaration.declarations) pairs.push([d.id.type === 'Identifier' ? d.id.name : undefined, d.init]);
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      pairs.push([exported(statement.expression.left), statement.expression.right]);
    }
    for (const [key, value] of pairs) {
      if (key === 'command' && value != null) {
        const text = stringValue(value, constants) ?? stringArray(value, constants)?.[0];
        name = text == null ? undefined : commandName(text);
      } else if (key === 'builder' && value != null) builder = value;
    }
  }
  return name == null ? undefined : { name, ...(builder != null ? { builder } : {}) };
}

function scanYargs(source: ParsedSource, cli: DiscoveredCli, found: Found[]): void {
  const constants = constantsOf(source.ast);
  const scan = (node: Node, path: string | undefined): void => {
    const call = methodCall(node);
    if (call?.name === 'command') {
      const spec = stringValue(call.args[0], constants) ?? stringArray(call.args[0], constants)?.[0];
      const name = spec == null ? undefined : commandName(spec);
      if (name != null) {
        const own = addCommand(cli, path, name);
        optionsOfObject(call.args[2], own, found, constants);
        scan(call.object, path);
        for (const arg of call.args) scan(arg, own);
        return;
      }
    } else if (call?.name === 'option' || call?.name === 'options') {
      const name = stringValue(call.args[0], constants);
      const settings = call.args[1] == null ? undefined : unwrap(call.args[1]);
      if (name != null && /^[A-Za-z0-9][\w-]*$/.test(name)) {
        found.push({ at: call.property.start ?? 0, path, option: option(name, settings?.type === 'ObjectExpression' ? stringArray(objectProperty(settings, 'choices'), constants) : undefined) });
      } else optionsOfObject(call.args[0], path, found, constants);
    } else if (node.type === 'ObjectExpression') {
      // A command module: `{ command: 'deploy <target>', builder: (y) => y.option(…), handler }`.
      const name = moduleCommand(node, constants);
      if (name != null) {
        const own = addCommand(cli, path, name);
        optionsOfObject(objectProperty(node, 'builder'), own, found, constants);
        for (const child of childrenOf(node)) scan(child, own);
        return;
      }
    }
    for (const child of childrenOf(node)) scan(child, path);
  };
  const file = fileCommand(source, constants);
  const path = file == null ? undefined : addCommand(cli, undefined, file.name);
  if (file != null) optionsOfObject(file.builder, path, found, constants);
  scan(source.ast, path);
}

/** Discovers commands and options in the given parsed sources. */
export function discoverCommands(sources: readonly ParsedSource[], framework: Framework): DiscoveredCli {
  const cli: DiscoveredCli = { commands: new Map([['', []]]), global: [] };
  for (const source of sources) {
    const found: Found[] = [];
    if (framework === 'commander') scanCommander(source, cli, found);
    else scanYargs(source, cli, found);
    for (const f of found.sort((a, b) => a.at - b.at)) addOption(cli, f.path, f.option);
  }
  return cli;
}
