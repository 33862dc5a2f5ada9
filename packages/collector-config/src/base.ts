// SPDX-License-Identifier: Apache-2.0
// base.yaml: receive OTLP, keep only what the schema allows, count runs, print a summary.
// Backends come from the overlays, which replace the exporter lists.
import { ATTR_CLITEL_COMMAND, ATTR_CLITEL_OPTIONS, ATTR_PROCESS_EXECUTABLE_NAME, ATTR_PROCESS_EXIT_CODE, ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION, ATTR_TELEMETRY_DISTRO_NAME, DISTRO_NAME, SCOPE_NAME } from '@clitel/core/internal';
import type { Allowlist } from './allowlist.js';
import type { ResolvedCollectorConfigOptions } from './types.js';
import { env, type ConfigValue } from './confmap.js';
import * as C from './components.js';
import { BLOCKED_PATTERNS } from './patterns.js';
import { DENIED_KEYS } from './denied-keys.js';
import { clientComments, clientFilterConfig, clientRedactionConfig, clientTransformConfig } from './client-pipeline.js';
import { attributePath, closedSetStatement, escapeRegex, exactlyOneOf, idShapeStatement, ottlString } from './ottl.js';
import { CLEAR_RESOURCE_SCHEMA_URL, keepKeysStatement, nameListStatement, scopeStatements, typeStatement } from './levels.js';
import { RUN_METRIC_DIMENSIONS, runMetricsTransformConfig } from './run-metrics.js';

/** A built file: its tree and comments keyed by dotted path (`processors.batch`). */
export interface BuiltConfig {
  config: Record<string, ConfigValue>;
  comments: Record<string, string>;
}

const MIB = 1024 * 1024;

