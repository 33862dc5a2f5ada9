// SPDX-License-Identifier: Apache-2.0
// Admission (consent, notice, sampling) and delivery (spool, sender) shared by runs and usage.
import type { SpoolRecord, SenderConfig } from '../shared/internal-types.js';
import { debugLine, type Prepared } from '../shared/prepare.js';
import { ensureInstallationId, markNoticeShown, noticeShown, readInstallationId } from '../shared/state.js';
import { noticeText } from './notice.js';
import { isSampled } from './sampling.js';
import { appendToSpool, spoolDue } from '../shared/spool.js';
import { SEND_AFTER_MILLIS, SEND_AFTER_RUNS } from '../shared/sender-files.js';
import { renderJson, senderScript, sendSync, shouldSpawn, spawnSender } from './launch.js';
import { readBackoff } from '../shared/backoff.js';
import { senderFiles } from '../shared/sender-files.js';
import { writeDoctorReport } from './doctor-report.js';

/** Decides whether this run records; returns the installation id (or '' in debug mode). */
export function admit(p: Prepared, signal: 'traces' | 'metrics'): string | undefined {
  const { config } = p;
  if (!p.status.enabled) return undefined;
  for (const warning of config.env.warnings) debugLine(p, warning.replace(/^clitel: /, ''));
  if (config.debug) return readInstallationId(config.paths.stateDir) ?? '';
  if (!noticeShown(config.paths.stateDir, config.noticeVersion)) {
    ensureInstallationId(config.paths.stateDir);
    markNoticeShown(config.paths.stateDir, config.noticeVersion);
    p.writeErr(noticeText(config));
    return undefined;
  }
  if ((signal === 'traces' ? config.target : config.metricsTarget) == null) return undefined;
  const id = ensureInstallationId(config.paths.stateDir);
  return isSampled(id, config.sampleRate) ? id : undefined;
}

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
}

/** The delivery delay: a sender starts when the spool holds enough runs or its oldest waited long enough. */
function sendDue(p: Prepared, now: number): boolean {
  return p.config.env.sendNow || spoolDue(p.config.paths.spoolDir, now, SEND_AFTER_RUNS, SEND_AFTER_MILLIS);
}
