// SPDX-License-Identifier: Apache-2.0
// The local transparency log: exactly what the sender delivered, as OTLP/JSON, capped. Only the
// sender that holds the lock writes it; `<tool> telemetry show` reads it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from './atomic-file.js';

/** The log keeps at most this many deliveries and this many bytes, newest kept. */
const SENT_LOG_LIMITS = { maxEntries: 100, maxBytes: 1_000_000 };

/** One delivery: when, and the OTLP/JSON request body that went out. */
export interface SentEntry {
  time: number;
  body: Record<string, unknown>;
}

/** The log file of a tool's state directory. */
export function sentLogFile(stateDir: string): string {
  return join(stateDir, 'sent.jsonl');
}

/** Every logged delivery, oldest first; unreadable lines are skipped. */
export function readSentLog(stateDir: string): SentEntry[] {
  let text: string;
  try {
    text = readFileSync(sentLogFile(stateDir), 'utf8');
  } catch {
    return [];
  }
  const entries: SentEntry[] = [];
  for (const line of text.split('\n')) {
    try {
      const entry = JSON.parse(line) as SentEntry;
      if (typeof entry.time === 'number' && entry.body != null) entries.push(entry);
    } catch {
      // a partial or corrupt line: skip it
    }
  }
  return entries;
}

/** Appends deliveries and trims the log to its limits. Throws on I/O errors (the sender ignores them). */
export function appendSentLog(stateDir: string, added: readonly SentEntry[]): void {
  if (added.length === 0) return;
  const lines = [...readSentLog(stateDir), ...added].map((e) => JSON.stringify(e)).slice(-SENT_LOG_LIMITS.maxEntries);
  let bytes = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
  while (lines.length > 0 && bytes > SENT_LOG_LIMITS.maxBytes) bytes -= Buffer.byteLength(lines.shift() ?? '') + 1;
  writeAtomic(sentLogFile(stateDir), lines.length > 0 ? `${lines.join('\n')}\n` : '');
}
