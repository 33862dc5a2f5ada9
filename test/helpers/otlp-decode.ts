// SPDX-License-Identifier: Apache-2.0
// Decodes OTLP/HTTP request bodies (protobuf with the official .proto files, or JSON) into
// plain spans and metric points that tests can compare.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import protobuf from 'protobufjs';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../proto');

let root: protobuf.Root | undefined;
function protoRoot(): protobuf.Root {
  if (root == null) {
    root = new protobuf.Root();
    root.resolvePath = (_origin, target) => resolve(ROOT, target);
    root.loadSync([
      'opentelemetry/proto/collector/trace/v1/trace_service.proto',
      'opentelemetry/proto/collector/metrics/v1/metrics_service.proto',
    ]);
  }
  return root;
}

type Value = string | number | boolean | Value[] | undefined;

export interface DecodedSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  start: bigint;
  end: bigint;
  status: number;
  attributes: Record<string, Value>;
  resource: Record<string, Value>;
  scope: string;
  events: { name: string; time: bigint; attributes: Record<string, Value> }[];
}

export interface DecodedPoint {
  metric: string;
  value: number;
  attributes: Record<string, Value>;
  resource: Record<string, Value>;
}

interface AnyValue { stringValue?: string; boolValue?: boolean; intValue?: number | string | { toString(): string }; doubleValue?: number; arrayValue?: { values?: AnyValue[] } }
interface KeyValue { key: string; value?: AnyValue }

function value(v: AnyValue | undefined): Value {
  if (v == null) return undefined;
  if (v.stringValue != null) return v.stringValue;
  if (v.boolValue != null) return v.boolValue;
  if (v.intValue != null) return Number(v.intValue.toString());
  if (v.doubleValue != null) return v.doubleValue;
  if (v.arrayValue != null) return (v.arrayValue.values ?? []).map(value);
  return undefined;
}

function attrs(list: KeyValue[] | undefined): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const kv of list ?? []) out[kv.key] = value(kv.value);
  return out;
}

const hex = (b: Uint8Array | string | undefined): string => (typeof b === 'string' ? b : Buffer.from(b ?? []).toString('hex'));
const big = (n: unknown): bigint => BigInt(String(n ?? 0));

/** Turns a decoded request object (protobuf → object, or parsed JSON) into plain spans. */
export function spansOf(request: { resourceSpans?: unknown[] }): DecodedSpan[] {
  const out: DecodedSpan[] = [];
  for (const rs of (request.resourceSpans ?? []) as { resource?: { attributes?: KeyValue[] }; scopeSpans?: { scope?: { name?: string }; spans?: Record<string, unknown>[] }[] }[]) {
    const resource = attrs(rs.resource?.attributes);
    for (const ss of rs.scopeSpans ?? []) {
      for (const s of ss.spans ?? []) {
        out.push({
          name: s.name as string,
          kind: Number(s.kind ?? 0),
          traceId: hex(s.traceId as Uint8Array),
          spanId: hex(s.spanId as Uint8Array),
          start: big(s.startTimeUnixNano),
          end: big(s.endTimeUnixNano),
          status: Number((s.status as { code?: number } | undefined)?.code ?? 0),
          attributes: attrs(s.attributes as KeyValue[]),
          resource,
          scope: ss.scope?.name ?? '',
          events: ((s.events ?? []) as { name: string; timeUnixNano?: unknown; attributes?: KeyValue[] }[]).map((e) => ({ name: e.name, time: big(e.timeUnixNano), attributes: attrs(e.attributes) })),
        });
      }
    }
  }
  return out;
}

/** Turns a decoded metrics request into plain data points (sums and gauges). */
export function pointsOf(request: { resourceMetrics?: unknown[] }): DecodedPoint[] {
  const out: DecodedPoint[] = [];
  for (const rm of (request.resourceMetrics ?? []) as { resource?: { attributes?: KeyValue[] }; scopeMetrics?: { metrics?: Record<string, unknown>[] }[] }[]) {
    const resource = attrs(rm.resource?.attributes);
    for (const sm of rm.scopeMetrics ?? []) {
      for (const m of sm.metrics ?? []) {
        const data = (m.sum ?? m.gauge) as { dataPoints?: { asInt?: unknown; asDouble?: number; attributes?: KeyValue[] }[] } | undefined;
        for (const p of data?.dataPoints ?? []) {
          out.push({ metric: m.name as string, value: p.asDouble ?? Number(String(p.asInt ?? 0)), attributes: attrs(p.attributes), resource });
        }
      }
    }
  }
  return out;
}

/** Decodes a protobuf ExportTraceServiceRequest / ExportMetricsServiceRequest body. */
export function decodeProtobuf(kind: 'traces' | 'metrics', body: Buffer): Record<string, unknown> {
  const type = protoRoot().lookupType(kind === 'traces'
    ? 'opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest'
    : 'opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest');
  return type.toObject(type.decode(body), { longs: String, defaults: false, arrays: true }) as Record<string, unknown>;
}

const ID_FIELDS = new Set(['traceId', 'spanId', 'parentSpanId']);

/** Encodes an OTLP/JSON request object (hex ids) as a protobuf body, for hand-built requests. */
export function encodeProtobuf(kind: 'traces' | 'metrics', json: object): Uint8Array {
  const toProto = (v: unknown, key = ''): unknown => {
    if (ID_FIELDS.has(key) && typeof v === 'string') return Buffer.from(v, 'hex');
    if (Array.isArray(v)) return v.map((x) => toProto(x));
    if (v != null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toProto(x, k)]));
    return v;
  };
  const type = protoRoot().lookupType(kind === 'traces'
    ? 'opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest'
    : 'opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest');
  return type.encode(type.fromObject(toProto(json) as Record<string, unknown>)).finish();
}