/** Builds base.yaml for a schema. */
export function buildBase(allow: Allowlist, options: ResolvedCollectorConfigOptions): BuiltConfig {
  const tracesProcessors = [C.PROCESSOR_MEMORY_LIMITER, C.PROCESSOR_FILTER, C.PROCESSOR_RESOURCE, C.PROCESSOR_ATTRIBUTES, C.PROCESSOR_REDACTION, C.PROCESSOR_TRANSFORM, C.PROCESSOR_BATCH];
  const clientProcessors = [C.PROCESSOR_MEMORY_LIMITER, C.PROCESSOR_FILTER_CLIENTS, C.PROCESSOR_RESOURCE, C.PROCESSOR_ATTRIBUTES, C.PROCESSOR_REDACTION_CLIENTS, C.PROCESSOR_TRANSFORM_CLIENTS, C.PROCESSOR_BATCH];
  const config: Record<string, ConfigValue> = {
    receivers: {
      [C.RECEIVER_OTLP]: {
        protocols: {
          grpc: { endpoint: env('CLITEL_OTLP_GRPC_ENDPOINT', '0.0.0.0:4317'), max_recv_msg_size_mib: options.maxRequestMib, include_metadata: false },
          http: { endpoint: env('CLITEL_OTLP_HTTP_ENDPOINT', '0.0.0.0:4318'), max_request_body_size: options.maxRequestMib * MIB, include_metadata: false },
        },
      },
    },
    processors: {
      [C.PROCESSOR_MEMORY_LIMITER]: { check_interval: '1s', limit_mib: options.memoryLimitMib, spike_limit_mib: Math.floor(options.memoryLimitMib / 5) },
      [C.PROCESSOR_FILTER]: filterConfig(allow),
      [C.PROCESSOR_RESOURCE]: { attributes: DENIED_KEYS.map((d) => ({ pattern: d.pattern, action: 'delete' })) },
      [C.PROCESSOR_ATTRIBUTES]: { actions: DENIED_KEYS.map((d) => ({ pattern: d.pattern, action: 'delete' })) },
      [C.PROCESSOR_REDACTION]: {
        allow_all_keys: false,
        allowed_keys: allow.allowedKeys,
        ignored_keys: [...new Set(allow.idShapes.map((s) => s.key))],
        blocked_values: BLOCKED_PATTERNS.map((p) => p.pattern),
        redact_all_types: true,
        summary: 'silent',
      },
      [C.PROCESSOR_TRANSFORM]: transformConfig(allow, options),
      [C.PROCESSOR_FILTER_CLIENTS]: clientFilterConfig(allow),
      [C.PROCESSOR_REDACTION_CLIENTS]: clientRedactionConfig(allow),
      [C.PROCESSOR_TRANSFORM_CLIENTS]: clientTransformConfig(allow, options),
      [C.PROCESSOR_TRANSFORM_RUN_METRICS]: runMetricsTransformConfig(),
      [C.PROCESSOR_BATCH]: { send_batch_size: 1024, send_batch_max_size: 2048, timeout: '5s' },
    },
    connectors: {
      [C.CONNECTOR_SPAN_METRICS]: {
        namespace: C.METRICS_NAMESPACE,
        histogram: { unit: 'ms', explicit: { buckets: ['10ms', '25ms', '50ms', '100ms', '250ms', '500ms', '1s', '2.5s', '5s', '10s', '30s', '1m', '5m', '15m'] } },
        dimensions: RUN_METRIC_DIMENSIONS.map((name) => ({ name })),
        exclude_dimensions: [C.SPAN_METRICS_INSTANCE_DIMENSION],
        add_resource_attributes: false,
        resource_metrics_key_attributes: [ATTR_SERVICE_NAME],
        aggregation_cardinality_limit: 10000,
        exemplars: { enabled: false },
        metrics_flush_interval: '15s',
      },
    },
    exporters: {
      [C.EXPORTER_DEBUG]: { verbosity: 'basic' },
    },
    service: {
      pipelines: {
        [C.PIPELINE_TRACES]: { receivers: [C.RECEIVER_OTLP], processors: tracesProcessors, exporters: [C.EXPORTER_DEBUG, C.CONNECTOR_SPAN_METRICS] },
        [C.PIPELINE_METRICS]: { receivers: [C.CONNECTOR_SPAN_METRICS], processors: [C.PROCESSOR_MEMORY_LIMITER, C.PROCESSOR_FILTER, C.PROCESSOR_TRANSFORM_RUN_METRICS, C.PROCESSOR_BATCH], exporters: [C.EXPORTER_DEBUG] },
        [C.PIPELINE_CLIENT_METRICS]: { receivers: [C.RECEIVER_OTLP], processors: clientProcessors, exporters: [C.EXPORTER_DEBUG] },
      },
    },
  };
  const comments: Record<string, string> = {
    receivers: ` OTLP over HTTP and gRPC. A run is one small span, so requests are capped at ${options.maxRequestMib} MiB; client\n metadata (headers) is not kept. Set CLITEL_OTLP_HTTP_ENDPOINT / CLITEL_OTLP_GRPC_ENDPOINT to listen elsewhere.`,
    [`processors.${C.PROCESSOR_MEMORY_LIMITER}`]: ' First in every pipeline: refuses data (HTTP 503, retried by clients) before memory runs out.',
    [`processors.${C.PROCESSOR_FILTER}`]: ` Drops spans that are not a run of ${allow.tool} (service, executable, kind, root span, distro),\n span events the schema does not name, and, in the span_metrics pipeline, metrics that do not come from\n span_metrics.`,
    [`processors.${C.PROCESSOR_RESOURCE}`]: ' Deletes identifying resource keys by name (host, process, user, address, device, cloud), even if a client sends them.\n Used by the traces and the client metrics pipelines.',
    [`processors.${C.PROCESSOR_ATTRIBUTES}`]: ' The same for span and metric data-point attributes.',
    [`processors.${C.PROCESSOR_REDACTION}`]: ' Fail-closed allowlist: exactly the keys the schema and resource can produce; every other key is deleted\n (resource, scope, span and span-event attributes). Values of allowed keys are masked (****) where a\n blocked pattern matches: secrets, e-mails, home paths, IPs, MACs, UUID-like ids. The generated ids are\n ignored here and checked by exact shape in transform instead. summary: silent adds no attributes.',
    [`processors.${C.PROCESSOR_TRANSFORM}`]: ' Span names outside the schema become "' + allow.unknownSpanName + '"; values outside a closed list become\n _unknown / _other; ids of the wrong shape are deleted; status message and trace state are cleared;\n strings are truncated and attribute counts limited.\n Then every level keeps only its own keys, each of its type (the redaction allowlist is one list for all\n levels and adds its own redaction.* keys); scope attributes, unknown scope names and schema_url are cleared.',
    ...clientComments(allow, { filter: C.PROCESSOR_FILTER_CLIENTS, redaction: C.PROCESSOR_REDACTION_CLIENTS, transform: C.PROCESSOR_TRANSFORM_CLIENTS }),
    [`processors.${C.PROCESSOR_TRANSFORM_RUN_METRICS}`]: ' Run metrics: span_metrics copies the resource of the first span of each service (installation id,\n session id, os.version) unless the alpha gate connector.spanmetrics.excludeResourceMetrics is on; keep\n only service.name there, and only the configured dimensions on data points.',
    [`processors.${C.PROCESSOR_BATCH}`]: ' Last, after everything that drops data.',
    connectors: ' span_metrics (the current name; spanmetrics is a deprecated alias): run counts and duration histograms\n per command, version, OS and exit code (plus service.name, span.name, span.kind, status.code).',
    exporters: ' The base only prints counts. Pick a backend with an overlay: --config base.yaml --config overlay-<backend>.yaml',
    service: ' Overlays replace the exporter lists below whole (the collector merges maps, not lists). metrics gets the\n span_metrics run counts; metrics/clients gets the OTLP metrics clients send (library usage, service heartbeats).',
  };
  return { config, comments };
}

