// SPDX-License-Identifier: Apache-2.0
// Finds a CLI's commands and options by reading its source: commander's `.command()`, `.option()`,
// `.requiredOption()`, `.addOption(new Option().choices())` and yargs' `.command()` (string form,
// nested builders and `{ command: … }` modules) and `.option(name, { choices })`. A heuristic: it
// finds the usual shapes, and the schema it feeds is shown for review before anything is written.
import { findCalls, matchBracket, scanSource, stringArrayAt, stringAt, type ScannedSource } from './source-scan.js';

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

interface CommandCall { path: string; open: number; close: number; dot: number }

/** Method calls of the chain that ends just before `dot`, nearest first, and the chain's root. */
export function chainBefore(skeleton: string, dot: number): { calls: { name: string; open: number }[]; root: string; rootStart: number } {
  const calls: { name: string; open: number }[] = [];
  let i = dot - 1;
  for (;;) {
    while (i >= 0 && /\s/.test(skeleton[i] as string)) i -= 1;
    let open = -1;
    if (skeleton[i] === ')') {
      for (let depth = 0; i >= 0; i--) {
        if (skeleton[i] === ')') depth += 1;
        else if (skeleton[i] === '(' && --depth === 0) break;
      }
      open = i;
      i -= 1;
      while (i >= 0 && /\s/.test(skeleton[i] as string)) i -= 1;
    }
    const end = i + 1;
    while (i >= 0 && /[\w$]/.test(skeleton[i] as string)) i -= 1;
    const word = skeleton.slice(i + 1, end);
    let k = i;
    while (k >= 0 && /\s/.test(skeleton[k] as string)) k -= 1;
    if (open >= 0 && skeleton[k] === '.') {
      calls.push({ name: word, open });
      i = k - 1;
      continue;
    }
    let rootStart = i + 1;
    const before = skeleton.slice(0, rootStart);
    const constructed = /new\s+$/.exec(before);
    if (constructed != null) rootStart = constructed.index;
    return { calls, root: open >= 0 ? `${word}()` : word, rootStart };
  }
}

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

function enclosing(calls: readonly CommandCall[], at: number): CommandCall | undefined {
  return calls.filter((c) => c.open < at && at < c.close).sort((a, b) => b.open - a.open)[0];
}

function addOption(into: Map<string, DiscoveredOption[]>, path: string | undefined, option: DiscoveredOption, cli: DiscoveredCli): void {
  const list = path == null ? cli.global : (into.get(path) ?? []);
  if (!list.some((o) => o.name === option.name)) list.push(option);
  if (path != null) into.set(path, list);
}

function choicesIn(source: ScannedSource, from: number, to: number): string[] | undefined {
  const match = /choices\s*[:(]\s*/.exec(source.skeleton.slice(from, to));
  return match == null ? undefined : stringArrayAt(source, from + match.index + match[0].length);
}

function scanCommander(source: ScannedSource, cli: DiscoveredCli): void {
  const variables = new Map<string, string>();
  const commands: CommandCall[] = [];
  const pathOf = (dot: number): string | undefined => {
    const chain = chainBefore(source.skeleton, dot);
    const previous = chain.calls.find((c) => c.name === 'command');
    if (previous != null) return commands.find((c) => c.open === previous.open)?.path;
    return variables.get(chain.root);
  };
  for (const call of findCalls(source, ['command'])) {
    const spec = stringAt(source, call.open + 1);
    const name = spec == null ? undefined : commandName(spec.value);
    if (name == null || name === '') continue;
    const parent = pathOf(call.dot);
    const path = parent != null && parent !== '' ? `${parent} ${name}` : name;
    commands.push({ path, open: call.open, close: call.close, dot: call.dot });
    if (!cli.commands.has(path)) cli.commands.set(path, []);
    const before = source.skeleton.slice(0, call.dot);
    const assignment = /(?:const|let|var)\s+([\w$]+)\s*=\s*[^;=]*$/.exec(before);
    if (assignment != null && !/[;]/.test(before.slice(assignment.index))) variables.set(assignment[1] as string, path);
  }
  for (const call of findCalls(source, ['option', 'requiredOption', 'addOption'])) {
    let flags: string | undefined;
    let values: string[] | undefined;
    if (call.name === 'addOption') {
      const inner = /new\s+Option\s*\(/.exec(source.skeleton.slice(call.open, call.close));
      if (inner == null) continue;
      flags = stringAt(source, call.open + inner.index + inner[0].length)?.value;
      values = choicesIn(source, call.open, call.close);
    } else {
      flags = stringAt(source, call.open + 1)?.value;
    }
    const name = flags == null ? undefined : longFlag(flags);
    if (name == null) continue;
    addOption(cli.commands, pathOf(call.dot) ?? undefined, { name, ...(values != null ? { values } : {}) }, cli);
  }
}

function scanYargs(source: ScannedSource, cli: DiscoveredCli): void {
  const commands: CommandCall[] = [];
  const calls = findCalls(source, ['command']).sort((a, b) => a.open - b.open);
  for (const call of calls) {
    const spec = stringAt(source, call.open + 1);
    const name = spec == null ? undefined : commandName(spec.value);
    if (name == null) continue;
    const parent = enclosing(commands, call.open);
    const path = parent != null && parent.path !== '' && name !== '' ? `${parent.path} ${name}` : name;
    commands.push({ path, open: call.open, close: call.close, dot: call.dot });
    if (!cli.commands.has(path)) cli.commands.set(path, []);
  }
  // Command modules: `{ command: 'deploy <target>', builder: (y) => y.option(…), handler }`.
  for (const match of source.skeleton.matchAll(/(?:^|[{,\s])command\s*:\s*(?=['"`])/g)) {
    const at = (match.index ?? 0) + match[0].length;
    const spec = stringAt(source, at);
    const name = spec == null ? undefined : commandName(spec.value);
    if (name == null) continue;
    let open = at;
    for (let depth = 0; open >= 0; open--) {
      const c = source.skeleton[open];
      if (c === '}') depth += 1;
      else if (c === '{' && depth-- === 0) break;
    }
    commands.push({ path: name, open, close: open < 0 ? source.text.length : matchBracket(source.skeleton, open), dot: open });
    if (!cli.commands.has(name)) cli.commands.set(name, []);
  }
  for (const call of findCalls(source, ['option'])) {
    const name = stringAt(source, call.open + 1)?.value;
    if (name == null || !/^[A-Za-z0-9][\w-]*$/.test(name)) continue;
    const values = choicesIn(source, call.open, call.close);
    addOption(cli.commands, enclosing(commands, call.open)?.path, { name, ...(values != null ? { values } : {}) }, cli);
  }
}

/** Discovers commands and options in the given sources. */
export function discoverCommands(sources: readonly string[], framework: Framework): DiscoveredCli {
  const cli: DiscoveredCli = { commands: new Map([['', []]]), global: [] };
  for (const text of sources) {
    const source = scanSource(text);
    if (framework === 'commander') scanCommander(source, cli);
    else scanYargs(source, cli);
  }
  return cli;
}
