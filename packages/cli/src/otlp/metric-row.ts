// SPDX-License-Identifier: Apache-2.0
// One stored metric data point: a sum or a gauge, shaped like the collector ClickHouse exporter's
// `otel_metrics_sum` / `otel_metrics_gauge` rows (library usage counters and service heartbeats
// arrive this way). Histograms and summaries are counted and dropped.

/** A number data point as stored. */
export interface MetricPointRow {
  /** `sum` or `gauge`. */
  kind: 'sum' | 'gauge';
  serviceName: string;
  resourceAttributes: Record<string, string>;
  scopeName: string;
  scopeVersion: string;
  metricName: string;
  description: string;
  unit: string;
  attributes: Record<string, string>;
  /** Start of the aggregation interval, nanoseconds since the epoch (`StartTimeUnix`). */
  startNs: bigint;
  /** Time of the point (`TimeUnix`). */
  timeNs: bigint;
  value: number;
  /** 1 delta, 2 cumulative, 0 unspecified (always 0 for gauges). */
  temporality: number;
  monotonic: boolean;
}

/** Decoded points plus how many points of unsupported types were dropped. */
export interface DecodedMetrics {
  points: MetricPointRow[];
  dropped: number;
}
