// SPDX-License-Identifier: Apache-2.0
// `clitel forget --clickhouse` on the real ClickHouse engine (chDB behind its HTTP interface, see
// helpers/chdb-server.ts), on the tables the collector ClickHouse exporter v0.161.0 creates (spans,
// the trace id lookup fed by its materialized view, the five metric tables): rows of two
// installations go in as the exporter writes them, one is forgotten. Exact counts per table, no
// row of it left in any table, the other untouched, the id only ever a bound parameter, and a
// second run deletes nothing. Skipped, with one line saying how to install chDB, when it is
// missing; failed instead under CLITEL_REQUIRE_REAL=1. What needs a server that answers in ways
// the engine does not (deletes applied in the background) is in forget-clickhouse-wire.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { ATTR_CLITEL_INSTALLATION_ID } from '@clitel/core/internal';
import { runClitel } from './helpers/clitel-process.js';
import { chdbAvailable, exporterDdl, startChdbServer, type ChdbServer } from './helpers/chdb-server.js';
import { nanosText } from './helpers/exporter-rows.js';

const engine = chdbAvailable('the clitel forget --clickhouse tests on the real engine');
const A = '0b6f0c1e-4c9a-4f51-9d8e-2f4b7c1d2e3f';
const B = '7d1e2f3a-0000-4000-8000-00000000000b';
const METRIC_TABLES = ['otel_metrics_sum', 'otel_metrics_gauge', 'otel_metrics_histogram', 'otel_metrics_exponential_histogram', 'otel_metrics_summary'] as const;
/** Rows per installation and table. */
const ROWS: Record<string, Record<string, number>> = {
  otel_traces: { [A]: 5, [B]: 3 },
  otel_metrics_sum: { [A]: 4, [B]: 2 },
  otel_metrics_gauge: { [A]: 2, [B]: 1 },
  otel_metrics_histogram: { [A]: 3, [B]: 1 },
  otel_metrics_exponential_histogram: { [A]: 1, [B]: 2 },
  otel_metrics_summary: { [A]: 2, [B]: 1 },
};
// The exporter's tables keep 30 days (TTL): the rows are from today.
const NOW_NS = BigInt(Date.now()) * 1_000_000n;
const resource = (id: string): Record<string, string> => ({ 'service.name': 'acme', 'service.version': '1.4.0', [ATTR_CLITEL_INSTALLATION_ID]: id });
const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** Spans as the exporter writes them; A's carry events and links. */
function spanRows(): Record<string, unknown>[] {
  let n = 0;
  return Object.entries(ROWS.otel_traces as Record<string, number>).flatMap(([id, count]) => Array.from({ length: count }, () => {
    n += 1;
    const at = nanosText(NOW_NS - BigInt(n) * 60_000_000_000n);
    const mine = id === A;
    return {
      Timestamp: at, TraceId: hex(n, 32), SpanId: hex(n, 16), ParentSpanId: '', TraceState: '', SpanName: 'acme deploy', SpanKind: 'Internal',
      ServiceName: 'acme', ResourceAttributes: resource(id), ScopeName: '@clitel/core', ScopeVersion: '0.1.0', SpanAttributes: { 'clitel.command': 'deploy' },
      Duration: '1000000', StatusCode: 'Unset', StatusMessage: '',
      'Events.Timestamp': mine ? [at] : [], 'Events.Name': mine ? ['exception'] : [], 'Events.Attributes': mine ? [{ 'exception.type': 'E' }] : [],
      'Links.TraceId': mine ? [hex(99, 32)] : [], 'Links.SpanId': mine ? [hex(99, 16)] : [], 'Links.TraceState': mine ? [''] : [], 'Links.Attributes': mine ? [{}] : [],
    };
  }));
}

/** Metric rows with the columns every metric table has (the rest take their defaults). */
function metricRows(counts: Readonly<Record<string, number>>): Record<string, unknown>[] {
  return Object.entries(counts).flatMap(([id, count]) => Array.from({ length: count }, (_, i) => ({
    ResourceAttributes: resource(id), ServiceName: 'acme', MetricName: 'clitel.function.calls', Attributes: { 'clitel.function': `f${i}` },
    StartTimeUnix: nanosText(NOW_NS - 600_000_000_000n).slice(0, 19), TimeUnix: nanosText(NOW_NS - BigInt(i) * 1_000_000_000n).slice(0, 19),
  })));
}

