// SPDX-License-Identifier: Apache-2.0
// Reads and validates a schema file for docs and collector-config.
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { validateSchema, type Schema } from '@clitel/core';
import type { CliContext } from '../context.js';
import { CliError } from '../cli-error.js';

/** A loaded schema and how to name its file to readers. */
export interface SchemaFile {
  schema: Schema;
  /** Absolute path. */
  path: string;
  /** Path relative to the working directory, with forward slashes. */
  display: string;
}

/** Loads `--schema <file>`; missing, unreadable or invalid files are CliErrors. */
export function loadSchemaFile(context: CliContext, file: string | undefined, command: string): SchemaFile {
  if (file == null) throw new CliError('clitel.cli.usage', `${command}: --schema <file> is required`);
  const path = resolve(context.cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliError('clitel.schema.missing', `cannot read the schema ${path}`);
  }
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    throw new CliError('clitel.schema.invalid', `${path} is not valid JSON (${(error as Error).message})`);
  }
  const problems = validateSchema(schema as Schema);
  if (problems.length > 0) throw new CliError('clitel.schema.invalid', `${path} is not a valid clitel schema: ${problems.join('; ')}`);
  return { schema: schema as Schema, path, display: relative(context.cwd, path).split(sep).join('/') };
}
