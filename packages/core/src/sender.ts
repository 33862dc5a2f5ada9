// SPDX-License-Identifier: Apache-2.0
// Entry of the background sender process (bundled on its own as dist/sender.js). It drains the
// spool with the official OTLP exporter: locked, batched, bounded by a hard deadline.
import { writeFileSync } from 'node:fs';
import type { RunRecord, SenderConfig } from './internal-types.js';
import { acquireLock, releaseLock } from './lock.js';
import { enforceCaps, listSpool, readEntry, removeEntries } from './spool.js';
import { clearBackoff, recordFailure } from './backoff.js';
import { SENDER_DEADLINE_MILLIS, senderFiles } from './sender-files.js';
import { createExporter, exportSpans, serializeJson, toReadableSpans } from './export.js';

const BATCH = 200;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Drains the spool once; returns false when delivery failed and should back off. */
async function drain(config: SenderConfig, deadline: number): Promise<boolean> {
  const exporter = createExporter(config);
  try {
    for (;;) {
      const names = listSpool(config.spoolDir).slice(0, BATCH);
      if (names.length === 0 || Date.now() >= deadline) return true;
      const batch: { name: string; record: RunRecord }[] = [];
      for (const name of names) {
        const record = readEntry(config.spoolDir, name);
        if (record != null) batch.push({ name, record });
      }
      if (batch.length === 0) continue;
      const outcome = await exportSpans(exporter, toReadableSpans(batch.map((b) => b.record)));
      if (outcome === 'retry') return false;
      removeEntries(config.spoolDir, batch.map((b) => b.name));
    }
  } finally {
    await exporter.shutdown().catch(() => undefined);
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
    process.stdout.write(serializeJson(JSON.parse(await readStdin()) as RunRecord[]));
    return;
  }
  const raw = process.env.CLITEL_SENDER_CONFIG;
  if (raw == null) return;
  await send(JSON.parse(raw) as SenderConfig);
}

main().catch(() => {
  process.exitCode = 0;
});
