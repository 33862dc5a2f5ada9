// SPDX-License-Identifier: Apache-2.0
// Metrics as the OpenTelemetry SDK hands them to its exporters: usage-counter sums (as core sends
// them), a gauge and a histogram (which clitel dev drops).
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AggregationTemporality, DataPointType, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { HrTime } from '@opentelemetry/api';

const hr = (ms: number): HrTime => [Math.floor(ms / 1000), (ms % 1000) * 1_000_000];

/** One process's counters for `installation`, ending at `endMs`. */
export function usageMetrics(installation: string, endMs: number, calls: Record<string, number>): ResourceMetrics {
  const startTime = hr(endMs - 5_000);
  const endTime = hr(endMs);
  return {
    resource: resourceFromAttributes({ 'service.name': 'parselib', 'service.version': '3.1.0', 'clitel.installation.id': installation }),
    scopeMetrics: [{
      scope: { name: '@clitel/core', version: '0.1.0' },
      metrics: [
        {
          descriptor: { name: 'clitel.function.calls', description: 'calls per function', unit: '{call}', valueType: 0 },
          aggregationTemporality: AggregationTemporality.DELTA, dataPointType: DataPointType.SUM, isMonotonic: true,
          dataPoints: Object.entries(calls).map(([fn, value]) => ({ startTime, endTime, attributes: { 'clitel.function': fn }, value })),
        },
        {
          descriptor: { name: 'clitel.module.loads', description: '', unit: '{load}', valueType: 0 },
          aggregationTemporality: AggregationTemporality.DELTA, dataPointType: DataPointType.SUM, isMonotonic: true,
          dataPoints: [{ startTime, endTime, attributes: {}, value: 1 }],
        },
        {
          descriptor: { name: 'queue.depth', description: '', unit: '1', valueType: 1 },
          aggregationTemporality: AggregationTemporality.CUMULATIVE, dataPointType: DataPointType.GAUGE, isMonotonic: false,
          dataPoints: [{ startTime, endTime, attributes: { queue: 'main' }, value: 2.5 }],
        },
        {
          descriptor: { name: 'latency', description: '', unit: 'ms', valueType: 1 },
          aggregationTemporality: AggregationTemporality.CUMULATIVE, dataPointType: DataPointType.HISTOGRAM, isMonotonic: false,
          dataPoints: [{ startTime, endTime, attributes: {}, value: { buckets: { boundaries: [10], counts: [1, 0] }, count: 1, sum: 3, min: 3, max: 3 } }],
        },
      ],
    }],
  } as ResourceMetrics;
}
