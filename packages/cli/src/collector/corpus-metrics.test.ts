// SPDX-License-Identifier: Apache-2.0
// The client metrics pipeline (metrics/clients) through a model that reads base.yaml and matches
// with RE2 as the collector does: real library usage counters from core and service heartbeats
// pass unchanged; other names, other services and keys outside the allowlist are dropped.
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RE2JS } from 're2js';
import { ATTR_CLITEL_FUNCTION, ATTR_ERROR_TYPE, METRIC_FUNCTION_CALLS, METRIC_MODULE_LOADS, type Schema } from '@clitel/core';
import { generateCollectorConfig } from './index.js';
import { unescapeConfmap } from './confmap.js';
import { redactionModel, type Attrs, type RedactionConfig } from '../../test/helpers/redaction-model.js';
import { SERVICE_METRIC_KEYS, SERVICE_METRIC_NAMES, SERVICE_RESOURCE_KEYS } from './client-metrics.js';

interface ModelMetrics { resource: Attrs; metrics: { name: string; points: Attrs[] }[] }

const acme = JSON.parse(readFileSync(new URL('../../../../examples/acme/telemetry.schema.json', import.meta.url), 'utf8')) as Schema;
const schema: Schema = { ...acme, modules: ['acme-plugin'] };
const processors = (parse(generateCollectorConfig(schema)['base.yaml']) as { processors: Record<string, Record<string, unknown>> }).processors;
const pipelineOrder = (parse(generateCollectorConfig(schema)['base.yaml']) as { service: { pipelines: Record<string, { processors: string[] }> } }).service.pipelines['metrics/clients'].processors;
const redact = redactionModel(processors['redaction/clients'] as RedactionConfig);
const deniedKeys = (processors['resource/drop-identifying'].attributes as { pattern: string }[]).map((a) => RE2JS.compile(unescapeConfmap(a.pattern)));
const deniedPointKeys = (processors['attributes/drop-identifying'].actions as { pattern: string }[]).map((a) => RE2JS.compile(unescapeConfmap(a.pattern)));
const conditions = (processors['filter/clients'].metric_conditions as { context: string; conditions: string[] }[]).flatMap((g) => g.conditions.map(unescapeConfmap));
const statements = (processors['transform/clients'].metric_statements as { context: string; statements: string[] }[]).flatMap((g) => g.statements.map(unescapeConfmap));

const unquote = (text: string): string => text.replace(/\\(.)/g, '$1');
const STRING = '"((?:[^"\\\\]|\\\\.)*)"';
const RES = 'resource\\.attributes\\[' + STRING + '\\]';

/** filter/clients: true when a condition drops the metric. */
function dropped(resource: Attrs, name: string): boolean {
  return conditions.some((c) => {
    let m: RegExpMatchArray | null;
    if ((m = c.match(new RegExp(`^not IsMatch\\(metric\\.name, ${STRING}\\)$`)))) return !RE2JS.compile(unquote(m[1])).test(name);
    if ((m = c.match(new RegExp(`^not IsMatch\\(${RES}, ${STRING}\\)$`)))) {
      const value = resource[unquote(m[1])];
      return typeof value !== 'string' || !RE2JS.compile(unquote(m[2])).test(value);
    }
    if ((m = c.match(new RegExp(`^${RES} != nil and ${RES} != ${STRING}$`)))) {
      const value = resource[unquote(m[1])];
      return value != null && value !== unquote(m[3]);
    }
    throw new Error(`the model does not know this condition: ${c}`);
  });
}

