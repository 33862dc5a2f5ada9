// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { JsonMetricsSerializer, ProtobufMetricsSerializer } from '@opentelemetry/otlp-transformer';
import { usageMetrics } from '../../test/helpers/resource-metrics.js';
import { decodeMetricsRequestProtobuf } from './decode-metrics-protobuf.js';
import { decodeMetricsRequestJson } from './decode-metrics-json.js';
import { WireFormatError } from './wire-reader.js';

describe('OTLP metrics decoding', () => {
  const metrics = usageMetrics('inst-1', 1_790_000_000_000, { parse: 12, stringify: 3 });
  const proto = ProtobufMetricsSerializer.serializeRequest(metrics) as Uint8Array;
  const json = Buffer.from(JsonMetricsSerializer.serializeRequest(metrics) as Uint8Array).toString('utf8');

  it('keeps sums and gauges, with their attributes and intervals, and counts dropped histograms', () => {
    const decoded = decodeMetricsRequestProtobuf(proto);
    expect(decoded.dropped).toBe(1);
    expect(decoded.points.map((p) => [p.kind, p.metricName, p.attributes, p.value, p.temporality, p.monotonic])).toEqual([
      ['sum', 'clitel.function.calls', { 'clitel.function': 'parse' }, 12, 1, true],
      ['sum', 'clitel.function.calls', { 'clitel.function': 'stringify' }, 3, 1, true],
      ['sum', 'clitel.module.loads', {}, 1, 1, true],
      ['gauge', 'queue.depth', { queue: 'main' }, 2.5, 0, false],
    ]);
    expect(decoded.points[0]).toMatchObject({
      serviceName: 'parselib', scopeName: '@clitel/core', unit: '{call}', description: 'calls per function',
      startNs: 1_789_999_995_000_000_000n, timeNs: 1_790_000_000_000_000_000n,
    });
    expect(decoded.points[0]?.resourceAttributes['clitel.installation.id']).toBe('inst-1');
  });

  it('decodes the JSON encoding to the same points', () => {
    expect(decodeMetricsRequestJson(json)).toEqual(decodeMetricsRequestProtobuf(proto));
  });

  it('rejects truncated protobuf', () => {
    expect(() => decodeMetricsRequestProtobuf(proto.subarray(0, proto.length - 2))).toThrow(WireFormatError);
  });
});
