// SPDX-License-Identifier: Apache-2.0
// `clitel report --clickhouse` against a real server, when one is reachable at
// CLITEL_CLICKHOUSE_URL (e.g. http://default:@127.0.0.1:8123/default): a scratch table with the
// collector ClickHouse exporter's otel_traces columns gets the generated data set, and the report
// must equal the DuckDB report of the same data. Skipped, with this reason, when no server answers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { decodeTraceRequestObject } from '../src/otlp/decode-json.js';
import type { SpanRow } from '../src/otlp/span-row.js';
import type { Report } from '../src/types.js';
import { generateRuns, toOtlpRequests } from './helpers/dataset.js';
import { runClitel } from './helpers/clitel-process.js';
import { CLICKHOUSE_SKIP_REASON, CLICKHOUSE_URL, clickhouseReachable } from './helpers/clickhouse-server.js';

const URL_ = CLICKHOUSE_URL;
const TABLE = `clitel_test_${process.pid}`;
const LAST_DAY = '2026-03-31';

const server = await clickhouseReachable('the clitel report --clickhouse server tests');

const q = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const map = (m: Record<string, string>): string => `map(${Object.entries(m).flatMap(([k, v]) => [q(k), q(v)]).join(', ') || ''})`;

function values(r: SpanRow): string {
  return `(fromUnixTimestamp64Nano(toInt64(${q(r.timestampNs.toString())})), ${q(r.traceId)}, ${q(r.spanId)}, '', '', ${q(r.spanName)}, ${q(r.spanKind)}, ${q(r.serviceName)},
    ${map(r.resourceAttributes)}, ${q(r.scopeName)}, ${q(r.scopeVersion)}, ${map(r.spanAttributes)}, ${r.durationNs.toString()}, ${q(r.statusCode)}, '', [], [], [])`;
}

describe.skipIf(!server)(`clitel report --clickhouse (${CLICKHOUSE_SKIP_REASON})`, () => {
  let client: ClickHouseClient;
  let dir: string;
  let rows: SpanRow[];

  beforeAll(async () => {
    client = createClient({ url: URL_ as string });
    dir = mkdtempSync(join(tmpdir(), 'clitel-clickhouse-'));
    const requests = toOtlpRequests(generateRuns({ lastDay: LAST_DAY, days: 14, installations: 30, spikeDay: 12 }));
    writeFileSync(join(dir, 'spans.json'), requests.map((r) => JSON.stringify(r)).join('\n'));
    await runClitel(['ingest', 'spans.json', '--db', 'c.duckdb'], { cwd: dir });
    rows = requests.flatMap((r) => decodeTraceRequestObject(r));
    await client.command({ query: `CREATE TABLE ${TABLE} (
      Timestamp DateTime64(9) CODEC(Delta, ZSTD(1)), TraceId String, SpanId String, ParentSpanId String, TraceState String,
      SpanName LowCardinality(String), SpanKind LowCardinality(String), ServiceName LowCardinality(String),
      ResourceAttributes Map(LowCardinality(String), String), ScopeName String, ScopeVersion String,
      SpanAttributes Map(LowCardinality(String), String), Duration UInt64, StatusCode LowCardinality(String), StatusMessage String,
      Events Nested (Timestamp DateTime64(9), Name LowCardinality(String), Attributes Map(LowCardinality(String), String))
    ) ENGINE = MergeTree PARTITION BY toDate(Timestamp) ORDER BY (ServiceName, SpanName, toDateTime(Timestamp))` });
    await client.command({ query: `INSERT INTO ${TABLE} VALUES ${rows.map(values).join(',\n')}` });
  });
  afterAll(async () => {
    await client?.command({ query: `DROP TABLE IF EXISTS ${TABLE}` });
    await client?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same report as the embedded store', async () => {
    const args = ['report', '--since', '14d', '--until', LAST_DAY, '--json'];
    const duck = JSON.parse((await runClitel([...args, '--db', 'c.duckdb'], { cwd: dir })).stdout) as Report;
    const ch = await runClitel([...args, '--clickhouse', URL_ as string, '--table', TABLE], { cwd: dir });
    expect(ch.stderr).toBe('');
    expect(JSON.parse(ch.stdout)).toEqual(duck);
    expect(duck.totals.runs).toBe(rows.length);
  });

  it('names a missing table clearly', async () => {
    const run = await runClitel(['report', '--clickhouse', URL_ as string, '--table', 'no_such_table', '--json'], { cwd: dir });
    expect(JSON.parse(run.stdout).error.code).toBe('clitel.clickhouse.query');
  });
});

describe('clitel report --clickhouse without a server', () => {
  it('fails clearly when nothing answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clitel-clickhouse-'));
    try {
      const run = await runClitel(['report', '--clickhouse', 'http://127.0.0.1:9/default', '--json'], { cwd: dir });
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout).error.code).toBe('clitel.clickhouse.unreachable');
      const bad = await runClitel(['report', '--clickhouse', 'tcp://127.0.0.1:9000', '--json'], { cwd: dir });
      expect(bad.code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
