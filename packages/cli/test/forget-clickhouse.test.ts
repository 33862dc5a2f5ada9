// SPDX-License-Identifier: Apache-2.0
// `clitel forget --clickhouse` against a real server, when one is reachable at
// CLITEL_CLICKHOUSE_URL: a fresh database gets tables shaped like the collector ClickHouse
// exporter's (spans, the trace id lookup fed by its materialized view, four of the five metric
// tables), rows of two installations go in, and one installation is forgotten: exact counts per
// table, nothing left of it, the other untouched, and a second run deletes nothing. Skipped, with
// this reason, when no server answers (forget-clickhouse-wire.test.ts covers what needs no server).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { ATTR_CLITEL_INSTALLATION_ID } from '@clitel/core';
import { runClitel } from './helpers/clitel-process.js';
import { CLICKHOUSE_SKIP_REASON, CLICKHOUSE_URL, clickhouseReachable } from './helpers/clickhouse-server.js';

const server = await clickhouseReachable('the clitel forget --clickhouse server tests');
const DB = `clitel_forget_${process.pid}`;
const A = '0b6f0c1e-4c9a-4f51-9d8e-2f4b7c1d2e3f';
const B = '7d1e2f3a-0000-4000-8000-00000000000b';
const MAP = 'Map(LowCardinality(String), String)';
/** Rows per installation and table; otel_metrics_summary is left out so it is skipped. */
const ROWS = {
  otel_traces: { [A]: 5, [B]: 3 },
  otel_metrics_sum: { [A]: 4, [B]: 2 },
  otel_metrics_gauge: { [A]: 2, [B]: 1 },
  otel_metrics_histogram: { [A]: 3, [B]: 1 },
  otel_metrics_exponential_histogram: { [A]: 1, [B]: 2 },
} as const;

const METRIC_COMMON = `ResourceAttributes ${MAP}, ResourceSchemaUrl String, ScopeName String, ScopeVersion String, ScopeAttributes ${MAP},
  ScopeDroppedAttrCount UInt32, ScopeSchemaUrl String, ServiceName LowCardinality(String), MetricName String, MetricDescription String,
  MetricUnit String, Attributes ${MAP}, StartTimeUnix DateTime64(9), TimeUnix DateTime64(9)`;
const METRIC_TAIL = 'ENGINE = MergeTree PARTITION BY toDate(TimeUnix) ORDER BY (ServiceName, MetricName, TimeUnix)';

const DDL = [
  `CREATE TABLE ${DB}.otel_traces (
    Timestamp DateTime64(9), TraceId String, SpanId String, ParentSpanId String, TraceState String,
    SpanName LowCardinality(String), SpanKind LowCardinality(String), ServiceName LowCardinality(String),
    ResourceAttributes ${MAP}, ScopeName String, ScopeVersion String, SpanAttributes ${MAP},
    Duration UInt64, StatusCode LowCardinality(String), StatusMessage String,
    Events Nested (Timestamp DateTime64(9), Name LowCardinality(String), Attributes ${MAP}),
    Links Nested (TraceId String, SpanId String, TraceState String, Attributes ${MAP})
  ) ENGINE = MergeTree PARTITION BY toDate(Timestamp) ORDER BY (ServiceName, SpanName, toDateTime(Timestamp), Timestamp)`,
  `CREATE TABLE ${DB}.otel_traces_trace_id_ts (
    TraceId String, Start SimpleAggregateFunction(min, DateTime), End SimpleAggregateFunction(max, DateTime)
  ) ENGINE = MergeTree PARTITION BY toStartOfWeek(Start) ORDER BY (TraceId)`,
  `CREATE MATERIALIZED VIEW ${DB}.otel_traces_trace_id_ts_mv TO ${DB}.otel_traces_trace_id_ts
    AS SELECT TraceId, min(Timestamp) AS Start, max(Timestamp) AS End FROM ${DB}.otel_traces WHERE TraceId != '' GROUP BY TraceId`,
  `CREATE TABLE ${DB}.otel_metrics_sum (${METRIC_COMMON}, Value Float64, Flags UInt32, AggregationTemporality Int32, IsMonotonic Bool) ${METRIC_TAIL}`,
  `CREATE TABLE ${DB}.otel_metrics_gauge (${METRIC_COMMON}, Value Float64, Flags UInt32) ${METRIC_TAIL}`,
  `CREATE TABLE ${DB}.otel_metrics_histogram (${METRIC_COMMON}, Count UInt64, Sum Float64, BucketCounts Array(UInt64),
    ExplicitBounds Array(Float64), Flags UInt32, Min Float64, Max Float64, AggregationTemporality Int32) ${METRIC_TAIL}`,
  `CREATE TABLE ${DB}.otel_metrics_exponential_histogram (${METRIC_COMMON}, Count UInt64, Sum Float64, Scale Int32, ZeroCount UInt64,
    PositiveOffset Int32, PositiveBucketCounts Array(UInt64), NegativeOffset Int32, NegativeBucketCounts Array(UInt64),
    Flags UInt32, Min Float64, Max Float64, AggregationTemporality Int32) ${METRIC_TAIL}`,
];

const resource = (id: string): Record<string, string> => ({ 'service.name': 'acme', [ATTR_CLITEL_INSTALLATION_ID]: id });
const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

