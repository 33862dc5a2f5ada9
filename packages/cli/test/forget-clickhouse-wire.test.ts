// SPDX-License-Identifier: Apache-2.0
// `clitel forget --clickhouse` as a real process, without a ClickHouse server: argument checks, an
// unreachable server, and what goes over the wire to a stand-in of the HTTP interface (the id only
// as a bound parameter, the statement order, skipped tables, counts and idempotence).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runClitel } from './helpers/clitel-process.js';
import { startClickHouseStandIn, type ClickHouseStandIn, type StandInTable } from './helpers/clickhouse-stand-in.js';

const A = '0b6f0c1e-4c9a-4f51-9d8e-2f4b7c1d2e3f';
const B = '7d1e2f3a-0000-4000-8000-00000000000b';
const MAP = 'Map(LowCardinality(String), String)';

function exporterTables(): Record<string, StandInTable> {
  const metrics = (a: number, b: number): StandInTable => ({ columns: { ResourceAttributes: MAP, MetricName: 'String' }, rows: { [A]: a, [B]: b } });
  return {
    otel_traces: { columns: { Timestamp: 'DateTime64(9)', TraceId: 'String', ResourceAttributes: MAP }, rows: { [A]: 5, [B]: 3 } },
    otel_traces_trace_id_ts: { columns: { TraceId: 'String', Start: 'SimpleAggregateFunction(min, DateTime)', End: 'SimpleAggregateFunction(max, DateTime)' }, rows: { [A]: 5, [B]: 3 } },
    otel_metrics_sum: metrics(4, 2),
    otel_metrics_gauge: metrics(2, 1),
    otel_metrics_histogram: metrics(3, 1),
    otel_metrics_exponential_histogram: metrics(1, 2),
  };
}

interface ForgetJson { installation: string; deleted: number; database: string; clickhouse: string; tables: { table: string; deleted?: number; skipped?: string; remaining?: number }[] }

