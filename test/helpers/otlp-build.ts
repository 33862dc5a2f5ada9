// SPDX-License-Identifier: Apache-2.0
// Hand-built OTLP/JSON requests for the collector corpus tests, and readers of what the
// collector's file exporter wrote back (OTLP/JSON, one export request per line).
import { randomBytes } from 'node:crypto';

/** An attribute value as a test writes it; `{ kvlist }` and `{ bytes }` build the rarer types. */
type AttrValue = string | number | boolean | AttrValue[] | { kvlist: Record<string, AttrValue> } | { bytes: string } | { double: number };
export type Attrs = Record<string, AttrValue>;

interface AnyValue { stringValue?: string; intValue?: string; doubleValue?: number; boolValue?: boolean; arrayValue?: { values: AnyValue[] }; kvlistValue?: { values: KeyValue[] }; bytesValue?: string }
export interface KeyValue { key: string; value: AnyValue }

function anyValue(v: AttrValue): AnyValue {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
  if (Array.isArray(v)) return { arrayValue: { values: v.map(anyValue) } };
  if ('kvlist' in v) return { kvlistValue: { values: kv(v.kvlist) } };
  if ('double' in v) return { doubleValue: v.double };
  return { bytesValue: Buffer.from(v.bytes).toString('base64') };
}

/** Attributes as an OTLP KeyValue list. */
export function kv(attrs: Attrs): KeyValue[] {
  return Object.entries(attrs).map(([key, value]) => ({ key, value: anyValue(value) }));
}

/** Reads an OTLP/JSON KeyValue list back into plain values (maps as objects, bytes as base64). */
export function plain(list: unknown): Record<string, unknown> {
  const value = (v: Record<string, unknown> | undefined): unknown => {
    if (v == null) return undefined;
    if ('stringValue' in v) return v.stringValue;
    if ('boolValue' in v) return v.boolValue;
    if ('intValue' in v) return Number(v.intValue);
    if ('doubleValue' in v) return v.doubleValue;
    if ('bytesValue' in v) return { bytes: v.bytesValue };
    if ('arrayValue' in v) return ((v.arrayValue as { values?: Record<string, unknown>[] }).values ?? []).map(value);
    if ('kvlistValue' in v) return { kvlist: plain((v.kvlistValue as { values?: unknown[] }).values) };
    return undefined;
  };
  return Object.fromEntries(((list ?? []) as { key: string; value?: Record<string, unknown> }[]).map((e) => [e.key, value(e.value)]));
}

export const hexId = (bytes: number): string => randomBytes(bytes).toString('hex');

/** One resource with one scope of spans. */
export function resourceSpans(resource: Attrs, spans: Record<string, unknown>[], scope: Record<string, unknown> = { name: '@clitel/core', version: '0.1.0' }, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { resource: { attributes: kv(resource) }, scopeSpans: [{ scope, spans, ...(extra.scopeSchemaUrl != null ? { schemaUrl: extra.scopeSchemaUrl } : {}) }], ...(extra.schemaUrl != null ? { schemaUrl: extra.schemaUrl } : {}) };
}

/** A span the collector wrote, with its resource and scope, read back. */
export interface OutSpan {
  resource: Record<string, unknown>;
  resourceSchemaUrl: string;
  scope: { name: string; version: string; attributes: Record<string, unknown> };
  scopeSchemaUrl: string;
  raw: Record<string, unknown>;
  traceId: string;
  name: string;
  attributes: Record<string, unknown>;
  events: { name: string; attributes: Record<string, unknown> }[];
}

/** Every span in file-exporter lines. */
export function outSpans(lines: Record<string, unknown>[]): OutSpan[] {
  const out: OutSpan[] = [];
  for (const line of lines) {
    for (const rs of (line.resourceSpans ?? []) as Record<string, unknown>[]) {
      for (const ss of (rs.scopeSpans ?? []) as Record<string, unknown>[]) {
        const scope = (ss.scope ?? {}) as Record<string, unknown>;
        for (const s of (ss.spans ?? []) as Record<string, unknown>[]) {
          out.push({
            resource: plain((rs.resource as { attributes?: unknown } | undefined)?.attributes),
            resourceSchemaUrl: String(rs.schemaUrl ?? ''),
            scope: { name: String(scope.name ?? ''), version: String(scope.version ?? ''), attributes: plain(scope.attributes) },
            scopeSchemaUrl: String(ss.schemaUrl ?? ''),
            raw: s,
            traceId: String(s.traceId),
            name: String(s.name),
            attributes: plain(s.attributes),
            events: ((s.events ?? []) as { name: string; attributes?: unknown }[]).map((e) => ({ name: e.name, attributes: plain(e.attributes) })),
          });
        }
      }
    }
  }
  return out;
}

/** A metric data point the collector wrote, with its metric, scope and resource. */
export interface OutPoint {
  resource: Record<string, unknown>;
  resourceSchemaUrl: string;
  scope: { name: string; version: string; attributes: Record<string, unknown> };
  metric: { name: string; description: string; unit: string };
  attributes: Record<string, unknown>;
  raw: Record<string, unknown>;
}

/** Every data point (any metric type) in file-exporter lines. */
export function outPoints(lines: Record<string, unknown>[]): OutPoint[] {
  const out: OutPoint[] = [];
  for (const line of lines) {
    for (const rm of (line.resourceMetrics ?? []) as Record<string, unknown>[]) {
      for (const sm of (rm.scopeMetrics ?? []) as Record<string, unknown>[]) {
        const scope = (sm.scope ?? {}) as Record<string, unknown>;
        for (const m of (sm.metrics ?? []) as Record<string, unknown>[]) {
          const data = (m.sum ?? m.gauge ?? m.histogram ?? m.exponentialHistogram ?? m.summary) as { dataPoints?: Record<string, unknown>[] } | undefined;
          for (const p of data?.dataPoints ?? []) {
            out.push({
              resource: plain((rm.resource as { attributes?: unknown } | undefined)?.attributes),
              resourceSchemaUrl: String(rm.schemaUrl ?? ''),
              scope: { name: String(scope.name ?? ''), version: String(scope.version ?? ''), attributes: plain(scope.attributes) },
              metric: { name: String(m.name), description: String(m.description ?? ''), unit: String(m.unit ?? '') },
              attributes: plain(p.attributes),
              raw: p,
            });
          }
        }
      }
    }
  }
  return out;
}
