// SPDX-License-Identifier: Apache-2.0
// `clitel docs --schema <file> [--out docs/telemetry.md] [--contact …]`: the data dictionary.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from '../context.js';
import { booleanFlag, parseCommandArgs, stringFlag } from '../args.js';
import { renderDataDictionary } from '../docs/data-dictionary.js';
import { loadSchemaFile } from './schema-file.js';
import { writeJson } from './shared.js';

export const DOCS_HELP = `Usage: clitel docs --schema <file> [--out <file.md>] [--contact <url or e-mail>]

Generates the data dictionary for users: every attribute the schema lets a run send, example
values, why it is collected, how to see it, how to opt out and how to ask for deletion.
Prints to stdout unless --out is given. The output is reproducible (no dates).`;

export const docs: Command = async (context) => {
  const parsed = parseCommandArgs('docs', context.args, { schema: { type: 'string' }, out: { type: 'string' }, contact: { type: 'string' } });
  const file = loadSchemaFile(context, stringFlag(parsed, 'schema'), 'docs');
  const contact = stringFlag(parsed, 'contact');
  const text = renderDataDictionary(file.schema, { source: file.display, ...(contact != null ? { contact } : {}) });
  const out = stringFlag(parsed, 'out');
  if (out == null) {
    if (booleanFlag(parsed, 'json')) writeJson(context, { schema: file.display, markdown: text });
    else context.stdout.write(text);
    return 0;
  }
  const target = resolve(context.cwd, out);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  if (booleanFlag(parsed, 'json')) writeJson(context, { schema: file.display, out: target });
  else context.stdout.write(`Wrote ${target}\n`);
  return 0;
};
