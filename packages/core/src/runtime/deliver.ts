// SPDX-License-Identifier: Apache-2.0
// Delivery of a finished record, shared by runs and usage: spool it and start a sender now, later
// (the delivery delay) or, in CI, wait for it; in debug mode print it instead.
import type { SpoolRecord, SenderConfig } from '../shared/internal-types.js';
import type { Prepared } from '../shared/prepare.js';
import { debugLine } from '../shared/output.js';
import { appendToSpool, spoolDue } from '../shared/spool.js';
import { SEND_AFTER_MILLIS, SEND_AFTER_RUNS } from '../shared/sender-files.js';
import { renderJson, senderScript, sendSync, shouldSpawn, spawnSender } from './launch.js';
import { readBackoff } from '../shared/backoff.js';
import { senderFiles } from '../shared/sender-files.js';
import { writeDoctorReport } from './doctor-report.js';
import { writeAtomic } from '../shared/atomic-file.js';

/** Spools a finished record and starts delivery (or, in debug mode, prints it). Throws on I/O errors. */
export function deliver(p: Prepared, record: SpoolRecord): void {
  const { config } = p;
  const script = senderScript(p.distDir);
  const target = record.kind === 'metrics' ? config.metricsTarget : config.target;
  if (config.debug) {
    const body = script != null ? renderJson(script, [record], p.env) : JSON.stringify(record);
    p.writeErr(`${body}\n`);
    if (record.kind !== 'metrics') writeDoctorReport(p, body);
    debugLine(p, target == null ? 'no endpoint is set; nothing would be sent' : `debug mode: nothing was sent to ${target.url}`);
    const failed = readBackoff(senderFiles(config.paths.stateDir).backoff)?.reason;
    if (failed != null) debugLine(p, `the last delivery failed (${failed}); what it did not send waits in the spool`);
    return;
  }
  if (target == null || script == null) return;
  const now = Date.now();
  appendToSpool(config.paths.spoolDir, record, now);
  const senderConfig: SenderConfig = {
    ...(config.target != null ? { traces: config.target } : {}),
    ...(config.metricsTarget != null ? { metrics: config.metricsTarget } : {}),
    spoolDir: config.paths.spoolDir,
    stateDir: config.paths.stateDir,
    deadlineMillis: 0,
    lingerMillis: 0,
    caps: config.spoolCaps,
  };
  if (config.delivery === 'sync') sendSync(script, senderConfig, p.env, now);
  else if (sendDue(p, now) && shouldSpawn(config.paths.stateDir, now)) spawnSender(script, senderConfig, p.env);
  keepCodeCache(p);
}

/** The delivery delay: a sender starts when the spool holds enough runs or its oldest waited long enough. */
function sendDue(p: Prepared, now: number): boolean {
  return p.config.env.sendNow || spoolDue(p.config.paths.spoolDir, now, SEND_AFTER_RUNS, SEND_AFTER_MILLIS);
}

/** Writes the runtime's code cache once, after the run's own writes; a failure only means compiling again next run. */
function keepCodeCache(p: Prepared): void {
  const cache = p.codeCache;
  if (cache == null) return;
  p.codeCache = undefined;
  try {
    writeAtomic(cache.file, cache.bytes());
  } catch {
    // state directory gone or read-only
  }
}
