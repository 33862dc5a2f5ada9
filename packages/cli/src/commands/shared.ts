// SPDX-License-Identifier: Apache-2.0
// Pieces several subcommands share: the database path, the JSON switch and styles.
import { resolve } from 'node:path';
import type { CliContext } from '../context.js';
import { stringFlag, type ParsedArgs } from '../args.js';
import { colourEnabled, createStyle, type Style } from '../style.js';

/** The default embedded database, in the working directory. */
const DEFAULT_DB = 'clitel.duckdb';

/** `--db <file>` resolved against the working directory. */
export function dbPath(context: CliContext, parsed: ParsedArgs): string {
  return resolve(context.cwd, stringFlag(parsed, 'db') ?? DEFAULT_DB);
}

/** The style for stdout (`err` false) or stderr (`err` true). */
export function styleFor(context: CliContext, err = false): Style {
  const writer = err ? context.stderr : context.stdout;
  return createStyle(colourEnabled(writer.isTTY, context.env));
}

/** Writes a value as pretty JSON to stdout. */
export function writeJson(context: CliContext, value: unknown): void {
  context.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Resolves when the signal aborts. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
