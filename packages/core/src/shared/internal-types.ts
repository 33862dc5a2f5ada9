// SPDX-License-Identifier: Apache-2.0
// Shared internal types; never exported from index.ts.
import type { ExportTarget } from './config.js';
import type { ConsentStatus, DeliveryMode } from './types.js';

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

/** What one run decided, as `clitel doctor` reads it. */
export interface DoctorReport {
  /** Format version. */
  v: 1;
  /** The name the run is recorded under, and its version. */
  tool: string;
  toolVersion: string;
  /** `schema.tool`; differs from `tool` on a mismatch (a warning: the run is recorded as `tool`). */
  schemaTool: string;
  /** The warning when `schemaTool` differs from `tool`, as `telemetry status` prints it. */
  toolMismatch: string | undefined;
  /** Problems that make the schema invalid (telemetry is then off). */
  schemaProblems: string[];
  /** Whether telemetry is on and what decided it. */
  consent: ConsentStatus;
  /** The tool's opt-out variable, e.g. `ACME_TELEMETRY_OPTOUT`. */
  optOutVar: string;
  /** Where spans would go; undefined when no endpoint is set. */
  endpoint: string | undefined;
  /** Whether the first-run notice was already shown (a run that shows it sends nothing). */
  noticeShown: boolean;
  /** The schema's sampling rate. */
  sampleRate: number;
  /** Whether this installation is in the sample; undefined before it has an installation id. */
  sampled: boolean | undefined;
  /** `sync` (CI: sent at exit, waiting at most 1 s) or `background` (a detached sender). */
  delivery: DeliveryMode;
  ci: boolean;
  ciProvider: string | undefined;
  /** `CLITEL_SEND_NOW`: no delivery delay. */
  sendNow: boolean;
  /** Runs already waiting in the spool. */
  spooled: number;
  /** When the oldest of them was spooled (ms since the epoch); undefined when none waits. */
  oldestSpooledAt: number | undefined;
  /** Whether a background run would start a sender now (this run's entry counted). */
  due: boolean;
  /** The delivery delay's bounds: a sender starts at this many spooled runs or this wait. */
  sendAfterRuns: number;
  sendAfterMillis: number;
  /** Why the last delivery failed, when later runs are waiting before they try again. */
  backingOff: string | undefined;
  /** Until when (ms since the epoch) no sender starts, while backing off. */
  backoffUntil: number | undefined;
  /** Env values that were ignored, one line each. */
  warnings: string[];
  /** The OTLP/JSON body debug mode printed; undefined when telemetry is off. */
  body: string | undefined;
}

/** V8's compiled code of the runtime, to keep in `file` for the next run (gate/load-runtime.ts). */
export interface CodeCache {
  file: string;
  /** The bytes to write: a key line, then V8's cached data (includes what the run compiled so far). */
  bytes: () => Uint8Array;
}

/** Where the loaded runtime lives, and the code cache to write when this run compiled it afresh (gate/load-runtime.ts). */
export interface RuntimePlace {
  /** Directory of the built package (where sender.js lives). */
  distDir: string;
  codeCache?: CodeCache;
}
