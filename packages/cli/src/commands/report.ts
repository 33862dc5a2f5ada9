// SPDX-License-Identifier: Apache-2.0
// `clitel report [--since 30d] [--until YYYY-MM-DD] [--format table|json|md] [--db f | --clickhouse url]`.
import type { Command, CliContext } from '../context.js';
import { booleanFlag, parseCommandArgs, parseUntil, parseWindow, stringFlag, type ParsedArgs } from '../args.js';
import { CliError } from '../cli-error.js';
import { buildReport } from '../report/build-report.js';
import { reportSections } from '../report/report-sections.js';
import { formatMarkdown, formatTable } from '../report/format-report.js';
import type { Report } from '../types.js';
import { openRunner, RUNNER_FLAGS } from './open-runner.js';
import { styleFor, writeJson } from './shared.js';

export const REPORT_HELP = `Usage: clitel report [--since 30d] [--until YYYY-MM-DD] [--format table|json|md] [--service name]
                     [--db clitel.duckdb | --clickhouse http://user:pass@host:8123/db [--table otel_traces]]

Most used commands, options and values; OS, architecture and runtime shares; daily active
installations and runs; runs on old versions and days to adopt a new one; error rates per
command and version with spikes; CI versus interactive; run time p50/p95 per command.
The window is whole UTC days ending with --until (default today). Counts are scaled by
1 / clitel.sample_rate when the tool samples.`;

/** Flags shared by report, dashboard and publish. */
export const WINDOW_FLAGS = { since: { type: 'string' }, window: { type: 'string' }, until: { type: 'string' }, service: { type: 'string' }, ...RUNNER_FLAGS } as const;

/** Builds the report the flags describe. */
export async function reportFromFlags(context: CliContext, parsed: ParsedArgs, command: string): Promise<Report> {
  const windowFlag = stringFlag(parsed, 'window') != null ? 'window' : 'since';
  const windowMs = parseWindow(stringFlag(parsed, windowFlag) ?? '30d', windowFlag, command);
  const until = parseUntil(stringFlag(parsed, 'until'), context.now(), command);
  const runner = await openRunner(context, parsed);
  try {
    return await buildReport(runner, { days: Math.ceil(windowMs / 86_400_000), until, ...(stringFlag(parsed, 'service') != null ? { service: stringFlag(parsed, 'service') as string } : {}) });
  } finally {
    await runner.close();
  }
}

export const report: Command = async (context) => {
  const parsed = parseCommandArgs('report', context.args, { ...WINDOW_FLAGS, format: { type: 'string' } });
  const format = booleanFlag(parsed, 'json') ? 'json' : stringFlag(parsed, 'format') ?? 'table';
  if (!['table', 'json', 'md'].includes(format)) {
    throw new CliError('clitel.cli.usage', `report: --format is invalid, expected table, json or md, actual '${format}'`);
  }
  const result = await reportFromFlags(context, parsed, 'report');
  if (format === 'json') writeJson(context, result);
  else if (format === 'md') context.stdout.write(`${formatMarkdown(reportSections(result), `Usage report: ${result.service}`)}\n`);
  else {
    if (result.totals.runs === 0) context.stderr.write(`clitel: no command runs in the window ${result.window.since.slice(0, 10)} to ${result.window.until.slice(0, 10)}\n`);
    context.stdout.write(formatTable(reportSections(result), styleFor(context)));
  }
  return 0;
};
