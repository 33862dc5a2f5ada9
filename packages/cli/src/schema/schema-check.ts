// SPDX-License-Identifier: Apache-2.0
// The schema step of `clitel schema` and `clitel check`: read the entry's tree, derive the
// schema from it and the existing file, and say what differs.
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Schema } from '@clitel/core';
import type { CliContext } from '../context.js';
import { booleanFlag, stringFlag, type ParsedArgs } from '../args.js';
import { CliError } from '../cli-error.js';
import { loadSchemaFile } from '../commands/schema-file.js';
import { readCommandTree, type ReadTree } from './read-tree.js';
import { describeChange, schemaFromTree, type FromTree } from './from-tree.js';

/** The flags `clitel schema` and `clitel check` share. */
export const TREE_FLAGS = {
  schema: { type: 'string' },
  register: { type: 'boolean' },
  'allow-choices': { type: 'boolean' },
} as const;

/** The default schema file, in the working directory. */
export const DEFAULT_SCHEMA = 'telemetry.schema.json';

/** What the schema step found. */
export interface SchemaStep extends FromTree {
  read: ReadTree;
  /** The schema file as given, absolute. */
  path: string;
  /** The file, relative to the working directory. */
  display: string;
  /** The schema as it is on disk, when the file exists. */
  existing: Schema | undefined;
}

/** Runs the entry in tree mode and merges its tree with the schema file (which may not exist yet). */
export function schemaStep(context: CliContext, parsed: ParsedArgs, command: string): SchemaStep {
  const entry = parsed.positionals[0];
  if (entry == null) throw new CliError('clitel.cli.usage', `${command}: the tool's entry script is required, e.g. clitel ${command} bin/cli.js`);
  const file = stringFlag(parsed, 'schema') ?? DEFAULT_SCHEMA;
  const path = resolve(context.cwd, file);
  const loaded = existsSync(path) ? loadSchemaFile(context, file, command) : undefined;
  const read = readCommandTree({ entry, cwd: context.cwd, env: context.env, nodeArgs: booleanFlag(parsed, 'register') ? ['--import', '@clitel/register'] : [] });
  const tool = read.tree.tool ?? basename(read.entry).replace(/\.[cm]?[jt]s$/, '');
  const derived = schemaFromTree(read.tree, loaded?.schema, { tool, allowChoices: booleanFlag(parsed, 'allow-choices') });
  return { ...derived, read, path, display: loaded?.display ?? file, existing: loaded?.schema };
}

/** The readable diff of a schema that is out of step, or undefined when it is in step. */
export function stepReport(step: SchemaStep, rerun: string): string | undefined {
  if (step.existing == null) return `${step.display} does not exist; create it with: ${rerun} --write`;
  if (step.changes.length === 0) return undefined;
  return [
    `${step.display} is not in step with the command tree of ${step.read.entry} (${step.read.tree.framework}):`,
    ...step.changes.map((c) => `  ${describeChange(c)}`),
    `Update it with: ${rerun} --write`,
  ].join('\n');
}
