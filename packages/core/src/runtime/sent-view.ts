// SPDX-License-Identifier: Apache-2.0
// A readable rendering of the transparency log: one line per run (or per counter).
import type { SentEntry } from '../shared/sent-log.js';

interface AnyValue { stringValue?: string; boolValue?: boolean; intValue?: string | number; doubleValue?: number; arrayValue?: { values?: AnyValue[] } }
interface KeyValue { key: string; value?: AnyValue }
interface JsonSpan { name: string; startTimeUnixNano?: string; endTimeUnixNano?: string; attributes?: KeyValue[] }
interface JsonPoint { attributes?: KeyValue[]; asInt?: string | number; asDouble?: number }
interface JsonMetric { name: string; sum?: { dataPoints?: JsonPoint[] } }

function text(v: AnyValue | undefined): string {
  if (v == null) return '';
  if (v.arrayValue != null) return (v.arrayValue.values ?? []).map(text).join(',');
  return String(v.stringValue ?? v.boolValue ?? v.intValue ?? v.doubleValue ?? '');
}

const attrs = (list: KeyValue[] | undefined): string => (list ?? []).map((kv) => `${kv.key}=${text(kv.value)}`).join(' ');
const when = (time: number): string => new Date(time).toISOString().replace('T', ' ').slice(0, 19);

function durationMs(span: JsonSpan): string {
  const ns = BigInt(span.endTimeUnixNano ?? '0') - BigInt(span.startTimeUnixNano ?? '0');
  return `${Number(ns / 1_000_000n)}ms`;
}

/** One line per span or counter value in the logged deliveries. */
export function renderSentLog(entries: readonly SentEntry[]): string[] {
  const lines: string[] = [];
  for (const entry of entries) {
    const body = entry.body as { resourceSpans?: { scopeSpans?: { spans?: JsonSpan[] }[] }[]; resourceMetrics?: { scopeMetrics?: { metrics?: JsonMetric[] }[] }[] };
    for (const rs of body.resourceSpans ?? []) {
      for (const ss of rs.scopeSpans ?? []) {
        for (const span of ss.spans ?? []) lines.push(`${when(entry.time)}  ${span.name}  ${durationMs(span)}  ${attrs(span.attributes)}`);
      }
    }
    for (const rm of body.resourceMetrics ?? []) {
      for (const sm of rm.scopeMetrics ?? []) {
        for (const metric of sm.metrics ?? []) {
          for (const p of metric.sum?.dataPoints ?? []) lines.push(`${when(entry.time)}  ${metric.name}  ${String(p.asInt ?? p.asDouble ?? '')}  ${attrs(p.attributes)}`);
        }
      }
    }
  }
  return lines;
}
