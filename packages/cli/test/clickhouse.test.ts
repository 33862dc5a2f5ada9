// SPDX-License-Identifier: Apache-2.0
// `clitel report --clickhouse` on the real ClickHouse engine (chDB behind its HTTP interface, see
// helpers/chdb-server.ts): the tables are created with the DDL the collector ClickHouse exporter
// v0.161.0 creates, the generated data set goes into clitel.otel_traces as the exporter writes
// it, and the report must equal the DuckDB report of the same data. Skipped, with one line saying
// how to install chDB, when it is missing; failed instead under CLITEL_REQUIRE_REAL=1.
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
import { chdbAvailable, exporterDdl, startChdbServer, type ChdbServer } from './helpers/chdb-server.js';
import { exporterSpanRow } from './helpers/exporter-rows.js';

// The exporter's tables keep 30 days (TTL), so the data set ends today.
const LAST_DAY = new Date().toISOString().slice(0, 10);
const dayOffset = (n: number): number => Date.parse(`${LAST_DAY}T00:00:00Z`) + n * 86_400_000;

const str = (key: string, value: string): object => ({ key, value: { stringValue: value } });
/** One command span of `acme` (or `service`) at `ms`, with extra span attributes. */
function edgeSpan(ms: number, command: string | undefined, extra: object[], status = 0): object {
  const start = BigInt(ms) * 1_000_000n;
  return {
    traceId: (ms.toString(16) + 'e'.repeat(32)).slice(0, 32), spanId: (ms.toString(16) + 'f'.repeat(16)).slice(0, 16), name: `acme ${command ?? 'heartbeat'}`, kind: 1,
    startTimeUnixNano: start.toString(), endTimeUnixNano: (start + 123_456_789n).toString(),
    attributes: [...(command != null ? [str('clitel.command', command)] : []), ...extra], events: [], status: { code: status },
  };
}
/** Rows the generated data set lacks: sampling, odd text, missing keys, other tools, rows outside the window. */
function edgeRequests(): object[] {
  const resource = (attrs: object[]): object => ({ attributes: attrs });
  const base = [str('service.name', 'acme'), str('os.type', 'linux'), str('host.arch', 'arm64'), str('process.runtime.name', 'nodejs')];
  const request = (attrs: object[], spans: object[]): object => ({ resourceSpans: [{ resource: resource(attrs), scopeSpans: [{ scope: { name: '@clitel/core', version: '0.1.0' }, spans }] }] });
  const sampled = '00000000-0000-4000-8000-00000000e001';
  return [
    request([...base, str('service.version', '1.4.0'), str('process.runtime.version', '22'), str('clitel.installation.id', sampled), { key: 'clitel.ci', value: { boolValue: false } }], [
      edgeSpan(dayOffset(-1) + 1_000, 'deploy', [{ key: 'clitel.sample_rate', value: { doubleValue: 0.25 } }, str('clitel.option.env', 'it\'s "quoted" \\ back\\slash ü')]),
      edgeSpan(dayOffset(-1) + 2_000, 'deploy', [{ key: 'clitel.sample_rate', value: { doubleValue: 0.5 } }, { key: 'clitel.options', value: { arrayValue: { values: [{ stringValue: 'env' }, { stringValue: "o'dd" }] } } }]),
      edgeSpan(dayOffset(-2) + 3_000, 'greet', [{ key: 'clitel.sample_rate', value: { doubleValue: 7 } }, str('error.type', "it's\\bad")], 2),
      edgeSpan(dayOffset(-3) + 4_000, 'init', [str('clitel.sample_rate', 'not a number')]),
      edgeSpan(dayOffset(-3) + 5_000, undefined, []),
      edgeSpan(dayOffset(-20) + 6_000, 'deploy', []),
      edgeSpan(dayOffset(1) + 7_000, 'deploy', []),
    ]),
    request([...base], [edgeSpan(dayOffset(-4) + 8_000, 'init', [])]),
    request([str('service.name', 'other'), str('service.version', '9.0.0'), str('clitel.installation.id', sampled)], [edgeSpan(dayOffset(-4) + 9_000, 'x', [])]),
  ];
}
const engine = chdbAvailable('the clitel report --clickhouse tests on the real engine');

