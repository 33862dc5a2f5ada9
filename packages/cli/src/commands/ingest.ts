// SPDX-License-Identifier: Apache-2.0
// `clitel ingest <file> [--db clitel.duckdb]`: loads the collector `file` exporter's output (one
// OTLP/JSON export request per line, optionally .gz) into the embedded store, all or nothing.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../context.js';
import { booleanFlag, parseCommandArgs } from '../args.js';
import { CliError } from '../cli-error.js';
import { decodeTraceRequestObject } from '../otlp/decode-json.js';
import { decodeMetricsRequestObject } from '../otlp/decode-metrics-json.js';
import type { SpanRow } from '../otlp/span-row.js';
import { openDuckDbStore } from '../store/duckdb-store.js';
import { createProgressBar } from '../receiver/progress-bar.js';
import { readLines } from '../ingest/read-lines.js';
import { dbPath, styleFor, writeJson } from './shared.js';

export const INGEST_HELP = `Usage: clitel ingest <file> [--db clitel.duckdb] [--json]

Loads a collector file exporter output (format: json, one export request per line; .gz accepted)
into the embedded store: spans, and the sum and gauge points of metrics lines. What is already
stored is skipped, so ingesting a file twice is safe. Logs lines are skipped. A corrupt line
stops the load and nothing is stored.`;

const BATCH = 2_000;

/** A line that parsed but is not a valid export request; a RangeError is a stack overflow on deep nesting. */
function lineError(error: unknown, line: number, file: string): CliError {
  if (error instanceof RangeError) return new CliError('clitel.ingest.corrupt', `line ${line} of ${file} is nested too deeply to read`);
  return new CliError('clitel.ingest.corrupt', `line ${line} of ${file}: ${error instanceof Error ? error.message : String(error)}`);
}

export const ingest: Command = async (context) => {
  const parsed = parseCommandArgs('ingest', context.args, { db: { type: 'string' } }, 1);
  const input = parsed.positionals[0];
  if (input == null) throw new CliError('clitel.cli.usage', 'ingest: give the file to load, e.g. clitel ingest spans.json');
  const file = resolve(context.cwd, input);
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError('clitel.ingest.missing', `no file at ${file}`);
  const json = booleanFlag(parsed, 'json');
  const size = statSync(file).size;
  const store = await openDuckDbStore(dbPath(context, parsed), { create: true });
  const bar = createProgressBar(context.stderr, size);
  const counts = { lines: 0, spans: 0, stored: 0, metricPoints: 0, storedPoints: 0, skippedLines: 0 };
  let pending: SpanRow[] = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    counts.stored += await store.insert(pending);
    pending = [];
  };
  await store.exec('BEGIN TRANSACTION');
  try {
    // Progress in bytes of the file as read (compressed bytes for .gz).
    for await (const { number, text: line } of readLines(file, { onBytes: (n) => { bytes = n; } })) {
      counts.lines = number;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        if (error instanceof RangeError) throw lineError(error, counts.lines, file);
        throw new CliError('clitel.ingest.corrupt', `line ${counts.lines} of ${file} is not JSON; expected the collector file exporter's format: json`);
      }
      const record = value as Record<string, unknown>;
      if (record != null && typeof record === 'object' && record.resourceSpans == null && Array.isArray(record.resourceMetrics)) {
        let points;
        try {
          points = decodeMetricsRequestObject(record).points;
        } catch (error) {
          throw lineError(error, counts.lines, file);
        }
        counts.metricPoints += points.length;
        counts.storedPoints += await store.insertMetrics(points);
        continue;
      }
      if (record != null && typeof record === 'object' && record.resourceSpans == null && (record.resourceLogs != null || record.resourceProfiles != null)) {
        counts.skippedLines += 1;
        continue;
      }
      if (record == null || typeof record !== 'object' || !Array.isArray(record.resourceSpans)) {
        throw new CliError('clitel.ingest.corrupt', `line ${counts.lines} of ${file} is not an OTLP export request (no resourceSpans)`);
      }
      let rows: SpanRow[];
      try {
        rows = decodeTraceRequestObject(record);
      } catch (error) {
        throw lineError(error, counts.lines, file);
      }
      counts.spans += rows.length;
      pending.push(...rows);
      if (pending.length >= BATCH) await flush();
      bar.update(bytes, `${counts.spans} spans`);
    }
    await flush();
    await store.exec('COMMIT');
  } catch (error) {
    bar.finish();
    await store.exec('ROLLBACK').catch(() => undefined);
    await store.close();
    throw error;
  }
  bar.update(size, `${counts.spans} spans`);
  bar.finish();
  await store.close();
  const result = {
    file, db: store.file, lines: counts.lines, spans: counts.spans, stored: counts.stored, duplicates: counts.spans - counts.stored,
    metricPoints: counts.metricPoints, storedMetricPoints: counts.storedPoints, skippedLines: counts.skippedLines,
  };
  if (json) writeJson(context, result);
  else {
    const style = styleFor(context);
    context.stdout.write(`${style.green('Ingested')} ${counts.spans} spans from ${counts.lines} lines into ${store.file}: ${counts.stored} new, ${result.duplicates} already stored`
      + `${counts.metricPoints > 0 ? `; ${counts.storedPoints} of ${counts.metricPoints} metric points new` : ''}${counts.skippedLines > 0 ? `; skipped ${counts.skippedLines} logs lines` : ''}.\n`);
  }
  return 0;
};
