// SPDX-License-Identifier: Apache-2.0
// Doctor mode, for `clitel doctor`: with CLITEL_DEBUG=1 and CLITEL_DOCTOR_REPORT=<file>, a run
// writes the facts behind its decision to that file (consent and what decided it, the endpoint,
// the notice, sampling, the delivery mode and delay) with the body debug mode printed. Only the
// facts core acted on are written, so the command explains them without deciding anything again.
// Doctor mode is read-only: like debug mode it sends nothing, and it never deletes state.
import { writeFileSync } from 'node:fs';
import type { DoctorReport } from '../shared/internal-types.js';
import type { Prepared } from '../shared/prepare.js';
import { noticeShown, readInstallationId } from '../shared/state.js';
import { isSampled } from './sampling.js';
import { listSpool, spoolDue } from '../shared/spool.js';
import { isBackingOff, readBackoff } from '../shared/backoff.js';
import { SEND_AFTER_MILLIS, SEND_AFTER_RUNS, senderFiles } from '../shared/sender-files.js';

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
