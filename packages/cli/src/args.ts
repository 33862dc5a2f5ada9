// SPDX-License-Identifier: Apache-2.0
// Argument parsing for every subcommand (node:util parseArgs), with usage errors as CliErrors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed flags and positionals of one subcommand. */
export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses `args` strictly against `options`; an unknown flag is a usage error. */
export function parseCommandArgs(command: string, args: readonly string[], options: Options, maxPositionals = 0): ParsedArgs {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args: [...args], options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true }) as ParsedArgs;
  } catch (error) {
    throw new CliError('clitel.cli.usage', `${command}: ${(error as Error).message.split('\n')[0]?.replace(/\. To specify a positional argument.*$/, '')}; see clitel ${command} --help`);
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new CliError('clitel.cli.usage', `${command}: unexpected argument '${parsed.positionals[maxPositionals]}'`);
  }
  return parsed;
}

/** Reads a string flag. */
export function stringFlag(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Reads a boolean flag. */
export function booleanFlag(parsed: ParsedArgs, name: string): boolean {
  return parsed.values[name] === true;
}

/** Reads a non-negative integer flag, or the default. */
export function integerFlag(parsed: ParsedArgs, name: string, fallback: number, command: string): number {
  const text = stringFlag(parsed, name);
  if (text == null) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new CliError('clitel.cli.usage', `${command}: --${name} is invalid, expected a non-negative integer, actual '${text}'`);
  }
  return value;
}

const UNITS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Parses a window such as `30d`, `12h` or `2w` into milliseconds. */
export function parseWindow(text: string, flag: string, command: string): number {
  const match = /^(\d+)([hdw])$/.exec(text.trim());
  if (match == null || Number(match[1]) === 0) {
    throw new CliError('clitel.cli.usage', `${command}: --${flag} is invalid, expected a window such as 30d, 12h or 2w, actual '${text}'`);
  }
  return Number(match[1]) * (UNITS[match[2] as string] as number);
}

/** Parses `--until` (a day `YYYY-MM-DD`, inclusive) into the end of that UTC day. */
export function parseUntil(text: string | undefined, now: Date, command: string): Date {
  if (text == null) return now;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match == null ? undefined : new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1) - 1);
  if (date == null || Number.isNaN(date.getTime())) {
    throw new CliError('clitel.cli.usage', `${command}: --until is invalid, expected a day YYYY-MM-DD, actual '${text}'`);
  }
  return date;
}
