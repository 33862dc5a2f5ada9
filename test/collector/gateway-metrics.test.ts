// SPDX-License-Identifier: Apache-2.0
// The client metrics pipeline (metrics/clients) of the committed acme base.yaml in the real
// collector: real library usage counters from core and service heartbeats pass unchanged (their
// description aside); other names, other services, foreign keys in every location, injected
// redaction.* keys, ids at the wrong level, exemplars and secrets do not come out.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTR_CLITEL_FUNCTION, METRIC_FUNCTION_CALLS, METRIC_MODULE_LOADS } from '@clitel/core/internal';
import { REPO } from '../helpers/run-cli.js';
import { encodeProtobuf } from '../helpers/otlp-decode.js';
import { hexId, kv, outPoints, type Attrs, type OutPoint } from '../helpers/otlp-build.js';
import { post, readLines, skipWithoutCollector, startGateway, until, type GatewayFiles, type RunningCollector } from '../helpers/otelcol.js';
import { SECRETS } from '../helpers/secrets.js';

const skip = skipWithoutCollector('the collector gateway corpus (client metrics)');
const PRIVATE = 'zq-alice-laptop';
const temp = mkdtempSync(join(tmpdir(), 'clitel-gateway-metrics-'));

/** Real usage counters: a child process calls core's startUsage in debug mode and prints the request. */
function realUsage(): Record<string, unknown> {
  const home = mkdtempSync(join(temp, 'home-'));
  const script = `import { startUsage } from '@clitel/core';
startUsage({ toolName: 'acme', toolVersion: '2.0.1', endpoint: 'http://127.0.0.1:9/', schema: { tool: 'acme', commands: {} } }, () => [{ name: '${METRIC_FUNCTION_CALLS}', value: 3, attributes: { '${ATTR_CLITEL_FUNCTION}': 'parse' } }]);`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(REPO, 'packages/cli'),
    env: { PATH: process.env.PATH ?? '', CLITEL_DEBUG: '1', CI: 'true', HOME: home, XDG_STATE_HOME: join(home, 'state'), XDG_CONFIG_HOME: join(home, 'config') },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const line = child.stderr.split('\n').find((l) => l.startsWith('{"resourceMetrics"'));
  if (line == null) throw new Error(`no metrics in the child's debug output: ${child.stderr}`);
  return JSON.parse(line) as Record<string, unknown>;
}

/** A sum metric with one point per attribute map; `tag` (the start time) finds the points again. */
function sum(name: string, tag: number, points: Attrs[], extra: Record<string, unknown> = {}, pointExtra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, unit: '{call}', sum: { aggregationTemporality: 1, isMonotonic: true, dataPoints: points.map((p) => ({ attributes: kv(p), startTimeUnixNano: String(1_700_000_000_000_000_000n + BigInt(tag)), timeUnixNano: '1700000005000000000', asInt: '1', ...pointExtra })) }, ...extra };
}

function request(resource: Attrs, metrics: Record<string, unknown>[], scope: Record<string, unknown> = { name: '@clitel/service', version: '0.1.0' }, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { resourceMetrics: [{ resource: { attributes: kv(resource) }, scopeMetrics: [{ scope, metrics, ...(extra.scopeSchemaUrl ? { schemaUrl: extra.scopeSchemaUrl } : {}) }], ...(extra.schemaUrl ? { schemaUrl: extra.schemaUrl } : {}) }] };
}

const SERVICE_RESOURCE: Attrs = {
  'service.name': 'acme', 'service.version': '1.4.2', 'telemetry.sdk.name': 'opentelemetry', 'telemetry.sdk.language': 'nodejs', 'telemetry.sdk.version': '2.12.1',
  'telemetry.distro.name': 'clitel', 'telemetry.distro.version': '0.1.0', 'os.type': 'linux', 'os.version': '6.1', 'host.arch': 'amd64',
  'process.runtime.name': 'nodejs', 'process.runtime.version': '20.20.2', 'clitel.session.id': hexId(8), 'clitel.installation.id': randomUUID(), 'clitel.edition': 'enterprise',
};

