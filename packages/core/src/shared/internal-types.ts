// SPDX-License-Identifier: Apache-2.0
// Shared internal types; never exported from index.ts.
import type { ExportTarget } from '../gate/config.js';

/** An attribute value as clitel records it. */
export type AttributeValue = string | number | boolean | string[];

/** One span event. Times are epoch milliseconds (fractional). */
export interface RecordEvent {
  name: string;
  time: number;
  attributes: Record<string, AttributeValue>;
}

/**
 * A finished run as it sits in the spool: already filtered by the schema and scrubbed. The
 * sender turns it into an OTLP span with the official exporter.
 */
export interface RunRecord {
  v: 1;
  kind?: 'span';
  resource: Record<string, AttributeValue>;
  traceId: string;
  spanId: string;
  name: string;
  /** Epoch milliseconds (fractional). */
  start: number;
  end: number;
  /** OTLP status code: 0 unset, 2 error. */
  status: 0 | 2;
  attributes: Record<string, AttributeValue>;
  events: RecordEvent[];
}

/** One counter value of a metrics record. */
export interface MetricPoint {
  name: string;
  value: number;
  attributes: Record<string, string | number | boolean>;
}

/** Usage counters of one process (monotonic sums over [start, end]), as they sit in the spool. */
export interface MetricsRecord {
  v: 1;
  kind: 'metrics';
  resource: Record<string, AttributeValue>;
  scope: { name: string; version: string };
  start: number;
  end: number;
  points: MetricPoint[];
}

/** Anything the spool holds. */
export type SpoolRecord = RunRecord | MetricsRecord;

/** What the detached sender is told, through the `CLITEL_SENDER_CONFIG` variable. */
export interface SenderConfig {
  /** Where spans go; spans stay spooled without it. */
  traces?: ExportTarget;
  /** Where metrics go; metrics stay spooled without it. */
  metrics?: ExportTarget;
  spoolDir: string;
  stateDir: string;
  /** The sender exits by this many milliseconds after its start, whatever happens. */
  deadlineMillis: number;
  /** How long to wait for more entries once the spool is empty (0 in sync mode). */
  lingerMillis: number;
  caps: SpoolCaps;
}

/** Bounds of the spool. */
export interface SpoolCaps {
  maxBytes: number;
  maxEntries: number;
  maxAgeMillis: number;
}
