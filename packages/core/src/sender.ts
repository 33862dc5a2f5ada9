// SPDX-License-Identifier: Apache-2.0
// Entry of the background sender process (bundled on its own as dist/sender.js). It drains the
// spool with the official OTLP exporter: locked, batched, bounded by a hard deadline.
import { writeFileSync } from 'node:fs';
import type { MetricsRecord, RunRecord, SenderConfig, SpoolRecord } from './internal-types.js';
import { acquireLock, releaseLock } from './lock.js';
import { enforceCaps, listSpool, readEntry, removeEntries } from './spool.js';
import { clearBackoff, recordFailure } from './backoff.js';
import { SENDER_DEADLINE_MILLIS, senderFiles } from './sender-files.js';
import { appendSentLog, type SentEntry } from './sent-log.js';
import { createExporter, exportSpans, serializeJson, toReadableSpans, type ExportOutcome } from './export.js';
import { createMetricExporter, exportMetrics, serializeMetricsJson, toResourceMetrics } from './export-metrics.js';

const BATCH = 200;

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
  outcome: ExportOutcome;
  /** Spool entries that are finished with (sent or rejected for good). */
  done: string[];
  /** What was delivered, for the transparency log. */
  sent: SentEntry[];
}

/** Sends one batch of spans and one of metrics; the worst outcome wins ('retry' keeps them). */
async function sendBatch(config: SenderConfig, batch: Entry[]): Promise<BatchResult> {
  const spans = batch.filter((e) => e.record.kind !== 'metrics');
  const metrics = batch.filter((e) => e.record.kind === 'metrics');
  const done: string[] = [];
  const sent: SentEntry[] = [];
  if (spans.length > 0) {
    const records = spans.map((e) => e.record as RunRecord);
    const exporter = createExporter(config);
    const outcome = await exportSpans(exporter, toReadableSpans(records));
    await exporter.shutdown().catch(() => undefined);
    if (outcome === 'retry') return { outcome, done, sent };
    if (outcome === 'sent') sent.push({ time: Date.now(), body: JSON.parse(serializeJson(records)) as Record<string, unknown> });
    done.push(...spans.map((e) => e.name));
  }
  if (metrics.length > 0) {
    // Without a metrics URL (only a traces endpoint was given) usage counters cannot go anywhere.
    if (config.metricsUrl == null) return { outcome: 'dropped', done: [...done, ...metrics.map((e) => e.name)], sent };
    const exporter = createMetricExporter(config, config.metricsUrl);
    const records = metrics.map((e) => e.record as MetricsRecord);
    const bodies = serializeMetricsJson(records);
    const groups = toResourceMetrics(records);
    for (const [i, rm] of groups.entries()) {
      const outcome = await exportMetrics(exporter, rm);
      if (outcome === 'retry') {
        await exporter.shutdown().catch(() => undefined);
        return { outcome: 'retry', done, sent };
      }
      if (outcome === 'sent') sent.push({ time: Date.now(), body: JSON.parse(bodies[i]) as Record<string, unknown> });
    }
    await exporter.shutdown().catch(() => undefined);
    done.push(...metrics.map((e) => e.name));
  }
  return { outcome: 'sent', done, sent };
}

/** Drains the spool once; returns false when delivery failed and should back off. */
async function drain(config: SenderConfig, deadline: number): Promise<boolean> {
  for (;;) {
    const names = listSpool(config.spoolDir).slice(0, BATCH);
    if (names.length === 0 || Date.now() >= deadline) return true;
    const batch: Entry[] = [];
    for (const name of names) {
      const record = readEntry(config.spoolDir, name);
      if (record != null) batch.push({ name, record });
    }
    if (batch.length === 0) continue;
    const { outcome, done, sent } = await sendBatch(config, batch);
    removeEntries(config.spoolDir, done);
    try {
      appendSentLog(config.stateDir, sent);
    } catch {
      // the log is a courtesy; delivery stands without it
    }
    if (outcome === 'retry') return false;
  }
}

async function send(config: SenderConfig): Promise<void> {
  const started = Date.now();
  const deadline = started + Math.min(config.deadlineMillis, SENDER_DEADLINE_MILLIS);
  setTimeout(() => process.exit(0), deadline - started + 200).unref();
  const files = senderFiles(config.stateDir);
  while (listSpool(config.spoolDir).length > 0 && Date.now() < deadline) {
    if (!acquireLock(files.lock, SENDER_DEADLINE_MILLIS, Date.now())) return;
    let ok = true;
    try {
      enforceCaps(config.spoolDir, config.caps, Date.now());
      ok = await drain(config, deadline);
      if (ok) clearBackoff(files.backoff);
      else recordFailure(files.backoff, Date.now());
      writeFileSync(files.done, String(Date.now()));
    } finally {
      releaseLock(files.lock);
    }
    if (!ok) return;
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