function spanRows(): Record<string, unknown>[] {
  let n = 0;
  return Object.entries(ROWS.otel_traces).flatMap(([id, count]) => Array.from({ length: count }, () => {
    n += 1;
    return {
      Timestamp: `2026-03-01 10:00:${String(n).padStart(2, '0')}.000000000`, TraceId: hex(n, 32), SpanId: hex(n, 16),
      SpanName: 'acme deploy', SpanKind: 'Internal', ServiceName: 'acme', ResourceAttributes: resource(id), SpanAttributes: { 'clitel.command': 'deploy' },
      Duration: 1_000_000, StatusCode: 'Unset',
    };
  }));
}

function metricRows(counts: Readonly<Record<string, number>>): Record<string, unknown>[] {
  return Object.entries(counts).flatMap(([id, count]) => Array.from({ length: count }, (_, i) => ({
    ResourceAttributes: resource(id), ServiceName: 'acme', MetricName: 'clitel.function.calls', Attributes: { 'clitel.function': `f${i}` },
    StartTimeUnix: '2026-03-01 10:00:00.000000000', TimeUnix: `2026-03-01 10:01:${String(i).padStart(2, '0')}.000000000`,
  })));
}

interface ForgetJson { installation: string; deleted: number; database: string; tables: { table: string; deleted?: number; skipped?: string }[] }

describe.skipIf(!server)(`clitel forget --clickhouse (${CLICKHOUSE_SKIP_REASON})`, () => {
  let client: ClickHouseClient;
  let dir: string;
  const url = CLICKHOUSE_URL as string;

  /** Rows of `id` in `table` (the lookup table through the spans' trace ids). */
  async function count(table: string, id: string): Promise<number> {
    const where = table === 'otel_traces_trace_id_ts'
      ? `TraceId IN (SELECT TraceId FROM ${DB}.otel_traces WHERE ResourceAttributes[{key:String}] = {id:String})`
      : 'ResourceAttributes[{key:String}] = {id:String}';
    const result = await client.query({ query: `SELECT count() AS n FROM ${DB}.${table} WHERE ${where}`, query_params: { key: ATTR_CLITEL_INSTALLATION_ID, id }, format: 'JSONEachRow' });
    return Number((await result.json<{ n: string }>())[0]?.n);
  }

  beforeAll(async () => {
    client = createClient({ url });
    dir = mkdtempSync(join(tmpdir(), 'clitel-forget-ch-'));
    await client.command({ query: `CREATE DATABASE ${DB}` });
    for (const query of DDL) await client.command({ query });
    await client.insert({ table: `${DB}.otel_traces`, values: spanRows(), format: 'JSONEachRow' });
    for (const [table, counts] of Object.entries(ROWS)) {
      if (table !== 'otel_traces') await client.insert({ table: `${DB}.${table}`, values: metricRows(counts), format: 'JSONEachRow' });
    }
  });
  afterAll(async () => {
    await client?.command({ query: `DROP DATABASE IF EXISTS ${DB}` });
    await client?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the rows it was given, the lookup table filled by the view', async () => {
    for (const [table, counts] of Object.entries(ROWS)) for (const [id, n] of Object.entries(counts)) expect(await count(table, id), `${table} ${id}`).toBe(n);
    expect(await count('otel_traces_trace_id_ts', A)).toBe(ROWS.otel_traces[A]);
    expect(await count('otel_traces_trace_id_ts', B)).toBe(ROWS.otel_traces[B]);
  });

  it('deletes every row of one installation, counted per table, and leaves the other', async () => {
    const run = await runClitel(['forget', A, '--clickhouse', url, '--database', DB, '--json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as ForgetJson;
    expect(result.tables).toEqual([
      { table: 'otel_traces_trace_id_ts', deleted: 5 },
      { table: 'otel_traces', deleted: 5 },
      { table: 'otel_metrics_sum', deleted: 4 },
      { table: 'otel_metrics_gauge', deleted: 2 },
      { table: 'otel_metrics_histogram', deleted: 3 },
      { table: 'otel_metrics_exponential_histogram', deleted: 1 },
      { table: 'otel_metrics_summary', skipped: `no table ${DB}.otel_metrics_summary` },
    ]);
    expect(result).toMatchObject({ installation: A, deleted: 20, database: DB });
    for (const [table, counts] of Object.entries(ROWS)) {
      expect(await count(table, A), table).toBe(0);
      expect(await count(table, B), table).toBe(counts[B]);
    }
    const lookup = await client.query({ query: `SELECT count() AS n FROM ${DB}.otel_traces_trace_id_ts`, format: 'JSONEachRow' });
    expect(Number((await lookup.json<{ n: string }>())[0]?.n)).toBe(ROWS.otel_traces[B]);

    const again = await runClitel(['forget', A, '--clickhouse', url, '--database', DB, '--json'], { cwd: dir });
    const second = JSON.parse(again.stdout) as ForgetJson;
    expect(second.deleted).toBe(0);
    expect(second.tables.filter((t) => t.skipped == null).map((t) => t.deleted)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('names the database when it holds none of the exporter tables', async () => {
    const run = await runClitel(['forget', A, '--clickhouse', url, '--database', `${DB}_missing`, '--json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).error.code).toBe('clitel.clickhouse.no-tables');
  });
});