/** transform/clients, for the statement forms the generator writes. */
function transform(input: ModelMetrics): void {
  for (const s of statements) {
    let m: RegExpMatchArray | null;
    if ((m = s.match(new RegExp(`^(set|delete_key)\\((?:${RES}|resource\\.attributes), ${STRING}\\) where ${RES} != nil and not IsMatch\\(${RES}, ${STRING}\\)$`)))) {
      const [, fn, setKey, arg, key, , regex] = m;
      const value = input.resource[unquote(key)];
      if (value == null || RE2JS.compile(unquote(regex)).test(String(value))) continue;
      if (fn === 'set') input.resource[unquote(setKey)] = unquote(arg);
      else delete input.resource[unquote(arg)];
    } else if ((m = s.match(/^truncate_all\((resource|datapoint)\.attributes, (\d+)\)$/))) {
      const targets = m[1] === 'resource' ? [input.resource] : input.metrics.flatMap((x) => x.points);
      for (const t of targets) for (const [k, v] of Object.entries(t)) if (typeof v === 'string') t[k] = Buffer.from(v).subarray(0, Number(m[2])).toString();
    } else if (!/^limit\((?:resource|datapoint)\.attributes, \d+, \[/.test(s)) {
      throw new Error(`the model does not know this statement: ${s}`);
    }
  }
}

/** The generated metrics/clients pipeline, for the parts that touch names, keys and values. */
function pipeline(input: ModelMetrics): ModelMetrics {
  const out: ModelMetrics = structuredClone(input);
  out.metrics = out.metrics.filter((x) => !dropped(out.resource, x.name));
  const keep = (res: RE2JS[]) => (attrs: Attrs): Attrs => Object.fromEntries(Object.entries(attrs).filter(([k]) => !res.some((re) => re.test(k))));
  out.resource = redact(keep(deniedKeys)(out.resource));
  out.metrics = out.metrics.map((x) => ({ name: x.name, points: x.points.map((p) => redact(keep(deniedPointKeys)(p))) }));
  transform(out);
  return out;
}

const tempDirs: string[] = [];
afterAll(() => { for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true }); });

/** Real usage counters of a library: a child process calls core's startUsage in debug mode. */
function realUsage(points: string, allowedAttributes: string[] = []): ModelMetrics {
  const dir = mkdtempSync(join(tmpdir(), 'clitel-collector-metrics-'));
  tempDirs.push(dir);
  const script = `import { startUsage } from '@clitel/core';
startUsage({ toolName: 'acme-plugin', toolVersion: '2.0.1', endpoint: 'http://127.0.0.1:9/', schema: { tool: 'acme-plugin', commands: {} }, allowedAttributes: ${JSON.stringify(allowedAttributes)} }, () => ${points});`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    env: { CLITEL_DEBUG: '1', CI: 'true', HOME: dir, XDG_STATE_HOME: join(dir, 'state'), XDG_CONFIG_HOME: join(dir, 'config') },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const line = child.stderr.split('\n').find((l) => l.startsWith('{"resourceMetrics"'));
  if (line == null) throw new Error(`no metrics in the child's debug output: ${child.stderr}`);
  const rm = (JSON.parse(line) as { resourceMetrics: { resource: { attributes: unknown[] }; scopeMetrics: { metrics: { name: string; sum?: { dataPoints: { attributes: unknown[] }[] } }[] }[] }[] }).resourceMetrics[0];
  return { resource: otlpAttrs(rm.resource.attributes), metrics: rm.scopeMetrics.flatMap((s) => s.metrics.map((x) => ({ name: x.name, points: (x.sum?.dataPoints ?? []).map((p) => otlpAttrs(p.attributes)) }))) };
}

function otlpAttrs(list: unknown[]): Attrs {
  const value = (v: Record<string, unknown>): unknown => v.stringValue ?? v.boolValue ?? v.doubleValue ?? (v.intValue != null ? Number(v.intValue) : undefined);
  return Object.fromEntries((list as { key: string; value: Record<string, unknown> }[]).map((kv) => [kv.key, value(kv.value)]));
}

/** Heartbeats as packages/service/src/sdk.ts and resource.ts build them. */
function heartbeats(): ModelMetrics {
  const [beats, uptime, count, errors] = SERVICE_METRIC_NAMES;
  const [countName, countBucket] = SERVICE_METRIC_KEYS;
  return {
    resource: {
      'service.name': 'acme', 'service.version': '1.4.2', 'telemetry.sdk.name': 'opentelemetry', 'telemetry.sdk.language': 'nodejs', 'telemetry.sdk.version': '2.12.1',
      'telemetry.distro.name': 'clitel', 'telemetry.distro.version': '0.1.0', 'os.type': 'linux', 'os.version': '6.1', 'host.arch': 'amd64',
      'process.runtime.name': 'nodejs', 'process.runtime.version': '20.20.2', 'clitel.session.id': randomBytes(8).toString('hex'), [SERVICE_RESOURCE_KEYS[0]]: 'enterprise',
    },
    metrics: [
      { name: beats, points: [{}] },
      { name: uptime, points: [{}] },
      { name: count, points: ['<1', '1-10', '10-100', '>=1000'].map((bucket) => ({ [countName]: 'users', [countBucket]: bucket })) },
      { name: errors, points: [{ [ATTR_ERROR_TYPE]: 'TypeError' }, { [ATTR_ERROR_TYPE]: '_OTHER' }] },
    ],
  };
}