describe('clitel forget --clickhouse (no server needed)', () => {
  let dir: string;
  let standIn: ClickHouseStandIn | undefined;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'clitel-forget-ch-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
  });

  it('rejects a malformed id, URL, database or table before connecting', async () => {
    const cases: string[][] = [
      ['forget', 'not-a-uuid', '--clickhouse', 'http://127.0.0.1:9'],
      ['forget', `${A}' OR 1=1`, '--clickhouse', 'http://127.0.0.1:9'],
      ['forget', A, '--clickhouse', 'tcp://127.0.0.1:9000'],
      ['forget', A, '--clickhouse', 'not a url'],
      ['forget', A, '--clickhouse', 'http://127.0.0.1:9', '--database', 'a`b'],
      ['forget', A, '--clickhouse', 'http://127.0.0.1:9/a.b'],
      ['forget', A, '--clickhouse', 'http://127.0.0.1:9', '--table', 'x;DROP'],
      ['forget', A, '--clickhouse', 'http://127.0.0.1:9', '--db', 'f.duckdb'],
      ['forget', A, '--database', 'clitel'],
      ['forget', A, '--user', 'someone'],
    ];
    for (const args of cases) {
      const run = await runClitel([...args, '--json'], { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(JSON.parse(run.stdout).error.code, args.join(' ')).toBe('clitel.cli.usage');
    }
  });

  it('fails in one line when nothing answers', async () => {
    const run = await runClitel(['forget', A, '--clickhouse', 'http://user:secret@127.0.0.1:9/clitel'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^clitel: cannot reach ClickHouse at http:\/\/127\.0\.0\.1:9\/clitel \(.+\)\n$/);
    expect(run.stderr).not.toContain('secret');
  });

  it('deletes per table in order, with the id only as a parameter, then deletes nothing', async () => {
    standIn = await startClickHouseStandIn('clitel', exporterTables());
    const url = `${standIn.url.replace('http://', 'http://forgetter:s3cret@')}/clitel`;
    const first = await runClitel(['forget', A.toUpperCase(), '--clickhouse', url, '--json'], { cwd: dir });
    expect(first.stderr).toBe('');
    const result = JSON.parse(first.stdout) as ForgetJson;
    expect(result).toMatchObject({ installation: A, deleted: 20, database: 'clitel', clickhouse: `${standIn.url}/clitel` });
    expect(result.tables).toEqual([
      { table: 'otel_traces_trace_id_ts', deleted: 5 },
      { table: 'otel_traces', deleted: 5 },
      { table: 'otel_metrics_sum', deleted: 4 },
      { table: 'otel_metrics_gauge', deleted: 2 },
      { table: 'otel_metrics_histogram', deleted: 3 },
      { table: 'otel_metrics_exponential_histogram', deleted: 1 },
      { table: 'otel_metrics_summary', skipped: 'no table clitel.otel_metrics_summary' },
    ]);
    for (const request of standIn.requests) {
      expect(request.sql).not.toContain(A);
      expect(request.auth).toBe('forgetter:s3cret');
      if (request.sql.includes('system.columns')) continue;
      expect(request.params).toEqual({ key: 'clitel.installation.id', id: A });
    }
    const deletes = standIn.requests.filter((r) => !r.sql.startsWith('SELECT'));
    expect(deletes.map((r) => r.sql.split(' WHERE ')[0])).toEqual([
      'ALTER TABLE `clitel`.`otel_traces_trace_id_ts` DELETE',
      'DELETE FROM `clitel`.`otel_traces`',
      'DELETE FROM `clitel`.`otel_metrics_sum`',
      'DELETE FROM `clitel`.`otel_metrics_gauge`',
      'DELETE FROM `clitel`.`otel_metrics_histogram`',
      'DELETE FROM `clitel`.`otel_metrics_exponential_histogram`',
    ]);
    expect(deletes[0]?.settings).toMatchObject({ mutations_sync: '2', allow_nondeterministic_mutations: '1' });
    for (const [name, table] of Object.entries(standIn.tables)) {
      expect(table.rows[A], name).toBe(0);
      expect(table.rows[B], name).toBe(exporterTables()[name]?.rows[B]);
    }
    const before = standIn.requests.length;
    const again = JSON.parse((await runClitel(['forget', A, '--clickhouse', url, '--json'], { cwd: dir })).stdout) as ForgetJson;
    expect(again.deleted).toBe(0);
    expect(again.tables.filter((t) => t.skipped == null).every((t) => t.deleted === 0)).toBe(true);
    expect(standIn.requests.slice(before).every((r) => r.sql.startsWith('SELECT'))).toBe(true);
  });

  it('prints a table, names skipped tables on stderr, and honours --database, --table and --user', async () => {
    const tables = exporterTables();
    standIn = await startClickHouseStandIn('telemetry', {
      spans: tables.otel_traces as StandInTable,
      spans_trace_id_ts: tables.otel_traces_trace_id_ts as StandInTable,
      otel_metrics_sum: { columns: { ResourceAttributes: 'JSON' }, rows: { [A]: 4 } },
    });
    const run = await runClitel(['forget', A, '--clickhouse', `${standIn.url}/elsewhere`, '--database', 'telemetry', '--table', 'spans', '--user', 'u', '--password', 'p'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(new Set(standIn.requests.map((r) => r.auth))).toEqual(new Set(['u:p']));
    expect(run.stdout).toBe([
      `Deleted 10 rows of installation ${A} from ClickHouse ${standIn.url}/elsewhere, database telemetry:`,
      '  spans_trace_id_ts         5',
      '  spans                     5',
      '',
    ].join('\n'));
    const skipped = run.stderr.trim().split('\n');
    expect(skipped).toHaveLength(5);
    expect(skipped[0]).toMatch(/^clitel: skipped otel_metrics_sum: otel_metrics_sum\.ResourceAttributes is JSON, not a Map/);
    expect(skipped.slice(1).every((line) => /^clitel: skipped otel_metrics_\w+: no table telemetry\.otel_metrics_\w+$/.test(line))).toBe(true);
  });

  it('says which rows are still visible when the server deletes in the background', async () => {
    standIn = await startClickHouseStandIn('default', { otel_metrics_gauge: { columns: { ResourceAttributes: MAP }, rows: { [A]: 2 } } }, { lagging: true });
    const run = await runClitel(['forget', A, '--clickhouse', standIn.url], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('clitel: 2 rows of otel_metrics_gauge are still visible');
    const json = JSON.parse((await runClitel(['forget', A, '--clickhouse', standIn.url, '--json'], { cwd: dir })).stdout) as ForgetJson;
    expect(json.tables.find((t) => t.table === 'otel_metrics_gauge')).toEqual({ table: 'otel_metrics_gauge', deleted: 2, remaining: 2 });
  });

  it('names the database when none of the exporter tables are in it', async () => {
    standIn = await startClickHouseStandIn('clitel', exporterTables());
    const run = await runClitel(['forget', A, '--clickhouse', standIn.url, '--json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).error.code).toBe('clitel.clickhouse.no-tables');
    expect(run.stderr).toContain('in database default');
  });
});
