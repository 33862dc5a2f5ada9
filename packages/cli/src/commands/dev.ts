// SPDX-License-Identifier: Apache-2.0
// `clitel dev [--port 4318] [--host 127.0.0.1] [--db clitel.duckdb] [--json]`: a local OTLP/HTTP
// receiver storing into the embedded database, with a live view of incoming command spans.
import type { Command } from '../context.js';
import { booleanFlag, integerFlag, parseCommandArgs, stringFlag } from '../args.js';
import { CliError } from '../cli-error.js';
import { openDuckDbStore } from '../store/duckdb-store.js';
import { startReceiver } from '../receiver/otlp-receiver.js';
import { createLiveView } from '../receiver/live-view.js';
import { dbPath, styleFor, untilAborted } from './shared.js';

export const DEV_HELP = `Usage: clitel dev [--port 4318] [--host 127.0.0.1] [--db clitel.duckdb] [--json]

Receives OTLP/HTTP (protobuf or JSON, gzip) on /v1/traces and /v1/metrics, stores every span
(and sum or gauge point) in an embedded DuckDB file and shows each run as it arrives.
Point a CLI at it with
  OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318
Stops on Ctrl-C. --port 0 picks a free port; --json prints one JSON event per line.`;

export const dev: Command = async (context) => {
  const parsed = parseCommandArgs('dev', context.args, { port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' } });
  const port = integerFlag(parsed, 'port', 4318, 'dev');
  if (port > 65535) throw new CliError('clitel.cli.usage', `dev: --port is invalid, expected 0..65535, actual ${port}`);
  const json = booleanFlag(parsed, 'json');
  const file = dbPath(context, parsed);
  const store = await openDuckDbStore(file, { create: true });
  const style = styleFor(context);
  let view: ReturnType<typeof createLiveView> | undefined;
  let receiver;
  try {
    receiver = await startReceiver({
      port,
      host: stringFlag(parsed, 'host') ?? '127.0.0.1',
      onSpans: async (rows) => {
        const stored = await store.insert(rows);
        view?.spans(rows, stored);
      },
      onMetrics: async (metrics) => {
        const stored = await store.insertMetrics(metrics.points);
        view?.metrics(metrics, stored);
      },
      onRejected: (info) => view?.rejected(info),
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  view = createLiveView(context.stdout, style, { json, url: receiver.url });
  if (json) context.stdout.write(`${JSON.stringify({ event: 'listening', url: receiver.url, port: receiver.port, db: file })}\n`);
  else {
    context.stdout.write(`${style.bold('clitel dev')} listening on ${style.cyan(receiver.url)}, storing into ${file}\n`);
    context.stdout.write(style.dim(`Send runs with OTEL_EXPORTER_OTLP_ENDPOINT=${receiver.url}\n`));
  }
  await untilAborted(context.signal);
  await receiver.close();
  const total = await store.count();
  const points = await store.countMetricPoints();
  await store.close();
  view.close();
  if (json) context.stdout.write(`${JSON.stringify({ event: 'stopped', spans: total, metricPoints: points, db: file })}\n`);
  else context.stdout.write(`Stopped. ${total} spans and ${points} metric points in ${file}; try clitel report --db ${file}\n`);
  return 0;
};
