// SPDX-License-Identifier: Apache-2.0
// `clitel dev` as a real process: what is sent over OTLP/HTTP is exactly what is stored.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { JsonMetricsSerializer, JsonTraceSerializer, ProtobufMetricsSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { openDuckDbStore } from '../src/store/duckdb-store.js';
import { sampleSpans } from './helpers/readable-spans.js';
import { usageMetrics } from './helpers/resource-metrics.js';
import { runClitel, startDev } from './helpers/clitel-process.js';

function exportWith(exporter: ProtoExporter | JsonExporter, spans: ReadableSpan[]): Promise<number> {
  return new Promise((resolve) => exporter.export(spans, (result) => resolve(result.code)));
}

describe('clitel dev', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'clitel-dev-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores exactly the spans sent in protobuf, JSON and gzip, once each', async () => {
    const dev = await startDev(dir, ['--db', 'spans.duckdb']);
    const protoSpans = sampleSpans(30, 1_790_000_000_000_000_000n);
    const jsonSpans = sampleSpans(12, 1_790_000_100_000_000_000n);
    const rawSpans = sampleSpans(5, 1_790_000_200_000_000_000n);
    const proto = new ProtoExporter({ url: `${dev.url}/v1/traces`, compression: 'gzip' as never });
    const json = new JsonExporter({ url: `${dev.url}/v1/traces` });
    expect(await exportWith(proto, protoSpans.slice(0, 20))).toBe(0);
    expect(await exportWith(proto, protoSpans.slice(20))).toBe(0);
    expect(await exportWith(json, jsonSpans)).toBe(0);
    expect(await exportWith(proto, protoSpans.slice(0, 5))).toBe(0); // a retry: already stored
    const body = gzipSync(Buffer.from(JsonTraceSerializer.serializeRequest(rawSpans) as Uint8Array));
    const raw = await fetch(`${dev.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body });
    expect(raw.status).toBe(200);
    expect(await raw.json()).toEqual({});
    await proto.shutdown();
    await json.shutdown();
    const stopped = await dev.stop();
    expect(stopped.code).toBe(0);
    expect(dev.events.filter((e) => e.event === 'span')).toHaveLength(52);
    expect(dev.events.at(-1)).toMatchObject({ event: 'stopped', spans: 47 });

    const store = await openDuckDbStore(join(dir, 'spans.duckdb'), { readOnly: true });
    const rows = await store.query(`SELECT "TraceId" AS t, "SpanId" AS s, "SpanName" AS n, CAST("Duration" AS VARCHAR) AS d, "StatusCode" AS c,
      "SpanAttributes"['clitel.command'] AS cmd, "ResourceAttributes"['service.version'] AS v, "Events.Name" AS ev FROM otel_traces ORDER BY t, s`);
    await store.close();
    const sent = [...protoSpans, ...jsonSpans, ...rawSpans].map((s) => ({
      t: s.traceId, s: s.spanId, n: s.name, d: String(BigInt(s.duration[0]) * 1_000_000_000n + BigInt(s.duration[1])),
      c: s.status.code === 2 ? 'Error' : 'Unset', cmd: String(s.attributes['clitel.command']), v: String(s.resource.attributes['service.version']),
      ev: s.events.map((e) => e.name),
    })).sort((a, b) => (a.t + a.s).localeCompare(b.t + b.s));
    expect(rows).toEqual(sent);
  });

  it('stores the sum and gauge points of usage counters once, and drops histograms', async () => {
    const dev = await startDev(dir, ['--db', 'm.duckdb']);
    const first = ProtobufMetricsSerializer.serializeRequest(usageMetrics('inst-a', 1_790_000_000_000, { parse: 12, format: 2 })) as Uint8Array;
    const second = JsonMetricsSerializer.serializeRequest(usageMetrics('inst-b', 1_790_000_060_000, { parse: 5 })) as Uint8Array;
    const post = (body: Uint8Array, type: string): Promise<Response> => fetch(`${dev.url}/v1/metrics`, { method: 'POST', headers: { 'content-type': type, 'content-encoding': 'gzip' }, body: gzipSync(body) });
    expect((await post(first, 'application/x-protobuf')).status).toBe(200);
    expect((await post(second, 'application/json')).status).toBe(200);
    expect((await post(first, 'application/x-protobuf')).status).toBe(200); // a retry
    await dev.stop();
    expect(dev.events.at(-1)).toMatchObject({ event: 'stopped', spans: 0, metricPoints: 7 });
    const store = await openDuckDbStore(join(dir, 'm.duckdb'), { readOnly: true });
    const sums = await store.query(`SELECT "ResourceAttributes"['clitel.installation.id'] AS inst, "Attributes"['clitel.function'] AS fn, sum("Value") AS calls
      FROM otel_metrics_sum WHERE "MetricName" = 'clitel.function.calls' GROUP BY ALL ORDER BY inst, fn`);
    const gauges = await store.query('SELECT "MetricName" AS name, "Value" AS value FROM otel_metrics_gauge ORDER BY "TimeUnix"');
    await store.close();
    expect(sums).toEqual([{ inst: 'inst-a', fn: 'format', calls: 2 }, { inst: 'inst-a', fn: 'parse', calls: 12 }, { inst: 'inst-b', fn: 'parse', calls: 5 }]);
    expect(gauges).toEqual([{ name: 'queue.depth', value: 2.5 }, { name: 'queue.depth', value: 2.5 }]);
  });

  it('answers bad requests as the OTLP spec says and keeps running', async () => {
    const dev = await startDev(dir, ['--db', 'x.duckdb']);
    const post = (path: string, type: string, body: Uint8Array | string): Promise<Response> =>
      fetch(`${dev.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
    expect((await post('/v1/traces', 'application/x-protobuf', Buffer.from([0x0a, 0x05, 0x01]))).status).toBe(400);
    expect((await post('/v1/traces', 'application/json', '{"resourceSpans": 3}')).status).toBe(400);
    expect((await post('/v1/traces', 'text/plain', 'hello')).status).toBe(415);
    expect((await post('/v1/nothing', 'application/json', '{}')).status).toBe(404);
    expect((await fetch(`${dev.url}/v1/traces`)).status).toBe(405);
    expect((await post('/v1/logs', 'application/json', '{"resourceLogs":[]}')).status).toBe(200);
    expect((await post('/v1/metrics', 'application/json', '{"resourceMetrics": {}}')).status).toBe(400);
    const gzipBroken = await fetch(`${dev.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'not gzip' });
    expect(gzipBroken.status).toBe(400);
    const ok = await post('/v1/traces', 'application/json', Buffer.from(JsonTraceSerializer.serializeRequest(sampleSpans(2)) as Uint8Array));
    expect(ok.status).toBe(200);
    const stopped = await dev.stop();
    expect(stopped.code).toBe(0);
    expect(dev.events.filter((e) => e.event === 'rejected').map((e) => e.status)).toEqual([400, 400, 415, 404, 200, 400, 400]);
    expect(dev.events.at(-1)).toMatchObject({ event: 'stopped', spans: 2 });
  });

  it('fails clearly when the port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = await runClitel(['dev', '--port', String(port), '--db', 'x.duckdb', '--json'], { cwd: dir });
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout.trim().split('\n').at(-1) as string).error.code).toBe('clitel.dev.port-in-use');
      expect(run.stderr).toContain(`port ${port}`);
    } finally {
      blocker.close();
    }
  });

  it('gives clear errors for a missing, corrupt or busy database', async () => {
    const missing = await runClitel(['report', '--db', 'nope.duckdb', '--json'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).error.code).toBe('clitel.store.missing');
    writeFileSync(join(dir, 'bad.duckdb'), 'this is not a database');
    const corrupt = await runClitel(['report', '--db', 'bad.duckdb', '--json'], { cwd: dir });
    expect(JSON.parse(corrupt.stdout).error.code).toBe('clitel.store.corrupt');
    const dev = await startDev(dir, ['--db', 'busy.duckdb']);
    const busy = await runClitel(['report', '--db', 'busy.duckdb', '--json'], { cwd: dir });
    await dev.stop();
    expect(JSON.parse(busy.stdout).error.code).toBe('clitel.store.locked');
    expect(busy.stderr).toMatch(/^clitel: /);
  });
});
