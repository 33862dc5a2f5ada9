// SPDX-License-Identifier: Apache-2.0
// OTLP/protobuf ExportTraceServiceRequest → stored span rows. Field numbers follow
// opentelemetry/proto trace/v1/trace.proto, common/v1/common.proto and resource/v1/resource.proto.
import { WireReader, WIRE_FIXED64, WIRE_LENGTH, WIRE_VARINT } from './wire-reader.js';
import { spanKindName, statusCodeName, toHex, type PlainValue, type SpanEventRow, type SpanRow } from './span-row.js';
import { readKeyValue, readResourceEnvelope, readScope, stringifyAll, want, type Scope } from './protobuf-common.js';

function readEvent(r: WireReader): SpanEventRow {
  const event: SpanEventRow = { timestampNs: 0n, name: '', attributes: {} };
  const attributes: Record<string, PlainValue> = {};
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1) { want(wire, WIRE_FIXED64, 'time_unix_nano'); event.timestampNs = r.fixed64(); }
    else if (field === 2) { want(wire, WIRE_LENGTH, 'name'); event.name = r.string(); }
    else if (field === 3) {
      want(wire, WIRE_LENGTH, 'attributes');
      const [key, value] = readKeyValue(r.message());
      attributes[key] = value;
    }
    else r.skip(wire);
  }
  event.attributes = stringifyAll(attributes);
  return event;
}

function readSpan(r: WireReader, scope: Scope, resource: Record<string, string>): SpanRow {
  let start = 0n;
  let end = 0n;
  let kind = 0;
  let status = 0;
  const row: SpanRow = {
    timestampNs: 0n, traceId: '', spanId: '', parentSpanId: '', traceState: '', spanName: '', spanKind: '',
    serviceName: resource['service.name'] ?? '', resourceAttributes: resource, scopeName: scope.name, scopeVersion: scope.version,
    spanAttributes: {}, durationNs: 0n, statusCode: '', statusMessage: '', events: [],
  };
  const attributes: Record<string, PlainValue> = {};
  while (!r.done()) {
    const [field, wire] = r.tag();
    switch (field) {
      case 1: want(wire, WIRE_LENGTH, 'trace_id'); row.traceId = toHex(r.bytes()); break;
      case 2: want(wire, WIRE_LENGTH, 'span_id'); row.spanId = toHex(r.bytes()); break;
      case 3: want(wire, WIRE_LENGTH, 'trace_state'); row.traceState = r.string(); break;
      case 4: want(wire, WIRE_LENGTH, 'parent_span_id'); row.parentSpanId = toHex(r.bytes()); break;
      case 5: want(wire, WIRE_LENGTH, 'name'); row.spanName = r.string(); break;
      case 6: want(wire, WIRE_VARINT, 'kind'); kind = r.varint(); break;
      case 7: want(wire, WIRE_FIXED64, 'start_time_unix_nano'); start = r.fixed64(); break;
      case 8: want(wire, WIRE_FIXED64, 'end_time_unix_nano'); end = r.fixed64(); break;
      case 9: {
        want(wire, WIRE_LENGTH, 'attributes');
        const [key, value] = readKeyValue(r.message());
        attributes[key] = value;
        break;
      }
      case 11: want(wire, WIRE_LENGTH, 'events'); row.events.push(readEvent(r.message())); break;
      case 15: {
        want(wire, WIRE_LENGTH, 'status');
        const s = r.message();
        while (!s.done()) {
          const [f, w] = s.tag();
          if (f === 2 && w === WIRE_LENGTH) row.statusMessage = s.string();
          else if (f === 3 && w === WIRE_VARINT) status = s.varint();
          else s.skip(w);
        }
        break;
      }
      default: r.skip(wire);
    }
  }
  row.timestampNs = start;
  row.durationNs = end > start ? end - start : 0n;
  row.spanKind = spanKindName(kind);
  row.statusCode = statusCodeName(status);
  row.spanAttributes = stringifyAll(attributes);
  return row;
}

function readScopeSpans(r: WireReader, resource: Record<string, string>, rows: SpanRow[]): void {
  let scope: Scope = { name: '', version: '' };
  const spans: WireReader[] = [];
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_LENGTH) scope = readScope(r.message());
    else if (field === 2 && wire === WIRE_LENGTH) spans.push(r.message());
    else r.skip(wire);
  }
  for (const span of spans) rows.push(readSpan(span, scope, resource));
}

function readResourceSpans(r: WireReader, rows: SpanRow[]): void {
  const { attributes, scopes } = readResourceEnvelope(r);
  for (const scope of scopes) readScopeSpans(scope, attributes, rows);
}

/** Decodes an OTLP/protobuf trace export request. Throws WireFormatError on malformed bytes. */
export function decodeTraceRequestProtobuf(buf: Uint8Array): SpanRow[] {
  const rows: SpanRow[] = [];
  const r = new WireReader(buf);
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1) {
      want(wire, WIRE_LENGTH, 'resource_spans');
      readResourceSpans(r.message(), rows);
    } else r.skip(wire);
  }
  return rows;
}
