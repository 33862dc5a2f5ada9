// SPDX-License-Identifier: Apache-2.0
// Entry of the background sender process (bundled on its own as dist/sender.js). It drains the
// spool with the official OTLP exporter: locked, batched, bounded by a hard deadline.
import { writeAtomic } from './shared/atomic-file.js';
import type { MetricsRecord, RunRecord, SenderConfig, SpoolRecord } from './shared/internal-types.js';
import { acquireLock, releaseLock } from './shared/lock.js';
import { enforceCaps, listSpool, readEntry, removeEntries } from './shared/spool.js';
import { clearBackoff, failingSince, recordFailure, type Failure } from './shared/backoff.js';
import { SENDER_DEADLINE_MILLIS, removeOldClaims, senderFiles } from './shared/sender-files.js';
import { appendSentLog, type SentEntry } from './shared/sent-log.js';
import { createExporter, exportSpans, serializeJson, toReadableSpans, type ExportReport } from './sender/export.js';
import { createProbe } from './sender/export-probe.js';
import type { ExportTarget } from './shared/config.js';
import { createMetricExporter, exportMetrics, serializeMetricsJson, toResourceMetrics } from './sender/export-metrics.js';

const BATCH = 200;
const LINGER_POLL_MILLIS = 200;

/** Waits (the hard deadline timer still ends the process). */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

interface Entry {
  name: string;
  record: SpoolRecord;
}

interface BatchResult {
  /** `retry` keeps what was not done (with why, and how long the collector asked to wait). */
  report: ExportReport;
  /** Spool entries that are finished with (sent or rejected for good). */
  done: string[];
  /** What was delivered, for the transparency log. */
  sent: SentEntry[];
}

/**
 * Sends spans; a batch the collector finds too large (413) is split in halves, and a single entry
 * it still refuses is dropped: at most 2n - 1 requests for n entries, never a loop.
 */
async function sendSpans(target: ExportTarget, entries: Entry[], out: BatchResult): Promise<ExportReport> {
  const records = entries.map((e) => e.record as RunRecord);
  const probe = createProbe();
  const exporter = createExporter(target, probe);
  const report = await exportSpans(exporter, toReadableSpans(records), probe);
  await exporter.shutdown().catch(() => undefined);
  if (report.outcome === 'too-large' && entries.length > 1) {
    const half = Math.ceil(entries.length / 2);
    const first = await sendSpans(target, entries.slice(0, half), out);
    return first.outcome === 'retry' ? first : sendSpans(target, entries.slice(half), out);
  }
  if (report.outcome === 'retry') return report;
  if (report.outcome === 'sent') out.sent.push({ time: Date.now(), body: JSON.parse(serializeJson(records)) as Record<string, unknown> });
  out.done.push(...entries.map((e) => e.name));
  return report;
}

/** Sends one batch of spans and one of metrics; the worst outcome wins ('retry' keeps them). */
async function sendBatch(config: SenderConfig, batch: Entry[]): Promise<BatchResult> {
  const spans = batch.filter((e) => e.record.kind !== 'metrics');
  const metrics = batch.filter((e) => e.record.kind === 'metrics');
  const out: BatchResult = { report: { outcome: 'sent' }, done: [], sent: [] };
  if (spans.length > 0 && config.traces != null) {
    const report = await sendSpans(config.traces, spans, out);
    if (report.outcome === 'retry') return { ...out, report };
  }
  if (metrics.length > 0 && config.metrics != null) {
    const probe = createProbe();
    const exporter = createMetricExporter(config.metrics, probe);
    const records = metrics.map((e) => e.record as MetricsRecord);
    const bodies = serializeMetricsJson(records);
    const groups = toResourceMetrics(records);
    for (const [i, rm] of groups.entries()) {
      // A group too large for the collector (413) is dropped: counters are not split.
      const report = await exportMetrics(exporter, rm, probe);
      if (report.outcome === 'retry') {
        await exporter.shutdown().catch(() => undefined);
        return { ...out, report };
      }
      if (report.outcome === 'sent') out.sent.push({ time: Date.now(), body: JSON.parse(bodies[i]) as Record<string, unknown> });
    }
    await exporter.shutdown().catch(() => undefined);
    out.done.push(...metrics.map((e) => e.name));
  }
  return out;
}

/** How one drain went: `ok` false means back off (`failure` says why); `progressed` false means nothing could be sent. */
interface DrainResult {
  ok: boolean;
  progressed: boolean;
  failure?: Failure;
}

/** Waits up to `lingerMillis` (within the deadline) for the spool to hold entries again. */
async function awaitMore(config: SenderConfig, deadline: number): Promise<boolean> {
  const until = Math.min(Date.now() + config.lingerMillis, deadline - 1_000);
  while (Date.now() < until) {
    await sleep(LINGER_POLL_MILLIS);
    if (listSpool(config.spoolDir).length > 0) return true;
  }
  return false;
}

