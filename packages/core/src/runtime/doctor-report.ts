// SPDX-License-Identifier: Apache-2.0
// Doctor mode, for `clitel doctor`: with CLITEL_DEBUG=1 and CLITEL_DOCTOR_REPORT=<file>, a run
// writes the facts behind its decision to that file (consent and what decided it, the endpoint,
// the notice, sampling, the delivery mode and delay) with the body debug mode printed. Only the
// facts core acted on are written, so the command explains them without deciding anything again.
// Doctor mode is read-only: like debug mode it sends nothing, and it never deletes state.
import { writeFileSync } from 'node:fs';
import type { ConsentStatus, DeliveryMode } from '../shared/types.js';
import type { Prepared } from '../gate/prepare.js';
import { noticeShown, readInstallationId } from '../shared/state.js';
import { isSampled } from './sampling.js';
import { listSpool, spoolDue } from '../sender/spool.js';
import { isBackingOff, readBackoff } from '../sender/backoff.js';
import { SEND_AFTER_MILLIS, SEND_AFTER_RUNS, senderFiles } from '../sender/sender-files.js';

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

/** Writes the doctor report of this run; never throws. */
export function writeDoctorReport(p: Prepared, body?: string): void {
  const { config } = p;
  const file = config.env.doctorReport;
  if (file == null) return;
  try {
    const now = Date.now();
    const id = readInstallationId(config.paths.stateDir);
    const backoff = senderFiles(config.paths.stateDir).backoff;
    const spooled = listSpool(config.paths.spoolDir);
    const backingOff = isBackingOff(backoff, now) ? readBackoff(backoff) : undefined;
    const report: DoctorReport = {
      v: 1,
      tool: config.toolName,
      toolVersion: config.toolVersion,
      schemaTool: config.schema.tool,
      toolMismatch: config.toolMismatch,
      schemaProblems: config.schemaProblems,
      consent: p.status,
      optOutVar: config.optOutVar,
      endpoint: config.target?.url,
      noticeShown: noticeShown(config.paths.stateDir, config.noticeVersion),
      sampleRate: config.sampleRate,
      sampled: id == null ? undefined : isSampled(id, config.sampleRate),
      delivery: config.delivery,
      ci: config.env.ci,
      ciProvider: config.env.ciProvider,
      sendNow: config.env.sendNow,
      spooled: spooled.length,
      // Entry names start with their 13-digit spool time, and sort oldest first.
      oldestSpooledAt: spooled.length > 0 ? Number(spooled[0]?.slice(0, 13)) : undefined,
      // This run's own entry is not in the spool yet: one run fewer makes the count.
      due: spoolDue(config.paths.spoolDir, now, SEND_AFTER_RUNS - 1, SEND_AFTER_MILLIS),
      sendAfterRuns: SEND_AFTER_RUNS,
      sendAfterMillis: SEND_AFTER_MILLIS,
      backingOff: isBackingOff(backoff, now) ? (backingOff?.reason ?? 'unknown') : undefined,
      backoffUntil: backingOff?.until,
      warnings: config.env.warnings,
      body,
    };
    writeFileSync(file, JSON.stringify(report));
  } catch {
    // doctor reports what it finds; a failure to write is a missing report
  }
}
