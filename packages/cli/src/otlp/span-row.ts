// SPDX-License-Identifier: Apache-2.0
// One stored span, shaped like the collector ClickHouse exporter's `otel_traces` row, so the same
// report queries serve the embedded store and ClickHouse. Attribute values are stringified the
// way the exporter does it (pcommon `AsString`): arrays and maps become JSON text.

/** A span event as stored. */
export interface SpanEventRow {
  /** Event time, nanoseconds since the epoch. */
  timestampNs: bigint;
  name: string;
  attributes: Record<string, string>;
}

/** A span as stored (`otel_traces` columns). */
export interface SpanRow {
  /** Span start, nanoseconds since the epoch (`Timestamp`). */
  timestampNs: bigint;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  traceState: string;
  spanName: string;
  /** `Internal`, `Server`, `Client`, `Producer`, `Consumer` or `Unspecified`. */
  spanKind: string;
  /** Resource `service.name`. */
  serviceName: string;
  resourceAttributes: Record<string, string>;
  scopeName: string;
  scopeVersion: string;
  spanAttributes: Record<string, string>;
  /** End minus start, nanoseconds (`Duration`). */
  durationNs: bigint;
  /** `Unset`, `Ok` or `Error`. */
  statusCode: string;
  statusMessage: string;
  events: SpanEventRow[];
}

/** A decoded attribute value before stringification. */
export type PlainValue = string | boolean | number | bigint | Uint8Array | PlainValue[] | { [key: string]: PlainValue } | undefined;

const KINDS = ['Unspecified', 'Internal', 'Server', 'Client', 'Producer', 'Consumer'];
const STATUSES = ['Unset', 'Ok', 'Error'];

/** The exporter's name for a SpanKind enum value. */
export function spanKindName(kind: number): string {
  return KINDS[kind] ?? 'Unspecified';
}

/** The exporter's name for a StatusCode enum value. */
export function statusCodeName(code: number): string {
  return STATUSES[code] ?? 'Unset';
}

function toRaw(value: PlainValue): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toRaw);
  if (value != null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toRaw(v)]));
  return value ?? null;
}

/** Stringifies a value as the ClickHouse exporter stores it. */
export function stringifyValue(value: PlainValue): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return JSON.stringify(toRaw(value));
}

/** Lower-case hex of bytes (trace and span ids). */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
