// SPDX-License-Identifier: Apache-2.0
// The live terminal view of `clitel dev`: one line per incoming command span and, on a terminal,
// a status line kept at the bottom. With --json, one JSON object per line instead.
import { ATTR_CLITEL_COMMAND, ATTR_CLITEL_INSTALLATION_ID, ATTR_CLITEL_OPTION_PREFIX, ATTR_HOST_ARCH, ATTR_OS_TYPE, ATTR_PROCESS_EXIT_CODE, ATTR_SERVICE_VERSION } from '@clitel/core/internal';
import type { Writer } from '../context.js';
import type { SpanRow } from '../otlp/span-row.js';
import type { DecodedMetrics } from '../otlp/metric-row.js';
import type { Style } from '../style.js';
import { terminalText } from '../safe-text.js';

/** The view's inputs. */
export interface LiveView {
  /** Spans that arrived (`stored` of them were new). */
  spans(rows: readonly SpanRow[], stored: number): void;
  /** Metric points that arrived (`stored` of them were new). */
  metrics(metrics: DecodedMetrics, stored: number): void;
  /** A refused or dropped request. */
  rejected(info: { path: string; status: number; reason: string }): void;
  /** Any other one-line message. */
  note(text: string): void;
  /** Ends the status line. */
  close(): void;
}

/** Totals shown in the status line. */
interface Totals { spans: number; points: number; duplicates: number; errors: number; installations: Set<string> }

function time(row: SpanRow): string {
  return new Date(Number(row.timestampNs / 1_000_000n)).toISOString().slice(11, 19);
}

/** Creates the view writing to `out`. */
export function createLiveView(out: Writer, style: Style, options: { json: boolean; url: string }): LiveView {
  const totals: Totals = { spans: 0, points: 0, duplicates: 0, errors: 0, installations: new Set() };
  const live = out.isTTY && !options.json;
  let statusShown = false;
  const status = (): string => style.dim(`● ${totals.spans} spans · ${totals.points} metric points · ${totals.installations.size} installations · ${totals.errors} errors · ${options.url}  (Ctrl-C stops)`);
  const print = (lines: string[]): void => {
    if (lines.length === 0) return;
    const clear = live && statusShown ? '\r\u001b[2K' : '';
    out.write(`${clear}${lines.join('\n')}\n${live ? status() : ''}`);
    statusShown = live;
  };
  return {
    spans(rows, stored) {
      totals.spans += stored;
      totals.duplicates += rows.length - stored;
      const lines: string[] = [];
      for (const row of rows) {
        const error = row.statusCode === 'Error';
        if (error) totals.errors += 1;
        const installation = row.resourceAttributes[ATTR_CLITEL_INSTALLATION_ID] ?? '';
        if (installation !== '') totals.installations.add(installation);
        const values = Object.entries(row.spanAttributes).filter(([k]) => k.startsWith(ATTR_CLITEL_OPTION_PREFIX)).map(([k, v]) => `${k.slice(ATTR_CLITEL_OPTION_PREFIX.length)}=${v}`);
        if (options.json) {
          lines.push(JSON.stringify({
            event: 'span', time: time(row), service: row.serviceName, version: row.resourceAttributes[ATTR_SERVICE_VERSION] ?? '',
            name: row.spanName, command: row.spanAttributes[ATTR_CLITEL_COMMAND] ?? '', exitCode: Number(row.spanAttributes[ATTR_PROCESS_EXIT_CODE] ?? 0),
            status: row.statusCode, durationMs: Number(row.durationNs / 1000n) / 1000, installation,
          }));
          continue;
        }
        const exit = row.spanAttributes[ATTR_PROCESS_EXIT_CODE] ?? '0';
        lines.push([
          style.dim(time(row)),
          `${terminalText(row.spanName).padEnd(18)}`,
          style.dim(terminalText(row.resourceAttributes[ATTR_SERVICE_VERSION] ?? '').padEnd(8)),
          error ? style.red(`exit ${exit}`.padEnd(7)) : style.green('ok'.padEnd(7)),
          `${(Number(row.durationNs / 1000n) / 1000).toFixed(0).padStart(6)} ms`,
          style.dim(terminalText(`${row.resourceAttributes[ATTR_OS_TYPE] ?? '?'}/${row.resourceAttributes[ATTR_HOST_ARCH] ?? '?'}`)),
          values.length > 0 ? style.cyan(terminalText(values.join(' '))) : '',
          style.dim(terminalText(installation.slice(0, 8))),
        ].join('  ').trimEnd());
      }
      print(lines);
    },
    metrics(metrics, stored) {
      totals.points += stored;
      const lines = metrics.points.map((p) => {
        const time = new Date(Number(p.timeNs / 1_000_000n)).toISOString().slice(11, 19);
        const attributes = Object.entries(p.attributes).map(([k, v]) => `${k}=${v}`).join(' ');
        if (options.json) {
          return JSON.stringify({ event: 'metric', time, service: p.serviceName, kind: p.kind, name: p.metricName, value: p.value, attributes: p.attributes });
        }
        return [style.dim(time), terminalText(`${p.serviceName} ${p.metricName}`).padEnd(18), style.dim(p.kind.padEnd(8)), `${p.kind === 'sum' && p.temporality === 1 ? '+' : ''}${p.value}`.padStart(7), attributes.length > 0 ? style.cyan(terminalText(attributes)) : ''].join('  ').trimEnd();
      });
      if (metrics.dropped > 0) lines.push(options.json ? JSON.stringify({ event: 'note', message: `${metrics.dropped} histogram or summary points dropped` }) : style.yellow(`${metrics.dropped} histogram or summary points dropped (clitel dev stores sums and gauges)`));
      print(lines);
    },
    rejected(info) {
      print([options.json ? JSON.stringify({ event: 'rejected', ...info }) : style.yellow(terminalText(`${info.status} ${info.path}: ${info.reason}`))]);
    },
    note(text) {
      print([options.json ? JSON.stringify({ event: 'note', message: text }) : terminalText(text)]);
    },
    close() {
      if (live && statusShown) out.write('\n');
    },
  };
}
