// SPDX-License-Identifier: Apache-2.0
// `clitel publish --window 30d --min-installations 10 [--out public]`: k-anonymous public aggregates.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from '../context.js';
import { booleanFlag, integerFlag, parseCommandArgs, stringFlag } from '../args.js';
import { CliError } from '../cli-error.js';
import { buildPublicAggregates } from '../publish/public-aggregates.js';
import { renderCsv, renderPublicPage } from '../publish/render-public.js';
import { reportFromFlags, WINDOW_FLAGS } from './report.js';
import { writeJson } from './shared.js';

export const PUBLISH_HELP = `Usage: clitel publish [--window 30d] [--min-installations 10] [--out public] [--until YYYY-MM-DD]
                      [--db clitel.duckdb | --clickhouse url]

Writes public aggregates: aggregates.json, one CSV per table and index.html. A cell counted from
fewer installations than --min-installations is suppressed (and one more when a single cell
would be recoverable from the total). No ids are published and nothing is finer than a day.`;

export const publish: Command = async (context) => {
  const parsed = parseCommandArgs('publish', context.args, { ...WINDOW_FLAGS, 'min-installations': { type: 'string' }, out: { type: 'string' } });
  const k = integerFlag(parsed, 'min-installations', 10, 'publish');
  if (k < 2) throw new CliError('clitel.cli.usage', 'publish: --min-installations must be at least 2');
  const report = await reportFromFlags(context, parsed, 'publish');
  const data = buildPublicAggregates(report, k);
  const out = resolve(context.cwd, stringFlag(parsed, 'out') ?? 'public');
  mkdirSync(out, { recursive: true });
  const files = ['aggregates.json', 'index.html', ...data.tables.map((t) => `${t.name}.csv`)];
  writeFileSync(join(out, 'aggregates.json'), `${JSON.stringify(data, null, 2)}\n`);
  writeFileSync(join(out, 'index.html'), renderPublicPage(data));
  for (const t of data.tables) writeFileSync(join(out, `${t.name}.csv`), renderCsv(t));
  const suppressed = data.tables.reduce((a, t) => a + t.suppressed, 0);
  if (booleanFlag(parsed, 'json')) writeJson(context, { out, files, suppressed, minInstallations: k });
  else context.stdout.write(`Wrote ${files.length} files to ${out} (${suppressed} cells under ${k} installations suppressed).\n`);
  return 0;
};
