// SPDX-License-Identifier: Apache-2.0
// `clitel check <entry> [--schema <file>] [--collector-config <dir>] [--docs <file.md>]`: the
// maintainer's CI step. The schema must match the tool's real command tree, and the collector
// config and data dictionary must be what the generators make from that schema.
import { resolve } from 'node:path';
import type { Command } from '../context.js';
import { booleanFlag, parseCommandArgs, stringFlag } from '../args.js';
import { loadSchemaFile } from './schema-file.js';
import { DEFAULT_SCHEMA, TREE_FLAGS, schemaStep, stepReport } from '../schema/schema-check.js';
import { checkCollectorDir, checkDataDictionary } from '../schema/generated-check.js';
import { writeJson } from './shared.js';

export const CHECK_HELP = `Usage: clitel check <entry> [--schema ${DEFAULT_SCHEMA}] [--collector-config <dir>] [--docs <file.md>]
                    [--contact <url or e-mail>] [--register]

For CI: exits 1 with a readable diff when
  - the schema and the tool's real command tree disagree (see clitel schema --check),
  - the collector config in <dir> is not what clitel collector-config makes from the schema,
  - the data dictionary <file.md> is not what clitel docs makes from the schema (same --contact).
A check whose flag is not given is skipped and says so.`;

interface Step { name: string; problems: string[] | undefined }

export const check: Command = async (context) => {
  const parsed = parseCommandArgs('check', context.args, { ...TREE_FLAGS, 'collector-config': { type: 'string' }, docs: { type: 'string' }, contact: { type: 'string' } }, 1);
  const step = schemaStep(context, parsed, 'check');
  const rerun = `clitel schema ${step.read.entry} --schema ${step.display}`;
  const report = stepReport(step, rerun);
  const steps: Step[] = [{ name: `schema ${step.display} against ${step.read.entry} (${step.read.tree.framework})`, problems: report == null ? [] : [report] }];
  const file = step.existing != null ? loadSchemaFile(context, step.display, 'check') : undefined;
  const collector = stringFlag(parsed, 'collector-config');
  const docs = stringFlag(parsed, 'docs');
  steps.push({
    name: `collector config ${collector ?? ''}`.trim(),
    problems: collector == null ? undefined : file == null ? ['no schema to generate from'] : checkCollectorDir(file.schema, file.path, resolve(context.cwd, collector), context.cwd),
  });
  steps.push({
    name: `data dictionary ${docs ?? ''}`.trim(),
    problems: docs == null ? undefined : file == null ? ['no schema to generate from'] : checkDataDictionary(file.schema, file.display, resolve(context.cwd, docs), context.cwd, stringFlag(parsed, 'contact')),
  });
  const failed = steps.some((s) => s.problems != null && s.problems.length > 0);
  if (booleanFlag(parsed, 'json')) {
    writeJson(context, { ok: !failed, changes: step.changes, steps: steps.map((s) => ({ name: s.name, skipped: s.problems == null, problems: s.problems ?? [] })) });
    return failed ? 1 : 0;
  }
  for (const s of steps) {
    if (s.problems == null) context.stdout.write(`skip  ${s.name} (no --${s.name.startsWith('collector') ? 'collector-config <dir>' : 'docs <file.md>'})\n`);
    else if (s.problems.length === 0) context.stdout.write(`ok    ${s.name}\n`);
    else {
      context.stdout.write(`FAIL  ${s.name}\n`);
      context.stderr.write(`${s.problems.join('\n')}\n`);
    }
  }
  if (steps[1]?.problems?.length || steps[2]?.problems?.length) {
    context.stderr.write(`Regenerate with: clitel collector-config --schema ${step.display} --out <dir> and clitel docs --schema ${step.display} --out <file.md>\n`);
  }
  return failed ? 1 : 0;
};
