// SPDX-License-Identifier: Apache-2.0
// Usage-counter records → ResourceMetrics → the official OTLP/HTTP metrics exporters. Loaded only
// by the sender process and by debug mode.
import { resourceFromAttributes } from '@opentelemetry/resources';
import { millisToHrTime } from '@opentelemetry/core';
import { AggregationTemporality, DataPointType, type ResourceMetrics, type SumMetricData } from '@opentelemetry/sdk-metrics';
import { JsonMetricsSerializer } from '@opentelemetry/otlp-transformer';
import { OTLPMetricExporter as ProtoExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPMetricExporter as JsonExporter, AggregationTemporalityPreference } from '@opentelemetry/exporter-metrics-otlp-http';
import type { MetricsRecord } from '../shared/internal-types.js';
import type { ExportTarget } from '../shared/config.js';
import { exporterConfig, judgeExport, type ExportReport } from './export.js';
import type { ExportProbe } from './export-probe.js';

type MetricExporter = ProtoExporter | JsonExporter;

/** Groups records by resource; each point becomes a delta data point of a monotonic sum. */
export function toResourceMetrics(records: readonly MetricsRecord[]): ResourceMetrics[] {
  const groups = new Map<string, MetricsRecord[]>();
  for (const r of records) {
    const key = JSON.stringify([r.resource, r.scope]);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((group) => {
    const metrics = new Map<string, SumMetricData & { dataPoints: SumMetricData['dataPoints'] }>();
    for (const r of group) {
      for (const p of r.points) {
        const metric: SumMetricData = metrics.get(p.name) ?? {
          descriptor: { name: p.name, description: '', unit: '{call}', valueType: 0 },
          aggregationTemporality: AggregationTemporality.DELTA,
          dataPointType: DataPointType.SUM,
          isMonotonic: true,
          dataPoints: [],
        };
        metric.dataPoints.push({ startTime: millisToHrTime(r.start), endTime: millisToHrTime(r.end), attributes: p.attributes, value: p.value });
        metrics.set(p.name, metric);
      }
    }
    return {
      resource: resourceFromAttributes(group[0].resource),
      scopeMetrics: [{ scope: group[0].scope, metrics: [...metrics.values()] }],
    };
  });
}

/** The exact OTLP/JSON request bodies for these records. */
export function serializeMetricsJson(records: readonly MetricsRecord[]): string[] {
  return toResourceMetrics(records).map((rm) => Buffer.from(JsonMetricsSerializer.serializeRequest(rm) ?? new Uint8Array()).toString('utf8'));
}

/** Creates the official metrics exporter for the target's protocol. */
export function createMetricExporter(target: ExportTarget, probe: ExportProbe): MetricExporter {
  const config = { ...exporterConfig(target, probe), temporalityPreference: AggregationTemporalityPreference.DELTA };
  return target.protocol === 'http/json' ? new JsonExporter(config) : new ProtoExporter(config);
}

/** Exports one ResourceMetrics and judges the result as for spans. */
export function exportMetrics(exporter: MetricExporter, metrics: ResourceMetrics, probe: ExportProbe): Promise<ExportReport> {
  return new Promise((resolve) => {
    exporter.export(metrics, (result) => resolve(judgeExport(result, probe)));
  });
}