/**
 * The targets with each request's timeout cut to the time left before the deadline, so a failure
 * is judged (and a backoff written) before the process is ended: in sync mode the deadline is
 * under a second, far shorter than the exporter's default 10 s timeout.
 */
function withinDeadline(config: SenderConfig, deadline: number): SenderConfig {
  const left = Math.max(100, deadline - Date.now() - 150);
  const cut = (t: ExportTarget | undefined): ExportTarget | undefined => (t == null ? undefined : { ...t, timeoutMillis: Math.min(t.timeoutMillis, left) });
  return { ...config, traces: cut(config.traces), metrics: cut(config.metrics) };
}

/** Sends until the spool is empty (and stays so while lingering), the deadline passes, delivery fails, or nothing more can go. */
async function drain(config: SenderConfig, deadline: number): Promise<DrainResult> {
  let progressed = false;
  for (;;) {
    const names = listSpool(config.spoolDir).slice(0, BATCH);
    if (Date.now() >= deadline) return { ok: true, progressed };
    if (names.length === 0) {
      if (await awaitMore(config, deadline)) continue;
      return { ok: true, progressed };
    }
    const batch: Entry[] = [];
    for (const name of names) {
      const record = readEntry(config.spoolDir, name);
      if (record != null) batch.push({ name, record });
    }
    if (batch.length === 0) continue;
    const { report, done, sent } = await sendBatch(withinDeadline(config, deadline), batch);
    removeEntries(config.spoolDir, done);
    try {
      appendSentLog(config.stateDir, sent);
    } catch {
      // the log is a courtesy; delivery stands without it
    }
    if (report.outcome === 'retry') return { ok: false, progressed, failure: { reason: report.reason, retryAfterMillis: report.retryAfterMillis } };
    // Entries for a signal with no target this time stay for a later sender that has one.
    if (done.length === 0) return { ok: true, progressed };
    progressed = true;
  }
}

/** Marks "a sender finished": runs that find no lock start a new one when this is newer than the last spawn. */
function markDone(file: string): void {
  try {
    writeAtomic(file, String(Date.now()));
  } catch {
    // state directory gone (the user opted out meanwhile)
  }
}


/** Failed rounds a sender retries itself (after a short wait) before leaving it to a later run. */
const RETRIES_IN_PROCESS = 1;
const RETRY_WAIT_MILLIS = 2_000;

async function send(config: SenderConfig): Promise<void> {
  const started = Date.now();
  const deadline = started + Math.min(config.deadlineMillis, SENDER_DEADLINE_MILLIS);
  setTimeout(() => process.exit(0), deadline - started + 200).unref();
  const files = senderFiles(config.stateDir);
  let failures = 0;
  try {
    // After releasing the lock, look again: a run may have written while this sender held it.
    while (listSpool(config.spoolDir).length > 0 && Date.now() < deadline) {
      if (!acquireLock(files.lock, SENDER_DEADLINE_MILLIS, Date.now())) return;
      let result: DrainResult = { ok: true, progressed: false };
      try {
        enforceCaps(config.spoolDir, config.caps, Date.now(), failingSince(files.backoff));
        removeOldClaims(config.stateDir, Date.now());
        result = await drain(config, deadline);
        failures = result.ok ? 0 : failures + 1;
        // A transient failure (a slow or restarting collector) is tried once more while the lock
        // is held, so runs keep relying on this sender; after that, later runs back off.
        const wait = Math.max(RETRY_WAIT_MILLIS, result.failure?.retryAfterMillis ?? 0);
        if (!result.ok && failures <= RETRIES_IN_PROCESS && Date.now() + wait < deadline) {
          await sleep(wait);
          result = await drain(config, deadline);
          failures = result.ok ? 0 : failures + 1;
        }
        if (result.ok) clearBackoff(files.backoff);
        else recordFailure(files.backoff, Date.now(), result.failure);
        markDone(files.done);
      } finally {
        releaseLock(files.lock);
      }
      if (!result.ok || !result.progressed) return;
    }
  } finally {
    // Also when there was nothing to do: a later run must not count on this sender any more.
    markDone(files.done);
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--print')) {
    const records = JSON.parse(await readStdin()) as SpoolRecord[];
    const spans = records.filter((r): r is RunRecord => r.kind !== 'metrics');
    const metrics = records.filter((r): r is MetricsRecord => r.kind === 'metrics');
    const bodies = [...(spans.length > 0 ? [serializeJson(spans)] : []), ...(metrics.length > 0 ? serializeMetricsJson(metrics) : [])];
    process.stdout.write(bodies.join('\n'));
    return;
  }
  const raw = process.env.CLITEL_SENDER_CONFIG;
  if (raw == null) return;
  await send(JSON.parse(raw) as SenderConfig);
}

main().catch(() => {
  process.exitCode = 0;
});