function filterConfig(allow: Allowlist): ConfigValue {
  const tool = ottlString(allow.tool);
  return {
    error_mode: 'ignore',
    trace_conditions: [
      {
        context: 'span',
        conditions: [
          `${attributePath('resource', ATTR_SERVICE_NAME)} != ${tool}`,
          `${attributePath('span', ATTR_PROCESS_EXECUTABLE_NAME)} != ${tool}`,
          'span.kind != SPAN_KIND_INTERNAL',
          'span.parent_span_id != SpanID(0x0000000000000000)',
          // No processor can clear links (set() ignores nil); clitel spans have none.
          'Len(span.links) > 0',
          `${attributePath('resource', ATTR_TELEMETRY_DISTRO_NAME)} != nil and ${attributePath('resource', ATTR_TELEMETRY_DISTRO_NAME)} != ${ottlString(DISTRO_NAME)}`,
        ],
      },
      { context: 'spanevent', conditions: [`not IsMatch(spanevent.name, ${ottlString(exactlyOneOf(allow.eventNames))})`] },
    ],
    metric_conditions: [
      { context: 'metric', conditions: [`not IsMatch(metric.name, ${ottlString(`^${escapeRegex(C.METRICS_NAMESPACE)}\\.`)})`] },
      { context: 'datapoint', conditions: [`${attributePath('datapoint', ATTR_SERVICE_NAME)} != ${tool}`] },
    ],
  };
}

function transformConfig(allow: Allowlist, options: ResolvedCollectorConfigOptions): ConfigValue {
  const statements = { resource: [] as string[], span: [] as string[], spanevent: [] as string[] };
  statements.span.push(`set(span.name, ${ottlString(allow.unknownSpanName)}) where not IsMatch(span.name, ${ottlString(exactlyOneOf(allow.spanNames))})`);
  statements.span.push('set(span.status.message, "") where span.status.message != ""');
  statements.span.push('set(span.trace_state, "") where span.trace_state != ""');
  for (const set of allow.closedSets) statements[set.level].push(closedSetStatement(set));
  for (const id of allow.idShapes) statements[id.level].push(idShapeStatement(id));
  statements.spanevent.push(keepKeysStatement('spanevent', allow.eventKeys), ...allow.eventTypes.map((t) => typeStatement('spanevent', t)));
  // Each level keeps only its own keys, each of its own type (see levels.ts).
  statements.resource.push(keepKeysStatement('resource', allow.resourceKeys), ...allow.resourceTypes.map((t) => typeStatement('resource', t)), CLEAR_RESOURCE_SCHEMA_URL);
  statements.span.push(keepKeysStatement('span', allow.spanKeys), ...allow.spanTypes.map((t) => typeStatement('span', t)));
  if (allow.spanKeys.includes(ATTR_CLITEL_OPTIONS)) statements.span.push(nameListStatement('span', ATTR_CLITEL_OPTIONS, allow.optionNames));
  const resourcePriority = [ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION];
  const spanPriority = [ATTR_PROCESS_EXIT_CODE, ATTR_CLITEL_COMMAND];
  statements.resource.push(`truncate_all(resource.attributes, ${options.maxValueBytes})`);
  statements.resource.push(`limit(resource.attributes, ${limitOf(allow.resourceKeys, resourcePriority)}, [${resourcePriority.map(ottlString).join(', ')}])`);
  statements.span.push(`truncate_all(span.attributes, ${options.maxValueBytes})`);
  statements.span.push(`limit(span.attributes, ${limitOf(allow.spanKeys, spanPriority)}, [${spanPriority.map(ottlString).join(', ')}])`);
  return {
    error_mode: 'ignore',
    trace_statements: [
      { context: 'resource', statements: statements.resource },
      { context: 'scope', statements: scopeStatements([SCOPE_NAME]) },
      { context: 'span', statements: statements.span },
      {
        context: 'spanevent',
        statements: [
          ...statements.spanevent,
          `truncate_all(spanevent.attributes, ${options.maxEventValueBytes})`,
          `limit(spanevent.attributes, ${allow.maxEventAttributes}, [])`,
        ],
      },
    ],
  };
}

/** As many attributes as the schema can produce; more than the priority keys, as `limit` requires. */
function limitOf(keys: readonly string[], priority: readonly string[]): number {
  return Math.max(keys.length, priority.length + 1);
}
