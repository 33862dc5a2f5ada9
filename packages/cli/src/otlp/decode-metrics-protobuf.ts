// SPDX-License-Identifier: Apache-2.0
// OTLP/protobuf ExportMetricsServiceRequest → stored sum and gauge points (field numbers from
// opentelemetry/proto metrics/v1/metrics.proto).
import { WireReader, WIRE_FIXED64, WIRE_LENGTH, WIRE_VARINT } from './wire-reader.js';
import type { PlainValue } from './span-row.js';
import type { DecodedMetrics, MetricPointRow } from './metric-row.js';
import { readKeyValue, readResourceEnvelope, readScope, stringifyAll, want, type Scope } from './protobuf-common.js';

type Base = Omit<MetricPointRow, 'attributes' | 'startNs' | 'timeNs' | 'value'>;

function readPoint(r: WireReader, base: Base): MetricPointRow {
  const attributes: Record<string, PlainValue> = {};
  const point: MetricPointRow = { ...base, attributes: {}, startNs: 0n, timeNs: 0n, value: 0 };
  while (!r.done()) {
    const [field, wire] = r.tag();
    switch (field) {
      case 2: want(wire, WIRE_FIXED64, 'start_time_unix_nano'); point.startNs = r.fixed64(); break;
      case 3: want(wire, WIRE_FIXED64, 'time_unix_nano'); point.timeNs = r.fixed64(); break;
      case 4: want(wire, WIRE_FIXED64, 'as_double'); point.value = r.double(); break;
      case 6: want(wire, WIRE_FIXED64, 'as_int'); point.value = Number(BigInt.asIntN(64, r.fixed64())); break;
      case 7: {
        want(wire, WIRE_LENGTH, 'attributes');
        const [key, value] = readKeyValue(r.message());
        attributes[key] = value;
        break;
      }
      default: r.skip(wire);
    }
  }
  point.attributes = stringifyAll(attributes);
  return point;
}

/** Reads a Sum (`sum`) or Gauge (`gauge`) message's points. */
function readNumbers(r: WireReader, kind: 'sum' | 'gauge', base: Omit<Base, 'kind' | 'temporality' | 'monotonic'>, into: MetricPointRow[]): void {
  const points: WireReader[] = [];
  let temporality = 0;
  let monotonic = false;
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_LENGTH) points.push(r.message());
    else if (field === 2 && wire === WIRE_VARINT && kind === 'sum') temporality = r.varint();
    else if (field === 3 && wire === WIRE_VARINT && kind === 'sum') monotonic = r.varint() !== 0;
    else r.skip(wire);
  }
  for (const p of points) into.push(readPoint(p, { ...base, kind, temporality, monotonic }));
}

function readMetric(r: WireReader, scope: Scope, resource: Record<string, string>, out: DecodedMetrics): void {
  const base = { serviceName: resource['service.name'] ?? '', resourceAttributes: resource, scopeName: scope.name, scopeVersion: scope.version, metricName: '', description: '', unit: '' };
  const data: [number, WireReader][] = [];
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_LENGTH) base.metricName = r.string();
    else if (field === 2 && wire === WIRE_LENGTH) base.description = r.string();
    else if (field === 3 && wire === WIRE_LENGTH) base.unit = r.string();
    else if ((field === 5 || field === 7 || field === 9 || field === 10 || field === 11) && wire === WIRE_LENGTH) data.push([field, r.message()]);
    else r.skip(wire);
  }
  for (const [field, message] of data) {
    if (field === 5 || field === 7) readNumbers(message, field === 7 ? 'sum' : 'gauge', base, out.points);
    else {
      // Histograms and summaries: count their data points (field 1) as dropped.
      while (!message.done()) {
        const [f, w] = message.tag();
        if (f === 1 && w === WIRE_LENGTH) out.dropped += 1;
        message.skip(w);
      }
    }
  }
}

/** Decodes an OTLP/protobuf metrics export request. Throws WireFormatError on malformed bytes. */
export function decodeMetricsRequestProtobuf(buf: Uint8Array): DecodedMetrics {
  const out: DecodedMetrics = { points: [], dropped: 0 };
  const r = new WireReader(buf);
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field !== 1) {
      r.skip(wire);
      continue;
    }
    want(wire, WIRE_LENGTH, 'resource_metrics');
    const { attributes, scopes } = readResourceEnvelope(r.message());
    for (const sm of scopes) {
      let scope: Scope = { name: '', version: '' };
      const metrics: WireReader[] = [];
      while (!sm.done()) {
        const [f, w] = sm.tag();
        if (f === 1 && w === WIRE_LENGTH) scope = readScope(sm.message());
        else if (f === 2 && w === WIRE_LENGTH) metrics.push(sm.message());
        else sm.skip(w);
      }
      for (const m of metrics) readMetric(m, scope, attributes, out);
    }
  }
  return out;
}
