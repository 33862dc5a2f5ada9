// SPDX-License-Identifier: Apache-2.0
// The components and keys the generated configs may use, from the verified reference sheet
// (otelcol-contrib v0.159.0). The structural check rejects anything else, so a typo or a renamed
// key fails a test here instead of failing `otelcol-contrib validate` in production.

type Keys = readonly string[];

/** Allowed top-level keys per component type. */
export const KNOWN_COMPONENTS: Readonly<Record<'receivers' | 'processors' | 'connectors' | 'exporters', Readonly<Record<string, Keys>>>> = {
  receivers: { otlp: ['protocols'] },
  processors: {
    memory_limiter: ['check_interval', 'limit_mib', 'spike_limit_mib', 'limit_percentage', 'spike_limit_percentage'],
    batch: ['send_batch_size', 'send_batch_max_size', 'timeout', 'metadata_keys', 'metadata_cardinality_limit'],
    redaction: ['allow_all_keys', 'allowed_keys', 'ignored_keys', 'ignored_key_patterns', 'blocked_key_patterns', 'blocked_values', 'allowed_values', 'redact_all_types', 'hash_function', 'hmac_key', 'summary', 'url_sanitizer', 'db_sanitizer'],
    resource: ['attributes'],
    attributes: ['actions', 'include', 'exclude'],
    transform: ['error_mode', 'trace_statements', 'metric_statements', 'log_statements'],
    filter: ['error_mode', 'trace_conditions', 'metric_conditions', 'log_conditions'],
  },
  connectors: {
    span_metrics: [
      'namespace', 'histogram', 'dimensions', 'calls_dimensions', 'exclude_dimensions', 'add_resource_attributes', 'resource_metrics_key_attributes',
      'resource_metrics_cache_size', 'aggregation_cardinality_limit', 'aggregation_temporality', 'exemplars', 'events', 'metrics_flush_interval',
      'metrics_expiration', 'series_expiration', 'include_instrumentation_scope', 'metric_timestamp_cache_size',
    ],
  },
  exporters: {
    debug: ['verbosity', 'sampling_initial', 'sampling_thereafter', 'use_internal_logger', 'output_paths'],
    clickhouse: [
      'endpoint', 'database', 'username', 'password', 'ttl', 'create_schema', 'traces_table_name', 'logs_table_name', 'metrics_tables', 'cluster_name',
      'table_engine', 'compress', 'async_insert', 'json', 'connection_params', 'tls', 'timeout', 'retry_on_failure', 'sending_queue',
    ],
    otlp_http: ['endpoint', 'traces_endpoint', 'metrics_endpoint', 'headers', 'compression', 'encoding', 'timeout', 'tls', 'retry_on_failure', 'sending_queue'],
    file: ['path', 'format', 'rotation', 'compression', 'append', 'flush_interval', 'create_directory', 'directory_permissions', 'group_by'],
    prometheus: ['endpoint', 'namespace', 'const_labels', 'send_timestamps', 'metric_expiration', 'resource_constant_labels', 'enable_open_metrics', 'without_scope_info', 'translation_strategy'],
  },
};

/** Names that exist but must not be generated, and what to use instead. */
export const RETIRED_TYPES: Readonly<Record<string, string>> = {
  logging: 'debug (logging was removed in v0.111.0)',
  otlphttp: 'otlp_http (otlphttp is a deprecated alias)',
  spanmetrics: 'span_metrics (spanmetrics is a deprecated alias)',
};

/** Nested keys checked too: path below the component → allowed keys. */
export const KNOWN_NESTED: Readonly<Record<string, Keys>> = {
  'otlp.protocols': ['grpc', 'http'],
  'otlp.protocols.grpc': ['endpoint', 'max_recv_msg_size_mib', 'include_metadata', 'tls', 'auth'],
  'otlp.protocols.http': ['endpoint', 'max_request_body_size', 'include_metadata', 'cors', 'tls', 'auth', 'traces_url_path', 'metrics_url_path', 'logs_url_path'],
  'span_metrics.histogram': ['disable', 'unit', 'explicit', 'exponential', 'dimensions'],
  'span_metrics.histogram.explicit': ['buckets'],
  'span_metrics.exemplars': ['enabled', 'max_per_data_point'],
  'file.rotation': ['max_megabytes', 'max_days', 'max_backups', 'localtime'],
  'clickhouse.retry_on_failure': ['enabled', 'initial_interval', 'max_interval', 'max_elapsed_time', 'multiplier', 'randomization_factor'],
};

/** Keys holding Go durations (`720h`, `1s`, `2.5s`; never `30d`). */
export const DURATION_KEYS: ReadonlySet<string> = new Set([
  'check_interval', 'timeout', 'ttl', 'metrics_flush_interval', 'metrics_expiration', 'series_expiration', 'metric_expiration', 'flush_interval',
  'initial_interval', 'max_interval', 'max_elapsed_time',
]);

/** Keys with a closed set of values. */
export const ENUM_KEYS: Readonly<Record<string, Keys>> = {
  summary: ['debug', 'info', 'silent'],
  verbosity: ['basic', 'normal', 'detailed'],
  error_mode: ['ignore', 'silent', 'propagate'],
  format: ['json', 'proto'],
  compression: ['gzip', 'none', 'zstd', 'snappy', 'zlib', 'deflate', 'lz4'],
  encoding: ['proto', 'json'],
  unit: ['ms', 's'],
  action: ['insert', 'update', 'upsert', 'delete', 'hash', 'extract', 'convert'],
};

/** OTTL contexts allowed per statement or condition list. */
export const OTTL_CONTEXTS: Readonly<Record<string, Keys>> = {
  trace_statements: ['resource', 'scope', 'span', 'spanevent'],
  trace_conditions: ['resource', 'scope', 'span', 'spanevent'],
  metric_statements: ['resource', 'scope', 'metric', 'datapoint'],
  metric_conditions: ['resource', 'scope', 'metric', 'datapoint'],
};

/** OTTL functions the generated statements may call. */
export const OTTL_FUNCTIONS: ReadonlySet<string> = new Set(['set', 'delete_key', 'keep_keys', 'truncate_all', 'limit', 'IsMatch', 'IsString', 'IsInt', 'IsDouble', 'IsBool', 'IsList', 'Len', 'SpanID']);
