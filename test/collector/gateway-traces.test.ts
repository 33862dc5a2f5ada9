// SPDX-License-Identifier: Apache-2.0
// The real collector (otelcol-clitel) with the committed acme base.yaml, fed hand-built OTLP
// requests (JSON and protobuf) straight over HTTP: real runs and every documented value pass
// unchanged; secrets, personal details, foreign keys in every location, injected redaction.*
// summary keys, ids of the wrong shape or at the wrong level, other services and oversize values
// do not come out. The span_metrics run metrics carry no installation, session or OS version.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRun, type Env, type Schema } from '@clitel/core';
import { scrubStack } from '@clitel/core/internal';
import { describeSchema } from '@clitel/core/describe';
import { REPO } from '../helpers/run-cli.js';
import { encodeProtobuf } from '../helpers/otlp-decode.js';
import { hexId, kv, outPoints, outSpans, plain, resourceSpans, type Attrs, type OutSpan } from '../helpers/otlp-build.js';
import { post, readLines, skipWithoutCollector, startGateway, until, type GatewayFiles, type RunningCollector } from '../helpers/otelcol.js';
import { FREE_FORM_KEYS, SECRETS } from '../helpers/secrets.js';

const skip = skipWithoutCollector('the collector gateway corpus (traces)');
const schema = JSON.parse(readFileSync(join(REPO, 'examples/acme/telemetry.schema.json'), 'utf8')) as Schema;
const d = describeSchema(schema);
const SPAN_KEYS = new Set(d.span.map((a) => a.key));
const RESOURCE_KEYS = new Set(d.resource.map((a) => a.key));
const EVENT_KEYS = new Set(d.events.flatMap((e) => e.attributes.map((a) => a.key)));
/** A personal detail no blocked pattern matches: only deleting its key keeps it out. */
const PRIVATE = 'zq-alice-laptop';
const temp = mkdtempSync(join(tmpdir(), 'clitel-gateway-'));

interface RealRun { resource: Record<string, unknown>; resourceAttrs: unknown[]; scope: Record<string, unknown>; span: Record<string, unknown> }

/** A real run through @clitel/core in debug mode: the OTLP/JSON it would send. */
function realRun(env: Env, drive: (run: ReturnType<typeof startRun>) => void): RealRun {
  const dir = mkdtempSync(join(temp, 'home-'));
  let out = '';
  const run = startRun({ toolName: 'acme', toolVersion: '1.4.2', schema, endpoint: 'http://127.0.0.1:9/', env: { ...env, CLITEL_DEBUG: '1', HOME: dir, XDG_STATE_HOME: join(dir, 'state'), XDG_CONFIG_HOME: join(dir, 'config') }, homeDir: dir, writeErr: (t) => { out += t; } });
  drive(run);
  const json = JSON.parse(out.slice(0, out.indexOf('\nclitel:'))) as { resourceSpans: { resource: { attributes: unknown[] }; scopeSpans: { scope: Record<string, unknown>; spans: Record<string, unknown>[] }[] }[] };
  const rs = json.resourceSpans[0];
  return { resource: plain(rs.resource.attributes), resourceAttrs: rs.resource.attributes, scope: rs.scopeSpans[0].scope, span: rs.scopeSpans[0].spans[0] };
}

const failed = realRun({ CI: 'true', GITHUB_ACTIONS: 'true' }, (run) => {
  run.setCommand(['deploy']);
  run.setOptions({ env: 'prod', token: 'not-recorded', force: true });
  run.stage('build');
  run.recordError(new TypeError('boom at /home/alice'));
  run.end(1);
});
const root = realRun({}, (run) => { run.setCommand([]); run.end(0); });
const unknown = realRun({}, (run) => { run.setCommand(['nope']); run.end(0); });

/** A copy of a real run with a fresh trace id and changes; returns the resourceSpans entry. */
function variant(base: RealRun, change: { resource?: Attrs; attributes?: Attrs; events?: unknown[]; span?: Record<string, unknown>; scope?: Record<string, unknown>; extra?: Record<string, unknown> } = {}): { traceId: string; rs: Record<string, unknown> } {
  const traceId = hexId(16);
  const resource = { ...base.resource, ...(change.resource ?? {}) } as Attrs;
  const attributes = [...(base.span.attributes as { key: string }[]).filter((a) => !(a.key in (change.attributes ?? {}))), ...kv(change.attributes ?? {})];
  const s = { ...structuredClone(base.span), traceId, spanId: hexId(8), attributes, ...(change.events ? { events: change.events } : {}), ...(change.span ?? {}) };
  return { traceId, rs: resourceSpans(resource, [s], change.scope ?? base.scope, change.extra) };
}

