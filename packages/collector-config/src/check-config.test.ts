// SPDX-License-Identifier: Apache-2.0
// The structural check: every generated file, merged as the collector merges it, passes; and the
// check catches the mistakes it exists for.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Schema } from '@clitel/core';
import { generateCollectorConfig } from './index.js';
import { checkCollectorConfig } from './check-config.js';
import { mergeConfmap } from './confmap.js';

const acme = JSON.parse(readFileSync(new URL('../../../examples/acme/telemetry.schema.json', import.meta.url), 'utf8')) as Schema;
const files = generateCollectorConfig(acme);
const base = parse(files['base.yaml']) as Record<string, unknown>;
const overlays = Object.keys(files).filter((f) => f.startsWith('overlay-'));

function withOverlay(yaml: string): unknown {
  return mergeConfmap(base, parse(yaml));
}

describe('checkCollectorConfig', () => {
  it('passes base.yaml alone and merged with each overlay and with two combined', () => {
    expect(checkCollectorConfig(base)).toEqual([]);
    for (const file of overlays) expect(checkCollectorConfig(mergeConfmap(base, parse(files[file]))), file).toEqual([]);
    const both = mergeConfmap(mergeConfmap(base, parse(files['overlay-clickhouse.yaml'])), parse(files['overlay-prometheus.yaml']));
    expect(checkCollectorConfig(both)).toEqual([]);
    expect((both as { service: { pipelines: Record<string, { exporters: string[] }> } }).service.pipelines).toMatchObject({ traces: { exporters: ['clickhouse', 'span_metrics'] }, metrics: { exporters: ['prometheus'] }, 'metrics/clients': { exporters: ['clickhouse'] } });
    const reversed = mergeConfmap(mergeConfmap(base, parse(files['overlay-prometheus.yaml'])), parse(files['overlay-clickhouse.yaml']));
    expect(reversed).toEqual(both);
  });

  it('merges maps and replaces lists, as the collector does', () => {
    const merged = withOverlay('service: { pipelines: { traces: { exporters: [clickhouse] } } }\nexporters: { clickhouse: { endpoint: x } }') as { service: { pipelines: { traces: Record<string, string[]> } } };
    expect(merged.service.pipelines.traces.exporters).toEqual(['clickhouse']);
    expect(merged.service.pipelines.traces.processors[0]).toBe('memory_limiter');
    expect(checkCollectorConfig(merged)).toEqual(expect.arrayContaining([expect.stringMatching(/connectors\.span_metrics: must be an exporter/)]));
  });

  it('flags retired component names', () => {
    expect(checkCollectorConfig(withOverlay('exporters: { logging: {} }'))).toContain('exporters.logging: use debug (logging was removed in v0.111.0)');
    expect(checkCollectorConfig(withOverlay('connectors: { spanmetrics: {} }')).join()).toMatch(/span_metrics/);
    expect(checkCollectorConfig(withOverlay('exporters: { otlphttp/x: { endpoint: x } }')).join()).toMatch(/use otlp_http/);
  });

  it('flags an empty key that erases a map, unknown keys and types, and undefined references', () => {
    expect(checkCollectorConfig(withOverlay('processors:')).join()).toMatch(/processors: expected a map/);
    expect(checkCollectorConfig(withOverlay('processors: { batch: { send_batch_sise: 1 } }'))).toContain('processors.batch.send_batch_sise: unknown key');
    expect(checkCollectorConfig(withOverlay('exporters: { kafka: {} }'))).toContain('exporters.kafka: unknown exporter type "kafka"');
    expect(checkCollectorConfig(withOverlay('service: { pipelines: { traces: { exporters: [nope] } } }'))).toContain('service.pipelines.traces.exporters: nope is not defined');
  });

  it('flags day durations, unescaped dollars and wrong enum values', () => {
    expect(checkCollectorConfig(withOverlay('exporters: { clickhouse: { endpoint: x, ttl: 30d } }'))).toContain('exporters.clickhouse.ttl: "30d" is not a Go duration');
    expect(checkCollectorConfig(withOverlay("processors: { redaction/allowlist: { blocked_values: ['^a$'] } }")).join()).toMatch(/must be written "\$\$"/);
    expect(checkCollectorConfig(withOverlay('processors: { redaction/allowlist: { summary: debug } }'))).toContain('processors.redaction/allowlist.summary: expected silent');
    expect(checkCollectorConfig(withOverlay('exporters: { debug: { verbosity: loud } }')).join()).toMatch(/verbosity: "loud" is not one of/);
  });

  it('flags a processor order that lets data through before the limiter or after the batch', () => {
    const moved = withOverlay('service: { pipelines: { metrics: { processors: [batch, memory_limiter] } } }');
    expect(checkCollectorConfig(moved)).toEqual(expect.arrayContaining(['service.pipelines.metrics.processors: memory_limiter must come first', 'service.pipelines.metrics.processors: batch must come last']));
  });

  it('checks metric statements by context', () => {
    const metric = (statement: string, context: string): string[] =>
      checkCollectorConfig(withOverlay(`processors: { transform/clients: { metric_statements: [{ context: ${context}, statements: ['${statement}'] }] } }`));
    expect(metric('truncate_all(datapoint.attributes, 10)', 'datapoint')).toEqual([]);
    expect(metric('truncate_all(datapoint.attributes, 10)', 'resource').join()).toMatch(/path datapoint\.… is not available in the resource context/);
    expect(metric('truncate_all(span.attributes, 10)', 'span').join()).toMatch(/"span" is not allowed in metric_statements/);
  });

  it('flags OTTL with unknown functions, wrong contexts or paths, and allow_all_keys', () => {
    const ottl = (statement: string, context = 'span'): string[] =>
      checkCollectorConfig(withOverlay(`processors: { transform/limits: { trace_statements: [{ context: ${context}, statements: ['${statement}'] }] } }`));
    expect(ottl('truncate_all(span.attributes, 10)')).toEqual([]);
    expect(ottl('drop()').join()).toMatch(/unknown function drop/);
    expect(ottl('truncate_all(span.attributes, 10)', 'resource').join()).toMatch(/path span\.… is not available in the resource context/);
    expect(ottl('truncate_all(span.attributes, 10)', 'log').join()).toMatch(/"log" is not allowed/);
    expect(ottl('set(span.name, "x"').join()).toMatch(/unbalanced brackets/);
    expect(checkCollectorConfig(withOverlay('processors: { redaction/allowlist: { allow_all_keys: true } }')).join()).toMatch(/must be false/);
  });
});
