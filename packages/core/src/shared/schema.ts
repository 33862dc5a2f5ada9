// SPDX-License-Identifier: Apache-2.0
import type { CommandSchema, OptionSchema, Schema } from './types.js';
import { OTHER_VALUE, UNKNOWN_COMMAND } from './attributes.js';
import { NAME_PATTERN as NAME } from './names.js';


/** A command tree as an adapter reads it from the program: path → declared option names. */
export interface DeclaredCommands {
  commands: Readonly<Record<string, readonly string[]>>;
  options?: readonly string[];
}

/** What survives the schema for one run. */
export interface FilteredRun {
  command: string;
  options: string[];
  values: Record<string, string | boolean>;
}

/** Returns the problems of a schema (empty when valid). Never throws. */
export function validateSchema(schema: unknown): string[] {
  const problems: string[] = [];
  if (schema == null || typeof schema !== 'object') return ['schema is invalid, expected an object'];
  const s = schema as Partial<Schema>;
  if (typeof s.tool !== 'string' || !NAME.test(s.tool)) problems.push('schema.tool is invalid, expected a tool name');
  if (s.mode != null && s.mode !== 'opt-in' && s.mode !== 'opt-out') problems.push("schema.mode is invalid, expected 'opt-in' or 'opt-out'");
  if (s.sampleRate != null && !(typeof s.sampleRate === 'number' && s.sampleRate >= 0 && s.sampleRate <= 1)) {
    problems.push('schema.sampleRate is invalid, expected a number from 0 to 1');
  }
  if (s.commands == null || typeof s.commands !== 'object') problems.push('schema.commands is invalid, expected an object');
  for (const [path, command] of Object.entries(s.commands ?? {})) {
    if (path !== '' && !path.split(' ').every((part) => NAME.test(part))) problems.push(`schema.commands["${path}"] is invalid, expected space-separated names`);
    problems.push(...validateOptions(`schema.commands["${path}"].options`, (command as CommandSchema | undefined)?.options));
  }
  problems.push(...validateOptions('schema.options', s.options));
  for (const stage of s.stages ?? []) {
    if (typeof stage !== 'string' || !NAME.test(stage)) problems.push(`schema.stages entry "${String(stage)}" is invalid`);
  }
  for (const module of s.modules ?? []) {
    if (typeof module !== 'string' || !/^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]{0,213}$/.test(module)) problems.push(`schema.modules entry "${String(module)}" is invalid, expected a package name`);
  }
  return problems;
}

function validateOptions(where: string, options: unknown): string[] {
  if (options == null) return [];
  if (typeof options !== 'object') return [`${where} is invalid, expected an object`];
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(options as Record<string, OptionSchema>)) {
    if (!NAME.test(name)) problems.push(`${where}["${name}"] is invalid, expected an option name`);
    if (spec?.values != null && !(Array.isArray(spec.values) && spec.values.every((v) => typeof v === 'string'))) {
      problems.push(`${where}["${name}"].values is invalid, expected strings`);
    }
    if (spec?.buckets != null && !isAscending(spec.buckets)) problems.push(`${where}["${name}"].buckets is invalid, expected ascending numbers`);
  }
  return problems;
}

function isAscending(values: unknown): boolean {
  return Array.isArray(values) && values.length > 0 && values.every((v, i) => typeof v === 'number' && Number.isFinite(v) && (i === 0 || v > values[i - 1]));
}

/**
 * Throws when the schema is invalid. For maintainers' own tests and CI; the runtime never throws
 * and turns telemetry off for a run with an invalid schema instead.
 */
export function assertValidSchema(schema: unknown): asserts schema is Schema {
  const problems = validateSchema(schema);
  if (problems.length > 0) throw new Error(`clitel: invalid schema: ${problems.join('; ')}`);
}

/**
 * Adds the commands and option names an adapter read from the program definition. Names are
 * allowed this way; values only ever come from the maintainer's schema.
 */
export function mergeDeclared(schema: Schema, declared: DeclaredCommands): Schema {
  const commands: Record<string, CommandSchema> = { ...schema.commands };
  for (const [path, names] of Object.entries(declared.commands)) {
    if (path !== '' && !path.split(' ').every((part) => NAME.test(part))) continue;
    const options: Record<string, OptionSchema> = {};
    for (const name of names) if (NAME.test(name)) options[name] = {};
    commands[path] = { options: { ...options, ...commands[path]?.options } };
  }
  const options: Record<string, OptionSchema> = {};
  for (const name of declared.options ?? []) if (NAME.test(name)) options[name] = {};
  return { ...schema, commands, options: { ...options, ...schema.options } };
}

/** Applies the schema (default deny) to what the user ran. */
export function filterRun(schema: Schema, path: readonly string[], used: Readonly<Record<string, unknown>>): FilteredRun {
  const key = path.join(' ');
  const command = Object.hasOwn(schema.commands, key) ? schema.commands[key] : undefined;
  const known = command != null;
  const specs: Record<string, OptionSchema> = { ...schema.options, ...(known ? command?.options : undefined) };
  const options: string[] = [];
  const values: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(used)) {
    if (!Object.hasOwn(specs, name)) continue;
    options.push(name);
    const recorded = recordValue(specs[name], value);
    if (recorded !== undefined) values[name] = recorded;
  }
  options.sort();
  return { command: known ? key : UNKNOWN_COMMAND, options, values };
}

/** The value to record for an option, or undefined when only its name may be recorded. */
function recordValue(spec: OptionSchema, value: unknown): string | boolean | undefined {
  if (spec.values != null) return typeof value === 'string' && spec.values.includes(value) ? value : OTHER_VALUE;
  if (spec.boolean === true) return typeof value === 'boolean' ? value : OTHER_VALUE;
  if (spec.buckets != null) return bucketOf(spec.buckets, value);
  return undefined;
}

/** `<b0`, `b0-b1`, …, `>=bn` for a number; `_other` for anything else. */
export function bucketOf(bounds: readonly number[], value: unknown): string {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return OTHER_VALUE;
  if (n < bounds[0]) return `<${bounds[0]}`;
  for (let i = 1; i < bounds.length; i++) if (n < bounds[i]) return `${bounds[i - 1]}-${bounds[i]}`;
  return `>=${bounds[bounds.length - 1]}`;
}

/** Every option value the schema can produce for an option, for generators. */
export function possibleValues(spec: OptionSchema): string[] {
  if (spec.values != null) return [...spec.values, OTHER_VALUE];
  if (spec.boolean === true) return ['true', 'false', OTHER_VALUE];
  if (spec.buckets != null) {
    const b = spec.buckets;
    return [`<${b[0]}`, ...b.slice(1).map((v, i) => `${b[i]}-${v}`), `>=${b[b.length - 1]}`, OTHER_VALUE];
  }
  return [];
}