const requests: { body: { resourceSpans: unknown[] }; proto: boolean }[] = [];
const expectations: { name: string; traceId: string; check: (out: OutSpan | undefined) => void }[] = [];
function add(name: string, v: { traceId: string; rs: Record<string, unknown> }, check: (out: OutSpan | undefined) => void, proto = false): void {
  requests.push({ body: { resourceSpans: [v.rs] }, proto });
  expectations.push({ name, traceId: v.traceId, check });
}

const unchanged = (input: { rs: Record<string, unknown> }) => (out: OutSpan | undefined): void => {
  expect(out).toBeDefined();
  const [sent] = outSpans([{ resourceSpans: [input.rs] }]);
  // OTLP/JSON leaves out zero values (status code 0), so statuses compare by field.
  const status = (s: OutSpan) => { const st = (s.raw.status ?? {}) as { code?: number; message?: string }; return [Number(st.code ?? 0), st.message ?? '']; };
  const view = (s: OutSpan) => ({ resource: s.resource, scope: s.scope, name: s.name, attributes: s.attributes, events: s.events, start: s.raw.startTimeUnixNano, end: s.raw.endTimeUnixNano, status: status(s), kind: s.raw.kind });
  expect(view(out as OutSpan)).toEqual(view(sent));
};
const dropped = (out: OutSpan | undefined): void => expect(out).toBeUndefined();

// Real runs and every documented value: unchanged, as JSON and as protobuf.
for (const [name, base] of [['a failed run with options, a stage and a stack', failed], ['a root command run', root], ['an unknown command run', unknown]] as const) {
  for (const proto of [false, true]) { const v = variant(base); add(`${name} (${proto ? 'protobuf' : 'JSON'})`, v, unchanged(v), proto); }
}
const ids = new Set(['clitel.installation.id', 'clitel.session.id', 'clitel.run.id']);
for (const info of d.resource) {
  if (ids.has(info.key)) continue;
  for (const value of [...info.examples, ...(info.values ?? [])]) {
    const typed = info.type === 'boolean' ? value === 'true' : info.type === 'int' ? Number(value) : value;
    const v = variant(root, { resource: { [info.key]: typed } });
    add(`keeps resource ${info.key}=${value}`, v, unchanged(v));
  }
}
for (const info of d.span) {
  if (ids.has(info.key) || info.type === 'string[]') continue;
  for (const value of [...info.examples, ...(info.values ?? [])]) {
    const typed = info.type === 'boolean' ? value === 'true' : info.type === 'int' ? Number(value) : info.type === 'double' ? { double: Number(value) } : value;
    const v = variant(failed, { attributes: { [info.key]: typed } });
    add(`keeps span ${info.key}=${value}`, v, unchanged(v));
  }
}
const vendors = createRequire(createRequire(join(REPO, 'packages/core/package.json')).resolve('ci-info'))('./vendors.json') as { name: string }[];
for (const vendor of vendors) { const v = variant(failed, { resource: { 'clitel.ci.provider': vendor.name } }); add(`keeps CI provider ${vendor.name}`, v, unchanged(v)); }
for (const version of ['1.4.2', '0.0.0', '2.0.0-beta.1', '1.0.0+build.5', '20.20.2', '6.1', '10.0.22631', '_other']) { const v = variant(root, { resource: { 'service.version': version } }); add(`keeps version ${version}`, v, unchanged(v)); }
const stack = scrubStack(new RangeError('x'), REPO);
{
  const v = variant(failed, { events: [{ name: 'exception', timeUnixNano: '1700000000500000000', attributes: kv({ 'exception.type': 'RangeError', 'exception.stacktrace': stack }) }] });
  add('keeps a scrubbed stack', v, unchanged(v));
}
for (let i = 0; i < 10; i++) { const v = variant(failed, { resource: { 'clitel.installation.id': randomUUID(), 'clitel.session.id': hexId(8) }, attributes: { 'clitel.run.id': hexId(16) } }); add(`keeps real ids ${i}`, v, unchanged(v)); }

