// SPDX-License-Identifier: Apache-2.0
// The export side: spool records → ReadableSpan → the official OTLP/HTTP exporters. Loaded only
// by the sender process and by debug mode, never on a CLI's start-up path.
import type { HrTime, SpanContext } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import { ExportResultCode, millisToHrTime, hrTimeDuration } from '@opentelemetry/core';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { RunRecord } from '../shared/internal-types.js';
import type { ExportTarget } from '../shared/config.js';
import { SCOPE_NAME } from '../shared/attributes.js';
import { CLITEL_VERSION } from '../shared/version.js';
import { proxyFor } from './proxy-config.js';
import { createAgent } from './proxy-agent.js';
import { probeAgent, type ExportProbe } from './export-probe.js';

/**
 * The outcome of one export: `sent`, `dropped` (rejected for good), `too-large` (413: split the
 * batch, or drop a single entry) or `retry` (keep it).
 */
type ExportOutcome = 'sent' | 'dropped' | 'too-large' | 'retry';

/** An outcome with what the sender needs to back off: why it failed and how long the collector asked to wait. */
export interface ExportReport {
  outcome: ExportOutcome;
  /** A stable code (`http-503`, `ECONNREFUSED`, `DEPTH_ZERO_SELF_SIGNED_CERT`, `ETIMEDOUT`), never a message. */
  reason?: string;
  retryAfterMillis?: number;
}

function toHrTime(millis: number): HrTime {
  return millisToHrTime(millis);
}

/** Turns spool records into spans the official exporters accept; equal resources are shared. */
export function toReadableSpans(records: readonly RunRecord[]): ReadableSpan[] {
  const resources = new Map<string, Resource>();
  return records.map((r) => {
    const key = JSON.stringify(r.resource);
    const resource = resources.get(key) ?? resourceFromAttributes(r.resource);
    resources.set(key, resource);
    const context: SpanContext = { traceId: r.traceId, spanId: r.spanId, traceFlags: 1 };
    const startTime = toHrTime(r.start);
    const endTime = toHrTime(r.end);
    return {
      name: r.name,
      kind: 0, // SpanKind.INTERNAL
      spanContext: () => context,
      startTime,
      endTime,
      duration: hrTimeDuration(startTime, endTime),
      status: { code: r.status },
      attributes: r.attributes,
      links: [],
      events: r.events.map((e) => ({ name: e.name, time: toHrTime(e.time), attributes: e.attributes })),
      ended: true,
      resource,
      instrumentationScope: { name: SCOPE_NAME, version: CLITEL_VERSION },
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    };
  });
}

/** The exact OTLP/JSON request body for these records. */
export function serializeJson(records: readonly RunRecord[]): string {
  const bytes = JsonTraceSerializer.serializeRequest(toReadableSpans(records));
  return bytes == null ? '' : Buffer.from(bytes).toString('utf8');
}

/** Exporter settings shared by traces and metrics: headers, timeout, and the proxy agent. */
export function exporterConfig(target: ExportTarget, probe: ExportProbe) {
  const url = target.url;
  const proxy = proxyFor(new URL(url), target.proxy);
  return {
    url,
    headers: target.headers,
    timeoutMillis: target.timeoutMillis,
    concurrencyLimit: 1,
    httpAgentOptions: () => probeAgent(createAgent(new URL(url), proxy, target.timeoutMillis), probe, target.timeoutMillis),
  };
}

/** Creates the official exporter for the target's protocol; `probe` sees each answer. */
export function createExporter(target: ExportTarget, probe: ExportProbe): SpanExporter {
  const config = exporterConfig(target, probe);
  return target.protocol === 'http/json' ? new JsonExporter(config) : new ProtoExporter(config);
}

/**
 * Judges an exporter's result. A 2xx status means the collector took the data even when its
 * answer did not arrive in time (no resend, so no duplicate); 413 asks for a smaller batch; any
 * other 4xx but 429 rejects the data for good; everything else is kept for a later try.
 */
export function judgeExport(result: { code: ExportResultCode; error?: Error }, probe: ExportProbe): ExportReport {
  if (result.code === ExportResultCode.SUCCESS) return { outcome: 'sent' };
  const code = (result.error as { code?: unknown } | undefined)?.code;
  const status = probe.status ?? (typeof code === 'number' ? code : undefined);
  if (status != null && status >= 200 && status < 300) return { outcome: 'sent' };
  if (status === 413) return { outcome: 'too-large', reason: 'http-413' };
  if (status != null && status >= 400 && status < 500 && status !== 429) return { outcome: 'dropped', reason: `http-${status}` };
  const reason = status != null ? `http-${status}` : typeof code === 'string' && /^[A-Z0-9_]+$/.test(code) ? code : 'ETIMEDOUT';
  return { outcome: 'retry', reason, ...(probe.retryAfterMillis != null ? { retryAfterMillis: probe.retryAfterMillis } : {}) };
}

/** Exports once and judges the result. */
export function exportSpans(exporter: SpanExporter, spans: ReadableSpan[], probe: ExportProbe): Promise<ExportReport> {
  return new Promise((resolve) => {
    exporter.export(spans, (result) => resolve(judgeExport(result, probe)));
  });
}
