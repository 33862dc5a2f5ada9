// SPDX-License-Identifier: Apache-2.0
// `clitel dashboard [--out dir | --serve [--port n]]`: the report as an HTML dashboard.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from '../context.js';
import { booleanFlag, integerFlag, parseCommandArgs, stringFlag } from '../args.js';
import { writeDashboard } from '../dashboard/write-dashboard.js';
import { serveDirectory } from '../dashboard/serve-static.js';
import { reportFromFlags, WINDOW_FLAGS } from './report.js';
import { styleFor, untilAborted, writeJson } from './shared.js';

export const DASHBOARD_HELP = `Usage: clitel dashboard [--out clitel-dashboard | --serve [--port 0]] [--since 30d] [--until YYYY-MM-DD]
                        [--db clitel.duckdb | --clickhouse url]

Writes an HTML dashboard of the report (index.html, report.json and the bundled Chart.js; it
opens from disk, no network needed), or serves it on 127.0.0.1 with --serve until Ctrl-C.`;

export const dashboard: Command = async (context) => {
  const parsed = parseCommandArgs('dashboard', context.args, { ...WINDOW_FLAGS, out: { type: 'string' }, serve: { type: 'boolean' }, port: { type: 'string' } });
  const serve = booleanFlag(parsed, 'serve');
  const json = booleanFlag(parsed, 'json');
  const report = await reportFromFlags(context, parsed, 'dashboard');
  const outFlag = stringFlag(parsed, 'out');
  const dir = outFlag != null ? resolve(context.cwd, outFlag) : serve ? mkdtempSync(join(tmpdir(), 'clitel-dashboard-')) : resolve(context.cwd, 'clitel-dashboard');
  const files = writeDashboard(report, dir);
  const index = files[0] as string;
  if (!serve) {
    if (json) writeJson(context, { out: dir, files, runs: report.totals.runs, installations: report.totals.installations });
    else context.stdout.write(`Wrote the dashboard to ${index}\n`);
    return 0;
  }
  const server = await serveDirectory(dir, integerFlag(parsed, 'port', 0, 'dashboard'));
  if (json) context.stdout.write(`${JSON.stringify({ event: 'serving', url: server.url, out: dir })}\n`);
  else context.stdout.write(`Serving the dashboard on ${styleFor(context).cyan(server.url)} (Ctrl-C stops)\n`);
  await untilAborted(context.signal);
  await server.close();
  return 0;
};