// Secrets in every free-form value, the span name, the options list and the stack.
for (const [i, secret] of SECRETS.entries()) {
  const sentence = `deploy failed for ${secret.value} today`;
  const free = Object.fromEntries(FREE_FORM_KEYS.map((k) => [k, sentence]));
  const v = variant(failed, {
    resource: Object.fromEntries(Object.entries(free).filter(([k]) => RESOURCE_KEYS.has(k))),
    attributes: { 'error.type': sentence, 'clitel.options': ['env', secret.value] },
    events: [{ name: 'exception', timeUnixNano: '1700000000500000000', attributes: kv({ 'exception.type': sentence, 'exception.stacktrace': `Error\n    at x (${secret.value}:1:2)` }) }],
    span: { name: `acme deploy ${secret.value}`, traceState: `k=${secret.value}`, status: { code: 2, message: sentence } },
  });
  add(`masks ${secret.kind} ${i}`, v, (out) => {
    expect(out).toBeDefined();
    const text = JSON.stringify(out);
    expect(text).not.toContain(JSON.stringify(secret.mustVanish ?? secret.value).slice(1, -1));
    expect(out?.attributes['error.type']).toMatch(/^deploy failed for .*\*\*\*\*.* today$/s);
    expect(out?.name).toBe('acme _unknown');
  }, i % 2 === 1);
}

// Foreign keys, summary keys and wrong ids in every location a request can carry them.
for (const proto of [false, true]) {
  const v = variant(failed, {
    resource: { 'custom.thing': PRIVATE, 'host.name': PRIVATE, 'redaction.masked.keys': PRIVATE, 'redaction.redacted.count': 7, 'redaction.ignored.count': 2, 'exception.stacktrace': PRIVATE, 'clitel.run.id': hexId(16), 'clitel.installation.id': `${PRIVATE}-id` },
    extra: { schemaUrl: `https://${PRIVATE}.example/schema`, scopeSchemaUrl: `https://${PRIVATE}.example/scope` },
    scope: { name: `${PRIVATE}-scope`, version: PRIVATE, attributes: kv({ 'service.name': PRIVATE, 'clitel.installation.id': PRIVATE, 'redaction.masked.keys': PRIVATE }) },
    attributes: { 'custom.thing': PRIVATE, 'redaction.masked.keys': PRIVATE, 'redaction.masked.count': 3, 'clitel.session.id': PRIVATE, 'clitel.installation.id': randomUUID(), 'os.version': PRIVATE, 'process.command_args': [PRIVATE] },
    events: [
      { name: 'exception', timeUnixNano: '1700000000500000000', attributes: kv({ 'exception.type': 'Error', 'exception.message': PRIVATE, 'clitel.run.id': PRIVATE, 'clitel.session.id': PRIVATE, 'clitel.installation.id': PRIVATE, 'redaction.redacted.keys': PRIVATE }) },
      { name: 'log', timeUnixNano: '1700000000500000000', attributes: kv({ message: PRIVATE }) },
    ],
    span: { traceState: `k=${PRIVATE}`, status: { code: 2, message: PRIVATE } },
  });
  add(`cleans every location of a hostile span (${proto ? 'protobuf' : 'JSON'})`, v, (out) => {
    expect(out).toBeDefined();
    expect(JSON.stringify(out)).not.toContain('zq-alice');
    expect(Object.keys(out?.resource ?? {}).every((k) => RESOURCE_KEYS.has(k))).toBe(true);
    expect(Object.keys(out?.attributes ?? {}).every((k) => SPAN_KEYS.has(k))).toBe(true);
    expect(out?.resource['clitel.run.id']).toBeUndefined();
    expect(out?.attributes['clitel.installation.id']).toBeUndefined();
    expect(out?.scope).toEqual({ name: '', version: '', attributes: {} });
    expect([out?.resourceSchemaUrl, out?.scopeSchemaUrl, out?.raw.traceState ?? '', (out?.raw.status as { message?: string }).message ?? '']).toEqual(['', '', '', '']);
    expect(out?.events.map((e) => e.name)).toEqual(['exception']);
    expect(Object.keys(out?.events[0].attributes ?? {}).every((k) => EVENT_KEYS.has(k))).toBe(true);
    expect(out?.events[0].attributes['clitel.run.id']).toBeUndefined();
  }, proto);
}
add('drops a span with links (no processor can clean them)', variant(failed, { span: { links: [{ traceId: hexId(16), spanId: hexId(8), traceState: `k=${PRIVATE}`, attributes: kv({ 'clitel.command': PRIVATE }) }] } }), dropped);

