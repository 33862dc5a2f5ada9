// SPDX-License-Identifier: Apache-2.0
// The OpenTelemetry side of a service session, loaded with import() only once consent says yes:
// a MeterProvider of our own (never registered globally, so the host's own OpenTelemetry set-up
// and instruments are untouched), a periodic reader whose timer is unref'd, and the official
// OTLP/HTTP metrics exporter with a proxy-aware agent.
import type { ObservableResult } from '@opentelemetry/api';
import { SDK_INFO } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AggregationTemporality, MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { AggregationTemporalityPreference, OTLPMetricExporter as JsonExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtoExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { JsonMetricsSerializer } from '@opentelemetry/otlp-transformer';
import { CLITEL_VERSION } from '@clitel/core';
import { ATTR_CLITEL_COUNT_BUCKET, ATTR_CLITEL_COUNT_NAME, ATTR_ERROR_TYPE, METRIC_SERVICE_COUNT, METRIC_SERVICE_ERRORS, METRIC_SERVICE_HEARTBEATS, METRIC_SERVICE_UPTIME, SERVICE_SCOPE_NAME, type Platform } from '@clitel/core/internal';
import { createAgent, proxyFor } from '@clitel/core/proxy';
import type { ResolvedServiceConfig, ServiceTarget } from './config.js';
import { buildServiceResource } from './resource.js';
import { bucketOf } from './buckets.js';

/** What the session keeps while it runs. */
export interface SdkState {
  /** Errors counted so far, by type. */
  errors: ReadonlyMap<string, number>;
  /** Calls a host callback; a throw or a non-number is skipped. */
  read(fn: () => number): number | undefined;
  writeErr(text: string): void;
  debugLine(message: string): void;
}

/** The running SDK: flush now, or shut down. */
export interface Sdk {
  heartbeat(): Promise<void>;
  shutdown(timeoutMillis: number): Promise<void>;
}

/** Prints the OTLP/JSON that would be sent (CLITEL_DEBUG=1); sends nothing. */
function debugExporter(writeErr: (text: string) => void): PushMetricExporter {
  return {
    export(metrics: ResourceMetrics, done) {
      const body = JsonMetricsSerializer.serializeRequest(metrics);
      writeErr(`${Buffer.from(body ?? new Uint8Array()).toString('utf8')}\n`);
      done({ code: 0 });
    },
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
    selectAggregationTemporality: () => AggregationTemporality.CUMULATIVE,
  };
}

/** Each export (and proxy connection) waits at most this long, so shutdown stays bounded too. */
export function exportTimeout(config: ResolvedServiceConfig): number {
  return Math.min(config.target?.timeoutMillis ?? config.intervalMillis, config.intervalMillis, config.shutdownTimeoutMillis);
}

function otlpExporter(target: ServiceTarget, config: ResolvedServiceConfig, warnings: string[]): PushMetricExporter {
  const url = new URL(target.url);
  const proxy = proxyFor(url, target.proxy, warnings);
  const timeoutMillis = exportTimeout(config);
  const options = {
    url: target.url,
    headers: target.headers,
    timeoutMillis,
    temporalityPreference: AggregationTemporalityPreference.CUMULATIVE,
    httpAgentOptions: () => createAgent(url, proxy, timeoutMillis),
  };
  return target.protocol === 'http/json' ? new JsonExporter(options) : new ProtoExporter(options);
}

/** Starts the meter provider and the heartbeat timer; the first heartbeat is sent right away. */
export function startSdk(config: ResolvedServiceConfig, platform: Platform, sessionId: string, state: SdkState): Sdk {
  const warnings: string[] = [];
  const exporter = config.core.debug || config.target == null ? debugExporter(state.writeErr) : otlpExporter(config.target, config, warnings);
  for (const w of warnings) state.debugLine(w.replace(/^clitel: /, ''));
  const reader = new PeriodicExportingMetricReader({
    exporter,
    exportIntervalMillis: config.intervalMillis,
    exportTimeoutMillis: exportTimeout(config),
  });
  const resource = buildServiceResource(config, { platform, sdkVersion: String(SDK_INFO['telemetry.sdk.version'] ?? ''), sessionId });
  const provider = new MeterProvider({ resource: resourceFromAttributes(resource), readers: [reader] });
  const meter = provider.getMeter(SERVICE_SCOPE_NAME, CLITEL_VERSION);

  let beats = 0;
  meter.createObservableCounter(METRIC_SERVICE_HEARTBEATS, { unit: '{heartbeat}', description: 'Heartbeats sent by this process' })
    .addCallback((result: ObservableResult) => { beats += 1; result.observe(beats); });
  meter.createObservableGauge(METRIC_SERVICE_UPTIME, { unit: 's', description: 'Seconds since the process started' })
    .addCallback((result: ObservableResult) => result.observe(Math.floor(process.uptime())));
  meter.createObservableCounter(METRIC_SERVICE_ERRORS, { unit: '{error}', description: 'Errors recorded by the service, by type' })
    .addCallback((result: ObservableResult) => { for (const [type, n] of state.errors) result.observe(n, { [ATTR_ERROR_TYPE]: type }); });
  if (config.core.level === 'full' && config.counts.length > 0) {
    meter.createObservableGauge(METRIC_SERVICE_COUNT, { description: 'Host-provided counts, as the lower bound of their bucket' })
      .addCallback((result: ObservableResult) => {
        for (const [name, read] of config.counts) {
          const bucket = bucketOf(config.countBuckets, state.read(read));
          if (bucket != null) result.observe(bucket.lower, { [ATTR_CLITEL_COUNT_NAME]: name, [ATTR_CLITEL_COUNT_BUCKET]: bucket.label });
        }
      });
  }
  return {
    heartbeat: () => provider.forceFlush(),
    shutdown: (timeoutMillis) => provider.shutdown({ timeoutMillis }),
  };
}
