// SPDX-License-Identifier: Apache-2.0
// OTLP/JSON (the OTLP/HTTP JSON encoding, and the collector `file` exporter's lines) → stored span
// rows. Ids are hex, enums integers, 64-bit integers strings or numbers; snake_case keys are also
// accepted, as the protobuf JSON mapping allows.
import { spanKindName, statusCodeName, type SpanEventRow, type SpanRow } from './span-row.js';
import { bigint, enumValue, get, id, isObject, list, OtlpJsonError, parseBody, stringified, text, type Json } from './json-fields.js';

const KIND_NAMES = ['SPAN_KIND_UNSPECIFIED', 'SPAN_KIND_INTERNAL', 'SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT', 'SPAN_KIND_PRODUCER', 'SPAN_KIND_CONSUMER'];
const STATUS_NAMES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];

function span(s: Json, where: string, resource: Record<string, string>, scope: Json): SpanRow {
  const start = bigint(get(s, 'startTimeUnixNano'), `${where}.startTimeUnixNano`);
  const end = bigint(get(s, 'endTimeUnixNano'), `${where}.endTimeUnixNano`);
  const status = isObject(get(s, 'status')) ? (get(s, 'status') as Json) : {};
  const events: SpanEventRow[] = list(s, 'events', where).map((e, n) => ({
    timestampNs: bigint(get(e, 'timeUnixNano'), `${where}.events[${n}].timeUnixNano`),
    name: text(e, 'name'),
    attributes: stringified(e, 'attributes', `${where}.events[${n}]`),
  }));
  return {
    timestampNs: start,
    traceId: id(get(s, 'traceId'), 16, `${where}.traceId`),
    spanId: id(get(s, 'spanId'), 8, `${where}.spanId`),
    parentSpanId: id(get(s, 'parentSpanId'), 8, `${where}.parentSpanId`),
    traceState: text(s, 'traceState'),
    spanName: text(s, 'name'),
    spanKind: spanKindName(enumValue(get(s, 'kind'), KIND_NAMES, `${where}.kind`)),
    serviceName: resource['service.name'] ?? '',
    resourceAttributes: resource,
    scopeName: text(scope, 'name'),
    scopeVersion: text(scope, 'version'),
    spanAttributes: stringified(s, 'attributes', where),
    durationNs: end > start ? end - start : 0n,
    statusCode: statusCodeName(enumValue(get(status, 'code'), STATUS_NAMES, `${where}.status.code`)),
    statusMessage: text(status, 'message'),
    events,
  };
}

/** Converts a parsed OTLP/JSON trace export request. Throws OtlpJsonError when it is not one. */
export function decodeTraceRequestObject(body: unknown): SpanRow[] {
  if (!isObject(body)) throw new OtlpJsonError('the body is not a JSON object');
  const rows: SpanRow[] = [];
  for (const [i, rs] of list(body, 'resourceSpans', 'request').entries()) {
    const where = `resourceSpans[${i}]`;
    const resourceObj = isObject(get(rs, 'resource')) ? (get(rs, 'resource') as Json) : {};
    const resource = stringified(resourceObj, 'attributes', `${where}.resource`);
    for (const [j, ss] of list(rs, 'scopeSpans', where).entries()) {
      const scope = isObject(get(ss, 'scope')) ? (get(ss, 'scope') as Json) : {};
      for (const [k, s] of list(ss, 'spans', `${where}.scopeSpans[${j}]`).entries()) {
        rows.push(span(s, `${where}.scopeSpans[${j}].spans[${k}]`, resource, scope));
      }
    }
  }
  return rows;
}

/** Parses and converts an OTLP/JSON trace export request. */
export function decodeTraceRequestJson(text: string): SpanRow[] {
  return decodeTraceRequestObject(parseBody(text));
}
