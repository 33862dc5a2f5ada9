// SPDX-License-Identifier: Apache-2.0
// OTLP/JSON (the OTLP/HTTP JSON encoding, and the collector `file` exporter's lines) → stored span
// rows. Ids are hex, enums integers, 64-bit integers strings or numbers; snake_case keys are also
// accepted, as the protobuf JSON mapping allows.
import { spanKindName, statusCodeName, stringifyValue, type PlainValue, type SpanEventRow, type SpanRow } from './span-row.js';

/** Thrown for JSON that is not an OTLP trace export request. */
export class OtlpJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OtlpJsonError';
  }
}

type Json = Record<string, unknown>;

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function get(obj: Json, name: string): unknown {
  return obj[name] ?? obj[snake(name)];
}

function isObject(value: unknown): value is Json {
  return value != null && typeof value === 'object' && !Array.isArray(value);
}

function list(obj: Json, name: string, where: string): Json[] {
  const value = get(obj, name);
  if (value == null) return [];
  if (!Array.isArray(value) || !value.every(isObject)) throw new OtlpJsonError(`${where}.${name} is not a list of objects`);
  return value;
}

function text(obj: Json, name: string): string {
  const value = get(obj, name);
  return typeof value === 'string' ? value : '';
}

function bigint(value: unknown, where: string): bigint {
  if (value == null || value === '') return 0n;
  if (typeof value === 'number' && Number.isFinite(value)) return BigInt(Math.trunc(value));
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  throw new OtlpJsonError(`${where} is not an integer`);
}

function id(value: unknown, bytes: number, where: string): string {
  if (value == null || value === '') return '';
  if (typeof value !== 'string') throw new OtlpJsonError(`${where} is not a string`);
  if (/^[0-9a-fA-F]+$/.test(value) && value.length === bytes * 2) return value.toLowerCase();
  const decoded = Buffer.from(value, 'base64');
  if (decoded.length === bytes) return decoded.toString('hex');
  throw new OtlpJsonError(`${where} is not a ${bytes}-byte hex id`);
}

function enumValue(value: unknown, names: readonly string[], where: string): number {
  if (value == null) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string') {
    const index = names.indexOf(value);
    if (index >= 0) return index;
  }
  throw new OtlpJsonError(`${where} is not a known enum value`);
}

function anyValue(value: unknown, where: string): PlainValue {
  if (!isObject(value)) return undefined;
  const s = get(value, 'stringValue');
  if (s != null) return String(s);
  const b = get(value, 'boolValue');
  if (b != null) return b === true || b === 'true';
  const i = get(value, 'intValue');
  if (i != null) return bigint(i, `${where}.intValue`);
  const d = get(value, 'doubleValue');
  if (d != null) return typeof d === 'number' ? d : Number(d);
  const a = get(value, 'arrayValue');
  if (isObject(a)) return (Array.isArray(a.values) ? a.values : []).map((v, n) => anyValue(v, `${where}[${n}]`));
  const kv = get(value, 'kvlistValue');
  if (isObject(kv)) return attributes(kv, 'values', where);
  const bytes = get(value, 'bytesValue');
  if (typeof bytes === 'string') return new Uint8Array(Buffer.from(bytes, 'base64'));
  return undefined;
}

function attributes(obj: Json, name: string, where: string): Record<string, PlainValue> {
  const out: Record<string, PlainValue> = {};
  for (const [n, kv] of list(obj, name, where).entries()) {
    out[text(kv, 'key')] = anyValue(get(kv, 'value'), `${where}.${name}[${n}]`);
  }
  return out;
}

function stringified(obj: Json, name: string, where: string): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes(obj, name, where)).map(([k, v]) => [k, stringifyValue(v)]));
}

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
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OtlpJsonError('the body is not valid JSON');
  }
  return decodeTraceRequestObject(body);
}
