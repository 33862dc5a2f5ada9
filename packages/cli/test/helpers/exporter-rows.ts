// SPDX-License-Identifier: Apache-2.0
// Rows as the collector ClickHouse exporter v0.161.0 writes them (its traces_insert.sql columns),
// as JSONEachRow objects for @clickhouse/client's insert. Times are UTC text, so inserts pass
// session_timezone: 'UTC'.
import type { SpanRow } from '../../src/otlp/span-row.js';

/** `YYYY-MM-DD hh:mm:ss.nnnnnnnnn` (UTC) of nanoseconds since the epoch. */
export function nanosText(ns: bigint): string {
  const seconds = new Date(Number(ns / 1_000_000_000n) * 1000).toISOString().slice(0, 19).replace('T', ' ');
  return `${seconds}.${(ns % 1_000_000_000n).toString().padStart(9, '0')}`;
}

/** One span as the exporter inserts it (Links left empty: the decoded row has none). */
export function exporterSpanRow(r: SpanRow): Record<string, unknown> {
  return {
    Timestamp: nanosText(r.timestampNs), TraceId: r.traceId, SpanId: r.spanId, ParentSpanId: r.parentSpanId, TraceState: r.traceState,
    SpanName: r.spanName, SpanKind: r.spanKind, ServiceName: r.serviceName, ResourceAttributes: r.resourceAttributes,
    ScopeName: r.scopeName, ScopeVersion: r.scopeVersion, SpanAttributes: r.spanAttributes, Duration: r.durationNs.toString(),
    StatusCode: r.statusCode, StatusMessage: r.statusMessage,
    'Events.Timestamp': r.events.map((e) => nanosText(e.timestampNs)), 'Events.Name': r.events.map((e) => e.name),
    'Events.Attributes': r.events.map((e) => e.attributes),
    'Links.TraceId': [], 'Links.SpanId': [], 'Links.TraceState': [], 'Links.Attributes': [],
  };
}
