// SPDX-License-Identifier: Apache-2.0
// Component ids, pipeline names and environment variables shared by the base config, the
// overlays, the generated README and the checks. Current contrib names only: `span_metrics`
// (not the deprecated `spanmetrics` alias), `otlp_http` (not `otlphttp`), `debug` (not `logging`).

export const RECEIVER_OTLP = 'otlp';
export const PROCESSOR_MEMORY_LIMITER = 'memory_limiter';
export const PROCESSOR_FILTER = 'filter/clitel';
export const PROCESSOR_RESOURCE = 'resource/drop-identifying';
export const PROCESSOR_ATTRIBUTES = 'attributes/drop-identifying';
export const PROCESSOR_REDACTION = 'redaction/allowlist';
export const PROCESSOR_TRANSFORM = 'transform/limits';
export const PROCESSOR_BATCH = 'batch';
export const PROCESSOR_FILTER_CLIENTS = 'filter/clients';
export const PROCESSOR_REDACTION_CLIENTS = 'redaction/clients';
export const PROCESSOR_TRANSFORM_CLIENTS = 'transform/clients';
export const PROCESSOR_TRANSFORM_RUN_METRICS = 'transform/run-metrics';
export const CONNECTOR_SPAN_METRICS = 'span_metrics';
export const EXPORTER_DEBUG = 'debug';
export const EXPORTER_CLICKHOUSE = 'clickhouse';
export const EXPORTER_OTLP_HTTP = 'otlp_http/vendor';
export const EXPORTER_FILE = 'file/spans';
export const EXPORTER_PROMETHEUS = 'prometheus';

export const PIPELINE_TRACES = 'traces';
export const PIPELINE_METRICS = 'metrics';
/** Library usage counters and service heartbeats received over OTLP. */
export const PIPELINE_CLIENT_METRICS = 'metrics/clients';

/** span_metrics' own per-collector dimension, excluded so series do not split by collector. */
export const SPAN_METRICS_INSTANCE_DIMENSION = 'collector.instance.id';

/** Namespace of the metrics span_metrics derives: `clitel.run.calls`, `clitel.run.duration`. */
export const METRICS_NAMESPACE = 'clitel.run';

/** Environment variables the generated files read, with their defaults (undefined: required). */
export const ENV_VARS: Readonly<Record<string, { fallback: string | undefined; meaning: string; file: string }>> = {
  CLITEL_OTLP_HTTP_ENDPOINT: { fallback: '0.0.0.0:4318', meaning: 'where the OTLP/HTTP receiver listens', file: 'base.yaml' },
  CLITEL_OTLP_GRPC_ENDPOINT: { fallback: '0.0.0.0:4317', meaning: 'where the OTLP/gRPC receiver listens', file: 'base.yaml' },
  CLICKHOUSE_ENDPOINT: { fallback: 'tcp://127.0.0.1:9000?dial_timeout=10s', meaning: 'ClickHouse server', file: 'overlay-clickhouse.yaml' },
  CLICKHOUSE_DATABASE: { fallback: 'clitel', meaning: 'database (created when missing)', file: 'overlay-clickhouse.yaml' },
  CLICKHOUSE_USER: { fallback: 'default', meaning: 'ClickHouse user', file: 'overlay-clickhouse.yaml' },
  CLICKHOUSE_PASSWORD: { fallback: '', meaning: 'ClickHouse password', file: 'overlay-clickhouse.yaml' },
  CLITEL_OTLP_EXPORT_ENDPOINT: { fallback: undefined, meaning: 'vendor OTLP/HTTP base URL (`/v1/traces` and `/v1/metrics` are appended)', file: 'overlay-otlp-http.yaml' },
  CLITEL_OTLP_EXPORT_HEADER: { fallback: 'authorization', meaning: 'name of the vendor auth header', file: 'overlay-otlp-http.yaml' },
  CLITEL_OTLP_EXPORT_TOKEN: { fallback: undefined, meaning: 'value of the vendor auth header', file: 'overlay-otlp-http.yaml' },
  CLITEL_FILE_PATH: { fallback: '/var/lib/clitel/spans.jsonl', meaning: 'JSON-lines file of spans and client metrics (rotated)', file: 'overlay-file.yaml' },
  CLITEL_PROMETHEUS_ENDPOINT: { fallback: '0.0.0.0:8889', meaning: 'where /metrics is served', file: 'overlay-prometheus.yaml' },
};