describe('client metrics a clitel client produces pass unchanged', () => {
  it('keeps real library usage counters from core', () => {
    const usage = realUsage(`[{ name: '${METRIC_FUNCTION_CALLS}', value: 3, attributes: { '${ATTR_CLITEL_FUNCTION}': 'parse' } }]`);
    expect(usage.metrics.map((x) => x.name)).toEqual([METRIC_MODULE_LOADS, METRIC_FUNCTION_CALLS]);
    expect(usage.resource['service.name']).toBe('acme-plugin');
    expect(usage.resource['clitel.session.id']).toBeDefined();
    expect(pipeline(usage)).toEqual(usage);
  });

  it('keeps service heartbeats with counts, error types, the edition and an installation id', () => {
    const beats = heartbeats();
    expect(pipeline(beats)).toEqual(beats);
    beats.resource['clitel.installation.id'] = randomUUID();
    expect(pipeline(beats)).toEqual(beats);
  });

  it('runs the modelled processors in the generated order', () => {
    expect(pipelineOrder).toEqual(['memory_limiter', 'filter/clients', 'resource/drop-identifying', 'attributes/drop-identifying', 'redaction/clients', 'transform/clients', 'batch']);
  });
});

describe('everything else is dropped or deleted', () => {
  it('drops other metric names, including span_metrics names sent by a client', () => {
    const base = heartbeats();
    const input = { ...base, metrics: [...base.metrics, ...['clitel.run.calls', 'http.server.duration', 'clitel.function.calls.total', 'process.cpu.time'].map((name) => ({ name, points: [{}] }))] };
    expect(pipeline(input).metrics.map((x) => x.name)).toEqual(SERVICE_METRIC_NAMES);
  });

  it('drops every metric of a service the schema does not name, of no service, or of another distro', () => {
    for (const resource of [{ 'service.name': 'other' }, { 'service.name': 'acme-plugin2' }, {}, { 'service.name': 'acme', 'telemetry.distro.name': 'other' }]) {
      const input = { ...heartbeats(), resource };
      expect(pipeline(input).metrics, JSON.stringify(resource)).toEqual([]);
    }
  });

  it('deletes keys outside the allowlist, a library\'s own allowlisted keys and ids of the wrong shape; masks secrets', () => {
    const usage = realUsage(`[{ name: '${METRIC_FUNCTION_CALLS}', value: 1, attributes: { '${ATTR_CLITEL_FUNCTION}': 'parse', 'plugin.mode': 'fast' } }]`, ['plugin.mode']);
    expect(usage.metrics[1].points[0]).toEqual({ [ATTR_CLITEL_FUNCTION]: 'parse', 'plugin.mode': 'fast' });
    expect(pipeline(usage).metrics[1].points[0]).toEqual({ [ATTR_CLITEL_FUNCTION]: 'parse' });
    const out = pipeline({
      resource: { 'service.name': 'acme', 'host.name': 'alice-laptop', 'process.command_args': 'acme --token x', 'custom.thing': 'x', 'clitel.installation.id': 'alice@example.com', 'clitel.session.id': randomUUID(), 'service.version': '1.0.0 jane@example.com' },
      metrics: [{ name: METRIC_FUNCTION_CALLS, points: [{ [ATTR_CLITEL_FUNCTION]: 'parse', 'user.email': 'a@b.co', 'clitel.command': 'deploy', [SERVICE_METRIC_KEYS[0]]: '/home/alice/x' }] }],
    });
    expect(out).toEqual({
      resource: { 'service.name': 'acme', 'service.version': '1.0.0 ****' },
      metrics: [{ name: METRIC_FUNCTION_CALLS, points: [{ [ATTR_CLITEL_FUNCTION]: 'parse', [SERVICE_METRIC_KEYS[0]]: '****' }] }],
    });
  });
});