// Spans that are not a run of acme.
add('drops another service', variant(failed, { resource: { 'service.name': 'other-service' } }), dropped);
add('drops another executable', variant(failed, { attributes: { 'process.executable.name': 'other' } }), dropped);
add('drops a non-internal span', variant(failed, { span: { kind: 2 } }), dropped);
add('drops a child span', variant(failed, { span: { parentSpanId: hexId(8) } }), dropped);
add('drops another distro', variant(failed, { resource: { 'telemetry.distro.name': 'other' } }), dropped);

// Oversize values, wrong types and too many attributes.
{
  const v = variant(failed, {
    resource: { 'service.version': 'v'.repeat(100_000), 'os.type': { kvlist: { user: PRIVATE } }, 'host.arch': { bytes: PRIVATE }, 'os.version': [PRIVATE] },
    attributes: { 'error.type': 'e'.repeat(300_000), 'clitel.options': Array.from({ length: 5000 }, () => 'env'), 'process.exit.code': PRIVATE, 'clitel.command': ['deploy', PRIVATE], ...Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, PRIVATE])) },
  });
  add('truncates, type-checks and limits oversize values', v, (out) => {
    expect(out).toBeDefined();
    expect(JSON.stringify(out)).not.toContain('zq-alice');
    expect(String(out?.resource['service.version']).length).toBeLessThanOrEqual(256);
    expect(String(out?.attributes['error.type']).length).toBeLessThanOrEqual(256);
    expect(out?.attributes['clitel.options']).toBeUndefined();
    expect(Object.keys(out?.attributes ?? {}).length).toBeLessThanOrEqual(SPAN_KEYS.size);
  });
}

const MARKER = variant(root);
let collector: RunningCollector | undefined;
let files: GatewayFiles;
let out = new Map<string, OutSpan>();

beforeAll(async () => {
  if (skip) return;
  ({ collector, files } = await startGateway(temp));
  for (const r of [...requests, { body: { resourceSpans: [MARKER.rs] }, proto: false }]) {
    expect(await post(collector.url, 'traces', r.proto ? encodeProtobuf('traces', r.body) : r.body), collector.log().slice(-2000)).toBe(200);
  }
  await until('the marker span in the collector output', () => (outSpans(readLines(files.traces)).some((s) => s.traceId === MARKER.traceId) ? true : undefined));
  out = new Map(outSpans(readLines(files.traces)).map((s) => [s.traceId, s]));
}, 120_000);

afterAll(async () => {
  await collector?.stop();
  rmSync(temp, { recursive: true, force: true });
});

describe.skipIf(skip)('the real collector on hand-built requests', () => {
  it('wrote the marker run', () => {
    expect(out.get(MARKER.traceId)).toBeDefined();
  });

  it.each(expectations)('$name', ({ traceId, check }) => {
    check(out.get(traceId));
  });

  it('lets no span-metrics resource or data point carry an installation id, session id or os.version', async () => {
    const spans = [...out.values()].length;
    // Cumulative counts: the last flush holds every run once it counted them all.
    const points = await until('span_metrics to count every run', () => {
      const lines = readLines(files.runMetrics);
      const last = outPoints(lines.slice(-1)).filter((p) => p.metric.name === 'clitel.run.calls');
      return last.reduce((n, p) => n + Number(p.raw.asInt ?? 0), 0) >= spans ? outPoints(lines) : undefined;
    }, 300);
    const text = readFileSync(files.runMetrics, 'utf8');
    for (const key of ['clitel.installation.id', 'clitel.session.id', 'os.version', 'host.arch', 'telemetry.sdk.version']) expect(text).not.toContain(key);
    expect(text).not.toContain('zq-alice');
    for (const p of points) {
      expect(Object.keys(p.resource)).toEqual(['service.name']);
      expect(Object.keys(p.attributes).every((k) => ['service.name', 'span.name', 'span.kind', 'status.code', 'clitel.command', 'service.version', 'os.type', 'process.exit.code'].includes(k)), JSON.stringify(p.attributes)).toBe(true);
      expect(p.raw.exemplars ?? []).toEqual([]);
    }
  });
});