const usage = realUsage();
const requests: { body: Record<string, unknown>; proto: boolean }[] = [
  { body: usage, proto: false },
  { body: usage, proto: true },
  // Heartbeats as packages/service/src/sdk.ts builds them (tags 1–4).
  { body: request(SERVICE_RESOURCE, [
    { ...sum('clitel.service.heartbeats', 1, [{}]), unit: '{heartbeat}', description: 'Heartbeats sent by this process' },
    { name: 'clitel.service.uptime', unit: 's', gauge: { dataPoints: [{ startTimeUnixNano: String(1_700_000_000_000_000_002n), timeUnixNano: '1700000005000000000', asDouble: 12.5 }] } },
    { ...sum('clitel.service.count', 3, ['<1', '1-10', '>=1000'].map((b) => ({ 'clitel.count.name': 'users', 'clitel.count.bucket': b }))), unit: '' },
    { ...sum('clitel.service.errors', 4, [{ 'error.type': 'TypeError' }, { 'error.type': '_OTHER' }]), unit: '{error}' },
  ]), proto: false },
  // Other names, other services, other distros (tags 10–13): dropped.
  { body: request(SERVICE_RESOURCE, ['clitel.run.calls', 'http.server.duration', 'clitel.function.calls.total'].map((n) => sum(n, 10, [{}]))), proto: false },
  { body: request({ ...SERVICE_RESOURCE, 'service.name': 'other-service' }, [sum(METRIC_FUNCTION_CALLS, 11, [{ [ATTR_CLITEL_FUNCTION]: 'parse' }])]), proto: true },
  { body: request({ ...SERVICE_RESOURCE, 'telemetry.distro.name': 'other' }, [sum(METRIC_FUNCTION_CALLS, 12, [{ [ATTR_CLITEL_FUNCTION]: 'parse' }])]), proto: false },
  { body: request(SERVICE_RESOURCE, [sum(METRIC_FUNCTION_CALLS, 13, [{ [ATTR_CLITEL_FUNCTION]: 'parse' }], {}, { exemplars: [{ timeUnixNano: '1700000001000000000', asInt: '1', traceId: hexId(16), spanId: hexId(8), filteredAttributes: kv({ user: PRIVATE }) }] })]), proto: true },
  // Every location of a hostile request (tag 20), JSON and protobuf.
  ...[false, true].map((proto) => ({
    body: request(
      { ...SERVICE_RESOURCE, 'host.name': PRIVATE, 'custom.thing': PRIVATE, 'redaction.masked.keys': PRIVATE, 'clitel.function': PRIVATE, 'clitel.installation.id': `${PRIVATE}-id`, 'os.type': { kvlist: { user: PRIVATE } } },
      [sum(METRIC_FUNCTION_CALLS, 20, [{ [ATTR_CLITEL_FUNCTION]: 'parse', 'user.email': PRIVATE, 'redaction.masked.count': 4, 'redaction.redacted.keys': PRIVATE, 'clitel.session.id': PRIVATE, 'clitel.installation.id': randomUUID(), 'clitel.count.name': [PRIVATE], 'k': PRIVATE }], { description: `calls of ${PRIVATE}`, unit: `{${PRIVATE}}` })],
      { name: `${PRIVATE}-scope`, version: PRIVATE, attributes: kv({ 'service.name': PRIVATE, 'redaction.masked.keys': PRIVATE, 'clitel.session.id': PRIVATE }) },
      { schemaUrl: `https://${PRIVATE}.example/schema`, scopeSchemaUrl: `https://${PRIVATE}.example/scope` },
    ),
    proto,
  })),
  // Secrets in data-point and resource values (tag 30 + i).
  ...SECRETS.map((s, i) => ({ body: request({ ...SERVICE_RESOURCE, 'service.version': `1.0.0 ${s.value}` }, [sum(METRIC_FUNCTION_CALLS, 30 + i, [{ [ATTR_CLITEL_FUNCTION]: `parse ${s.value}`, 'error.type': s.value }])]), proto: i % 2 === 1 })),
];
const MARKER_TAG = 999;
const marker = request(SERVICE_RESOURCE, [sum(METRIC_MODULE_LOADS, MARKER_TAG, [{}])]);

