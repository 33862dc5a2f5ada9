// SPDX-License-Identifier: Apache-2.0
// `clitel schema <entry> [--schema <file>] [--write | --check] [--allow-choices] [--register]`:
// the schema that follows from the tool's real command tree, merged with the existing one.
import { writeFileSync } from 'node:fs';
import type { Command } from '../context.js';
import { booleanFlag, parseCommandArgs } from '../args.js';
import { CliError } from '../cli-error.js';
import { formatSchema } from '../schema/format-schema.js';
import { describeChange } from '../schema/from-tree.js';
import { DEFAULT_SCHEMA, TREE_FLAGS, schemaStep, stepReport } from '../schema/schema-check.js';
import { writeJson } from './shared.js';

export const SCHEMA_HELP = `Usage: clitel schema <entry> [--schema ${DEFAULT_SCHEMA}] [--write | --check] [--allow-choices] [--register]

Runs the tool's entry once in tree mode (CLITEL_SCHEMA_TREE): its clitel adapter writes the
framework's real command tree (commands, aliases, options, declared choices, hidden commands) and
the tool exits before any command runs, before anything is written or sent. Prints the schema
that follows, merged with the existing file: decisions already in it (values, buckets, boolean,
stages, modules, mode) are kept, new commands and options come in names-only, entries with no
command or option behind them go.

  --write          update the schema file
  --check          write nothing; exit 1 with a diff when the tree and the schema disagree
  --allow-choices  offer an option's declared choices as its recorded values
  --register       run the entry with node --import @clitel/register (tools without an adapter)`;

export const schema: Command = async (context) => {
  const parsed = parseCommandArgs('schema', context.args, { ...TREE_FLAGS, write: { type: 'boolean' }, check: { type: 'boolean' } }, 1);
  const write = booleanFlag(parsed, 'write');
  const check = booleanFlag(parsed, 'check');
  if (write && check) throw new CliError('clitel.cli.usage', 'schema: --write and --check exclude each other');
  const step = schemaStep(context, parsed, 'schema');
  const json = booleanFlag(parsed, 'json');
  const rerun = `clitel schema ${step.read.entry} --schema ${step.display}`;
  if (check) {
    const report = step.existing == null ? `${step.display} does not exist; create it with: ${rerun} --write` : stepReport(step, rerun);
    if (json) writeJson(context, { schema: step.display, inStep: report == null, changes: step.changes });
    else if (report == null) context.stdout.write(`${step.display} is in step with ${step.read.entry} (${step.read.tree.framework})\n`);
    if (report != null && !json) context.stderr.write(`${report}\n`);
    return report == null ? 0 : 1;
  }
  const text = formatSchema(step.schema);
  if (write) writeFileSync(step.path, text);
  if (json) {
    writeJson(context, { schema: step.display, written: write, changes: step.changes, result: step.schema });
    return 0;
  }
  const summary = step.changes.length === 0 ? 'no changes' : step.changes.map((c) => `  ${describeChange(c)}`).join('\n');
  if (write) context.stdout.write(`Wrote ${step.display}${step.changes.length === 0 ? ' (no changes)' : `:\n${summary}`}\n`);
  else {
    context.stdout.write(text);
    context.stderr.write(step.changes.length === 0 ? `clitel: ${step.display} is in step\n` : `clitel: against ${step.display}:\n${summary}\n`);
  }
  return 0;
};