interface ForgetJson { installation: string; deleted: number; database: string; tables: { table: string; deleted?: number; skipped?: string; remaining?: number }[] }

describe.skipIf(!engine)('clitel forget --clickhouse on the ClickHouse engine (chDB), exporter v0.161.0 tables', () => {
  let server: ChdbServer;
  let client: ClickHouseClient;
  let dir: string;
  let url: string;

  async function n(query: string, params: Record<string, unknown> = {}): Promise<number> {
    const rows = await (await client.query({ query, query_params: params, format: 'JSONEachRow' })).json<{ n: string }>();
    return Number(rows[0]?.n);
  }
  /** Rows of `id` in `table` (the lookup table through the spans' trace ids). */
  function count(table: string, id: string): Promise<number> {
    const where = table === 'otel_traces_trace_id_ts'
      ? `TraceId IN (SELECT TraceId FROM clitel.otel_traces WHERE ResourceAttributes[{key:String}] = {id:String})`
      : 'ResourceAttributes[{key:String}] = {id:String}';
    return n(`SELECT count() AS n FROM clitel.${table} WHERE ${where}`, { key: ATTR_CLITEL_INSTALLATION_ID, id });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clitel-forget-ch-'));
    server = await startChdbServer(join(dir, 'chdb'));
    url = `${server.url}/clitel`;
    client = createClient({ url: server.url });
    for (const query of exporterDdl()) await client.command({ query });
    const settings = { session_timezone: 'UTC' };
    await client.insert({ table: 'clitel.otel_traces', values: spanRows(), format: 'JSONEachRow', clickhouse_settings: settings });
    for (const table of METRIC_TABLES) await client.insert({ table: `clitel.${table}`, values: metricRows(ROWS[table] as Record<string, number>), format: 'JSONEachRow', clickhouse_settings: settings });
  });
  afterAll(async () => {
    await client?.close();
    await server?.stop();
    if (dir != null) rmSync(dir, { recursive: true, force: true });
  });

  it('has the rows it was given, the lookup table filled by the exporter\'s view', async () => {
    for (const [table, counts] of Object.entries(ROWS)) for (const [id, rows] of Object.entries(counts)) expect(await count(table, id), `${table} ${id}`).toBe(rows);
    expect(await count('otel_traces_trace_id_ts', A)).toBe(ROWS.otel_traces?.[A]);
    expect(await count('otel_traces_trace_id_ts', B)).toBe(ROWS.otel_traces?.[B]);
  });

  it('deletes every row of one installation, counted per table, with the id only as a parameter, and leaves the other', async () => {
    const before = server.requests.length;
    const run = await runClitel(['forget', A.toUpperCase(), '--clickhouse', url.replace('http://', 'http://forgetter:s3cret@'), '--json'], { cwd: dir });
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
      { table: 'otel_metrics_summary', deleted: 2 },
    ]);
    expect(result).toMatchObject({ installation: A, deleted: 22, database: 'clitel' });

    const sent = server.requests.slice(before);
    expect(sent.filter((r) => r.error != null)).toEqual([]);
    for (const request of sent) {
      expect(request.sql).not.toContain(A);
      expect(Buffer.from(request.auth.replace(/^Basic /, ''), 'base64').toString('utf8')).toBe('forgetter:s3cret');
      if (!request.sql.includes('system.columns')) expect(request.params).toEqual({ key: ATTR_CLITEL_INSTALLATION_ID, id: A });
    }
    const deletes = sent.filter((r) => !r.sql.startsWith('SELECT'));
    expect(deletes.map((r) => r.sql.split(' WHERE ')[0])).toEqual([
      'ALTER TABLE `clitel`.`otel_traces_trace_id_ts` DELETE',
      ...['otel_traces', ...METRIC_TABLES].map((table) => `DELETE FROM \`clitel\`.\`${table}\``),
    ]);
    expect(deletes[0]?.settings).toMatchObject({ mutations_sync: '2', allow_nondeterministic_mutations: '1' });

    // Nothing of A anywhere in the database, whatever the column; B's rows all there.
    const tables = await (await client.query({ query: "SELECT name FROM system.tables WHERE database = 'clitel' AND engine LIKE '%MergeTree' ORDER BY name", format: 'JSONEachRow' })).json<{ name: string }>();
    expect(tables.map((t) => t.name)).toEqual([...METRIC_TABLES, 'otel_traces', 'otel_traces_trace_id_ts'].sort());
    for (const { name } of tables) {
      const dump = await (await client.query({ query: `SELECT * FROM clitel.${name}`, format: 'JSONEachRow' })).text();
      expect(dump, name).not.toContain(A);
      if (name in ROWS) expect(await count(name, B), name).toBe(ROWS[name]?.[B]);
    }
    const traceIds = await n('SELECT count() AS n FROM clitel.otel_traces_trace_id_ts');
    expect(traceIds).toBe(ROWS.otel_traces?.[B]);
    expect(await n(`SELECT count() AS n FROM clitel.otel_traces_trace_id_ts WHERE TraceId IN (${[1, 2, 3, 4, 5].map((i) => `'${hex(i, 32)}'`).join(', ')})`)).toBe(0);

    const again = await runClitel(['forget', A, '--clickhouse', url, '--json'], { cwd: dir });
    const second = JSON.parse(again.stdout) as ForgetJson;
    expect(second.deleted).toBe(0);
    expect(second.tables.map((t) => t.deleted)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('honours --database and --table, and skips a table in the exporter\'s json layout and the missing ones', async () => {
    const ddl = exporterDdl().filter((s) => /otel_traces|DATABASE/.test(s)).map((s) => s.replace(/"clitel"/g, '"telemetry"').replace(/otel_traces/g, 'spans'));
    for (const query of ddl) await client.command({ query });
    await client.command({ query: 'CREATE TABLE telemetry.otel_metrics_sum (ResourceAttributes JSON, MetricName String) ENGINE = MergeTree ORDER BY MetricName' });
    const rows = spanRows().map((r) => ({ ...r, ResourceAttributes: resource(A) })).slice(0, 2);
    await client.insert({ table: 'telemetry.spans', values: rows, format: 'JSONEachRow', clickhouse_settings: { session_timezone: 'UTC' } });
    const run = await runClitel(['forget', A, '--clickhouse', `${server.url}/elsewhere`, '--database', 'telemetry', '--table', 'spans', '--user', 'u', '--password', 'p'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe([
      `Deleted 4 rows of installation ${A} from ClickHouse ${server.url}/elsewhere, database telemetry:`,
      '  spans_trace_id_ts         2',
      '  spans                     2',
      '',
    ].join('\n'));
    const skipped = run.stderr.trim().split('\n');
    expect(skipped).toHaveLength(5);
    expect(skipped[0]).toMatch(/^clitel: skipped otel_metrics_sum: otel_metrics_sum\.ResourceAttributes is JSON, not a Map/);
    expect(skipped.slice(1).every((line) => /^clitel: skipped otel_metrics_\w+: no table telemetry\.otel_metrics_\w+$/.test(line))).toBe(true);
    expect(await n('SELECT (SELECT count() FROM telemetry.spans) + (SELECT count() FROM telemetry.spans_trace_id_ts) AS n')).toBe(0);
  });

  it('names the database when it holds none of the exporter tables', async () => {
    const run = await runClitel(['forget', A, '--clickhouse', url, '--database', 'default', '--json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).error.code).toBe('clitel.clickhouse.no-tables');
    expect(run.stderr).toContain('in database default');
    const missing = await runClitel(['forget', A, '--clickhouse', url, '--database', 'nope'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^clitel: ClickHouse at http:\/\/127\.0\.0\.1:\d+\/clitel refused a forget query: .*Database nope does not exist.*\n$/);
  });
});