let collector: RunningCollector | undefined;
let files: GatewayFiles;
let points: OutPoint[] = [];
const tagOf = (p: OutPoint): number => Number(BigInt(String(p.raw.startTimeUnixNano ?? 0)) - 1_700_000_000_000_000_000n);
const tagged = (tag: number): OutPoint[] => points.filter((p) => tagOf(p) === tag);

beforeAll(async () => {
  if (skip) return;
  ({ collector, files } = await startGateway(temp));
  for (const r of [...requests, { body: marker, proto: false }]) {
    expect(await post(collector.url, 'metrics', r.proto ? encodeProtobuf('metrics', r.body) : r.body), collector.log().slice(-2000)).toBe(200);
  }
  await until('the marker point in the collector output', () => (outPoints(readLines(files.clients)).some((p) => tagOf(p) === MARKER_TAG) ? true : undefined));
  points = outPoints(readLines(files.clients));
}, 120_000);

afterAll(async () => {
  await collector?.stop();
  rmSync(temp, { recursive: true, force: true });
});

describe.skipIf(skip)('the real collector on client metrics', () => {
  it('keeps real usage counters from core unchanged, as JSON and as protobuf', () => {
    const sent = outPoints([usage]);
    expect(sent.map((p) => p.metric.name)).toEqual([METRIC_MODULE_LOADS, METRIC_FUNCTION_CALLS]);
    const view = (p: OutPoint) => ({ resource: p.resource, scope: p.scope, metric: p.metric, attributes: p.attributes, start: p.raw.startTimeUnixNano, value: Number(p.raw.asInt ?? p.raw.asDouble) });
    const out = points.filter((p) => p.resource['clitel.session.id'] === sent[0].resource['clitel.session.id']);
    expect(out.map(view)).toEqual([...sent, ...sent].map(view));
  });

  it('keeps service heartbeats, counts and error types unchanged but for the description', () => {
    for (const tag of [1, 2, 3, 4]) expect(tagged(tag).length, `tag ${tag}`).toBeGreaterThan(0);
    const all = [1, 2, 3, 4].flatMap(tagged);
    for (const p of all) expect(p.resource).toEqual(Object.fromEntries(Object.entries(SERVICE_RESOURCE)));
    expect(all.map((p) => [p.metric.name, p.metric.unit, p.metric.description])).toEqual([
      ['clitel.service.heartbeats', '{heartbeat}', ''], ['clitel.service.uptime', 's', ''],
      ['clitel.service.count', '', ''], ['clitel.service.count', '', ''], ['clitel.service.count', '', ''],
      ['clitel.service.errors', '{error}', ''], ['clitel.service.errors', '{error}', ''],
    ]);
    expect(tagged(3).map((p) => p.attributes['clitel.count.bucket'])).toEqual(['<1', '1-10', '>=1000']);
    expect(tagged(4).map((p) => p.attributes['error.type'])).toEqual(['TypeError', '_OTHER']);
  });

  it('drops other names, other services, other distros and points with exemplars', () => {
    for (const tag of [10, 11, 12, 13]) expect(tagged(tag), `tag ${tag}`).toEqual([]);
  });

  it('cleans every location of a hostile request', () => {
    const out = tagged(20);
    expect(out).toHaveLength(2);
    expect(readFileSync(files.clients, 'utf8')).not.toContain('zq-alice');
    for (const p of out) {
      expect(p.attributes).toEqual({ [ATTR_CLITEL_FUNCTION]: 'parse' });
      expect(p.scope).toEqual({ name: '', version: '', attributes: {} });
      expect([p.resourceSchemaUrl, p.metric.description, p.metric.unit]).toEqual(['', '', '']);
      expect(p.resource['clitel.installation.id']).toBeUndefined();
      expect(p.resource['os.type']).toBeUndefined();
      expect(Object.keys(p.resource).some((k) => k.startsWith('redaction.') || k === 'clitel.function')).toBe(false);
    }
  });

  it.each(SECRETS.map((s, i) => ({ ...s, i })))('masks $kind in points and resources ($i)', ({ value, mustVanish, i }) => {
    const out = tagged(30 + i);
    expect(out).toHaveLength(1);
    const text = JSON.stringify(out);
    expect(text).not.toContain(JSON.stringify(mustVanish ?? value).slice(1, -1));
    expect(text).toContain('****');
  });
});
