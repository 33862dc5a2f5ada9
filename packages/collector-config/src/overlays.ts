// SPDX-License-Identifier: Apache-2.0
// The overlays: small files merged after base.yaml (`--config base.yaml --config overlay-x.yaml`).
// The collector replaces lists whole, so an overlay that adds an exporter repeats the pipeline's
// complete exporter list, span_metrics included. Each backend gets the spans and the client
// metrics; Prometheus gets the span_metrics run counts only (see its comment).
import type { ResolvedCollectorConfigOptions } from './types.js';
import type { BuiltConfig } from './base.js';
import { env } from './confmap.js';
import * as C from './components.js';

/** One overlay file. */
export interface Overlay extends BuiltConfig {
  file: string;
  /** One line: what it adds. */
  title: string;
}

function envOf(name: keyof typeof C.ENV_VARS): ReturnType<typeof env> {
  return env(name, C.ENV_VARS[name].fallback);
}

/** Routes the spans (keeping span_metrics) and the client metrics to one backend. */
function pipelinesTo(exporter: string): BuiltConfig['config'] {
  return {
    service: {
      pipelines: {
        [C.PIPELINE_TRACES]: { exporters: [exporter, C.CONNECTOR_SPAN_METRICS] },
        [C.PIPELINE_CLIENT_METRICS]: { exporters: [exporter] },
      },
    },
  };
}

/** Builds every overlay, in a fixed order. */
export function buildOverlays(options: ResolvedCollectorConfigOptions): Overlay[] {
  const ttlHours = `${options.retentionDays * 24}h`;
  const listNote = ' The spans and the client metrics (library usage, service heartbeats) go to this backend. Exporter\n lists are repeated in full: lists from base.yaml are replaced, not appended.';
  return [
    {
      file: 'overlay-clickhouse.yaml',
      title: `ClickHouse: spans in otel_traces, client metrics in otel_metrics_*, kept ${options.retentionDays} days (TTL ${ttlHours}).`,
      config: {
        exporters: {
          [C.EXPORTER_CLICKHOUSE]: {
            endpoint: envOf('CLICKHOUSE_ENDPOINT'),
            database: envOf('CLICKHOUSE_DATABASE'),
            username: envOf('CLICKHOUSE_USER'),
            password: envOf('CLICKHOUSE_PASSWORD'),
            ttl: ttlHours,
            create_schema: true,
            traces_table_name: 'otel_traces',
            timeout: '10s',
            retry_on_failure: { enabled: true, initial_interval: '5s', max_interval: '30s', max_elapsed_time: '300s' },
          },
        },
        ...pipelinesTo(C.EXPORTER_CLICKHOUSE),
      },
      comments: {
        exporters: ` ttl is a Go duration (${ttlHours} = ${options.retentionDays} days) and applies when the table is created; change it later\n with ALTER TABLE … MODIFY TTL. Delete one installation's rows: see docs/collector.md.`,
        service: listNote,
      },
    },
    {
      file: 'overlay-otlp-http.yaml',
      title: 'Any OTLP/HTTP vendor (Honeycomb, Grafana Cloud, Datadog, …); endpoint and auth header from the environment.',
      config: {
        exporters: {
          [C.EXPORTER_OTLP_HTTP]: {
            endpoint: envOf('CLITEL_OTLP_EXPORT_ENDPOINT'),
            headers: [{ name: envOf('CLITEL_OTLP_EXPORT_HEADER'), value: envOf('CLITEL_OTLP_EXPORT_TOKEN') }],
            compression: 'gzip',
            encoding: 'proto',
            timeout: '10s',
          },
        },
        ...pipelinesTo(C.EXPORTER_OTLP_HTTP),
      },
      comments: {
        exporters: ' CLITEL_OTLP_EXPORT_ENDPOINT is the base URL (/v1/traces and /v1/metrics are appended). The header name and value come\n from CLITEL_OTLP_EXPORT_HEADER and CLITEL_OTLP_EXPORT_TOKEN, e.g. x-honeycomb-team / <key> (Honeycomb),\n authorization / Basic <base64 id:token> (Grafana Cloud), dd-api-key / <key> (Datadog).',
        service: listNote,
      },
    },
    {
      file: 'overlay-file.yaml',
      title: `Self-hosting: OTLP JSON lines in one file, rotated at 100 MB, kept ${options.retentionDays} days.`,
      config: {
        exporters: {
          [C.EXPORTER_FILE]: {
            path: envOf('CLITEL_FILE_PATH'),
            format: 'json',
            create_directory: true,
            rotation: { max_megabytes: 100, max_days: options.retentionDays, max_backups: 100, localtime: false },
          },
        },
        ...pipelinesTo(C.EXPORTER_FILE),
      },
      comments: {
        exporters: ' One OTLP/JSON export request per line; rotated files get a timestamp before the extension.',
        service: listNote,
      },
    },
    {
      file: 'overlay-prometheus.yaml',
      title: 'Prometheus: the span_metrics run counts and duration histograms on /metrics.',
      config: {
        exporters: { [C.EXPORTER_PROMETHEUS]: { endpoint: envOf('CLITEL_PROMETHEUS_ENDPOINT'), send_timestamps: false } },
        service: { pipelines: { [C.PIPELINE_METRICS]: { exporters: [C.EXPORTER_PROMETHEUS] } } },
      },
      comments: {
        exporters: ` Serves ${C.METRICS_NAMESPACE}.calls and ${C.METRICS_NAMESPACE}.duration (Prometheus names such as\n clitel_run_calls_total) labelled by command, version, OS and exit code. Combine with a traces overlay.`,
        service: ' Replaces the metrics exporter list only, so it merges cleanly with a backend overlay in either order.\n metrics/clients is left alone on purpose: client metrics carry per-installation resource keys that\n Prometheus would expose in target_info, and it keeps one current value per label set, so points from\n many processes would overwrite each other instead of adding up. They go to the\n other overlay\'s backend (or only to debug with base.yaml alone).',
      },
    },
    {
      file: 'overlay-debug.yaml',
      title: 'Debug: print every span and metric after redaction, to check what would be stored.',
      config: { exporters: { [C.EXPORTER_DEBUG]: { verbosity: 'detailed' } } },
      comments: {
        exporters: ' Use with base.yaml alone (its pipelines already export to debug). Output goes to the collector log.',
      },
    },
  ];
}
