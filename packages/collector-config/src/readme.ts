// SPDX-License-Identifier: Apache-2.0
// README.md of a generated directory: the files, how to merge them, and what passes.
import type { Allowlist } from './allowlist.js';
import type { Overlay } from './overlays.js';
import type { ResolvedCollectorConfigOptions } from './types.js';
import { BLOCKED_PATTERNS } from './patterns.js';
import { ENV_VARS } from './components.js';

/** Renders the README of one tool's generated directory. */
export function renderReadme(allow: Allowlist, overlays: readonly Overlay[], options: ResolvedCollectorConfigOptions, header: string): string {
  const code = (text: string): string => `\`${text}\``;
  const lines = [
    `<!-- ${header} -->`,
    `# Collector configuration for ${allow.tool}`,
    '',
    `OpenTelemetry Collector (contrib distribution) configuration generated from ${code(options.schemaFileName)}.`,
    'Run `base.yaml` with one or more overlays; later files win, maps are merged and lists are replaced.',
    'Guide: docs/collector.md in the clitel repository.',
    '',
    '## Files',
    '',
    '| file | what it does | run |',
    '|---|---|---|',
    `| ${code('base.yaml')} | OTLP in, allowlist and redaction, run metrics and client metrics; prints counts only | ${code('otelcol-contrib --config base.yaml')} |`,
    ...overlays.map((o) => `| ${code(o.file)} | ${o.title} | ${code(`otelcol-contrib --config base.yaml --config ${o.file}`)} |`),
    '',
    'Traces to one backend and metrics to Prometheus:',
    '',
    '```sh',
    'otelcol-contrib --config base.yaml --config overlay-clickhouse.yaml --config overlay-prometheus.yaml',
    '```',
    '',
    'The ClickHouse, OTLP/HTTP and file overlays send the spans and the client metrics (pipeline',
    `${code('metrics/clients')}) to their backend; the Prometheus overlay serves only the run counts and leaves`,
    'the client metrics where the other overlay sends them.',
    '',
    'Two backend overlays do not add up (the second one replaces the exporter lists). To send to two',
    'backends, write your own overlay listing both, for example',
    `${code('service: { pipelines: { traces: { exporters: [clickhouse, file/spans, span_metrics] }, metrics/clients: { exporters: [clickhouse, file/spans] } } }')}.`,
    '',
    '## Environment',
    '',
    '| variable | default | meaning | file |',
    '|---|---|---|---|',
    ...Object.entries(ENV_VARS).map(([name, v]) => `| ${code(name)} | ${v.fallback == null ? 'required' : v.fallback === '' ? '(empty)' : code(v.fallback)} | ${v.meaning} | ${code(v.file)} |`),
    '',
    '## What passes',
    '',
    `Span names: ${allow.spanNames.map(code).join(', ')}; any other name becomes ${code(allow.unknownSpanName)}.`,
    '',
    `Span events: ${allow.eventNames.map(code).join(', ')}; other events are dropped.`,
    '',
    `Attribute keys (${allow.allowedKeys.length}, every other key is deleted): ${allow.allowedKeys.map(code).join(', ')}.`,
    '',
    `Values masked with ${code('****')} wherever they appear in an allowed key: ${BLOCKED_PATTERNS.map((p) => p.description).join('; ')}.`,
    `The ids ${[...new Set(allow.idShapes.map((s) => s.key))].map(code).join(', ')} are deleted unless they have the exact shape clitel generates.`,
    'Each level (resource, scope, span, span event, data point) keeps only its own keys, each of its own type; scope attributes, unknown scope names, `schema_url`, client metric descriptions and unknown units are cleared; spans with links and data points with exemplars are dropped.',
    '',
    `Client metrics (library usage counters, service heartbeats): ${allow.clients.metricNames.map(code).join(', ')}, only when the resource`,
    `${code('service.name')} is ${allow.clients.services.map(code).join(' or ')} (the tool and the schema's ${code('modules')}); other metrics are dropped.`,
    `Their keys (${allow.clients.allowedKeys.length}, every other key is deleted, including attributes a library allowlisted for its own counters): ${allow.clients.allowedKeys.map(code).join(', ')}.`,
    '',
  ];
  return `${lines.join('\n')}`;
}