describe.skipIf(!engine)('clitel report --clickhouse on the ClickHouse engine (chDB), exporter v0.161.0 tables', () => {
  let server: ChdbServer;
  let client: ClickHouseClient;
  let dir: string;
  let rows: SpanRow[];
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clitel-clickhouse-'));
    server = await startChdbServer(join(dir, 'chdb'));
    url = `${server.url}/clitel`;
    client = createClient({ url: server.url });
    for (const query of exporterDdl()) await client.command({ query });
    const requests = [...toOtlpRequests(generateRuns({ lastDay: LAST_DAY, days: 14, installations: 30, spikeDay: 12 })), ...edgeRequests()];
    writeFileSync(join(dir, 'spans.json'), requests.map((r) => JSON.stringify(r)).join('\n'));
    await runClitel(['ingest', 'spans.json', '--db', 'c.duckdb'], { cwd: dir });
    rows = requests.flatMap((r) => decodeTraceRequestObject(r));
    await client.insert({ table: 'clitel.otel_traces', values: rows.map(exporterSpanRow), format: 'JSONEachRow', clickhouse_settings: { session_timezone: 'UTC' } });
  });
  afterAll(async () => {
    await client?.close();
    await server?.stop();
    if (dir != null) rmSync(dir, { recursive: true, force: true });
  });

  it('holds every span, and the trace id lookup is filled by the exporter\'s view', async () => {
    const counts = await (await client.query({ query: 'SELECT (SELECT count() FROM clitel.otel_traces) AS spans, (SELECT count() FROM clitel.otel_traces_trace_id_ts) AS traces', format: 'JSONEachRow' })).json<{ spans: string; traces: string }>();
    expect(Number(counts[0]?.spans)).toBe(rows.length);
    expect(Number(counts[0]?.traces)).toBe(new Set(rows.map((r) => r.traceId)).size);
  });

  it('gives the same report as the embedded store', async () => {
    const args = ['report', '--since', '14d', '--until', LAST_DAY, '--json'];
    const duck = JSON.parse((await runClitel([...args, '--db', 'c.duckdb'], { cwd: dir })).stdout) as Report;
    const before = server.requests.length;
    const ch = await runClitel([...args, '--clickhouse', url], { cwd: dir });
    expect(ch.stderr).toBe('');
    expect(JSON.parse(ch.stdout)).toEqual(duck);
    // Every generated span, plus the edge spans in the window: weights 4 + 2 + 1 (rate 7 and a non-number count once) + 1 + 1.
    const inWindow = rows.filter((r) => r.serviceName === 'acme' && r.spanAttributes['clitel.command'] != null && r.timestampNs >= BigInt(dayOffset(-13)) * 1_000_000n && r.timestampNs < BigInt(dayOffset(1)) * 1_000_000n);
    expect(duck.totals.runs).toBe(inWindow.length + 3 + 1);
    expect(duck.services).toEqual(['acme', 'other']);
    const sent = server.requests.slice(before);
    expect(sent.filter((r) => r.error != null)).toEqual([]);
    expect(sent.length).toBeGreaterThan(15);
    expect(sent.every((r) => r.database === 'clitel')).toBe(true);
  });

  it('reads a table given by --table, qualified or not', async () => {
    const args = ['report', '--since', '14d', '--until', LAST_DAY, '--json'];
    const plain = JSON.parse((await runClitel([...args, '--clickhouse', url], { cwd: dir })).stdout) as Report;
    const qualified = await runClitel([...args, '--clickhouse', server.url, '--table', 'clitel.otel_traces'], { cwd: dir });
    expect(qualified.stderr).toBe('');
    expect(JSON.parse(qualified.stdout)).toEqual(plain);
  });

  it('names a missing table clearly', async () => {
    const run = await runClitel(['report', '--clickhouse', url, '--table', 'no_such_table', '--json'], { cwd: dir });
    expect(run.code).toBe(1);
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
