// SPDX-License-Identifier: Apache-2.0
// The client metrics pipeline: its allowlist is read from the schema and core's attribute table
// (the names and keys @clitel/service uses come from core too), and every overlay that sends data
// routes it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RE2JS } from 're2js';
import { type Schema } from '@clitel/core';
import { ATTR_CLITEL_COUNT_BUCKET, ATTR_CLITEL_COUNT_NAME, ATTR_CLITEL_EDITION, ATTR_CLITEL_FUNCTION, ATTR_ERROR_TYPE, CLIENT_METRIC_NAMES } from '@clitel/core/internal';
import { describeSchema } from '@clitel/core/describe';
import { generateCollectorConfig } from './index.js';
import { unescapeConfmap } from './confmap.js';

const acme = JSON.parse(readFileSync(new URL('../../../examples/acme/telemetry.schema.json', import.meta.url), 'utf8')) as Schema;
const withModules: Schema = { ...acme, modules: ['acme-plugin', '@acme/lib'] };
type Tree = Record<string, Record<string, Record<string, unknown>>>;
const yamlOf = (schema: Schema, file = 'base.yaml'): Tree => parse(generateCollectorConfig(schema)[file]) as Tree;

const POINT_KEYS = [ATTR_CLITEL_FUNCTION, ATTR_CLITEL_COUNT_NAME, ATTR_CLITEL_COUNT_BUCKET, ATTR_ERROR_TYPE];

describe('client metric names', () => {
  it('are the names @clitel/service and @clitel/library take from core, and no copy of them', () => {
    for (const file of ['../../service/src/sdk.ts', '../../library/src/counters.ts']) {
      const text = readFileSync(new URL(file, import.meta.url), 'utf8');
      expect(text, file).not.toMatch(/'clitel\.[a-z_.]+'/);
      expect(text, file).toMatch(/from '@clitel\/core'/);
    }
    expect(CLIENT_METRIC_NAMES.length).toBe(6);
  });

  it('uses only core and service keys on data points, and core error.type in the service sdk', () => {
    const sdk = readFileSync(new URL('../../service/src/sdk.ts', import.meta.url), 'utf8');
    expect(sdk).toContain('[ATTR_ERROR_TYPE]: type');
    const points = (yamlOf(acme).processors['redaction/clients'].allowed_keys as string[]);
    for (const key of [...POINT_KEYS, ATTR_CLITEL_EDITION]) expect(points).toContain(key);
  });
});

describe('metrics/clients in base.yaml', () => {
  it('receives OTLP and runs the client processors between the limiter and the batch', () => {
    const pipelines = yamlOf(acme).service.pipelines as Record<string, Record<string, string[]>>;
    expect(pipelines['metrics/clients']).toEqual({
      receivers: ['otlp'],
      processors: ['memory_limiter', 'filter/clients', 'resource/drop-identifying', 'attributes/drop-identifying', 'redaction/clients', 'transform/clients', 'batch'],
      exporters: ['debug'],
    });
    expect(pipelines.metrics.receivers).toEqual(['span_metrics']);
  });

  it('allows exactly the resource keys of describeSchema, the edition and the client point keys', () => {
    const d = describeSchema(withModules);
    const redaction = yamlOf(withModules).processors['redaction/clients'];
    const expected = [...new Set([...d.resource.map((a) => a.key), ATTR_CLITEL_EDITION, ...POINT_KEYS])].sort();
    expect(redaction.allowed_keys).toEqual(expected);
    expect(redaction).toMatchObject({ allow_all_keys: false, summary: 'silent', redact_all_types: true, ignored_keys: ['clitel.installation.id', 'clitel.session.id'] });
    expect(redaction.blocked_values).toEqual(yamlOf(withModules).processors['redaction/allowlist'].blocked_values);
  });

  it('keeps the client metric names from the tool and its modules only (RE2)', () => {
    const conditions = (yamlOf(withModules).processors['filter/clients'].metric_conditions as { context: string; conditions: string[] }[])[0].conditions.map(unescapeConfmap);
    const regexOf = (target: string): RE2JS => {
      const m = conditions.map((c) => c.match(/^not IsMatch\((.+?), "((?:[^"\\]|\\.)*)"\)$/)).find((x) => x?.[1] === target);
      if (m == null) throw new Error(`no condition on ${target}`);
      return RE2JS.compile(m[2].replace(/\\(.)/g, '$1'));
    };
    const names = regexOf('metric.name');
    for (const name of CLIENT_METRIC_NAMES) expect(names.test(name), name).toBe(true);
    for (const name of ['clitel.run.calls', 'clitel.run.duration', 'clitel.function.calls.x', 'clitelxfunction.calls', 'http.server.duration', '']) expect(names.test(name), name).toBe(false);
    const services = regexOf('resource.attributes["service.name"]');
    for (const name of ['acme', 'acme-plugin', '@acme/lib']) expect(services.test(name), name).toBe(true);
    for (const name of ['acme-plugin2', 'other', '@acme/lib/x', 'acme ', '']) expect(services.test(name), name).toBe(false);
  });

  it('refuses a module name a blocked pattern would mask', () => {
    const apiKeyLike = `sk-${'a'.repeat(24)}`;
    expect(() => generateCollectorConfig({ ...acme, modules: [apiKeyLike] })).toThrow(new RegExp(`value "${apiKeyLike}" of service.name would be masked`));
  });
});

describe('overlays and client metrics', () => {
  it('route metrics/clients to each storage backend, and leave it alone for Prometheus and debug', () => {
    const expected: Record<string, string> = { 'overlay-clickhouse.yaml': 'clickhouse', 'overlay-file.yaml': 'file/spans', 'overlay-otlp-http.yaml': 'otlp_http/vendor' };
    for (const [file, exporter] of Object.entries(expected)) {
      expect((yamlOf(acme, file).service.pipelines as Record<string, unknown>)['metrics/clients'], file).toEqual({ exporters: [exporter] });
    }
    expect(Object.keys(yamlOf(acme, 'overlay-prometheus.yaml').service.pipelines)).toEqual(['metrics']);
    expect(yamlOf(acme, 'overlay-debug.yaml').service).toBeUndefined();
  });
});
