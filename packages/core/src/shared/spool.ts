// SPDX-License-Identifier: Apache-2.0
// The spool: one small JSON file per finished run, written atomically (temp file + rename), so
// any number of processes can append without a lock and a reader never sees a partial entry.
import { randomHex } from './ids.js';
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { SpoolRecord, SpoolCaps } from './internal-types.js';
import { removeFile, writeAtomic } from './atomic-file.js';

const ENTRY = /^(\d{13})-[0-9a-z]+-[0-9a-f]+\.json$/;

/** Appends a record. Throws on I/O errors (the caller turns telemetry off for the run). */
export function appendToSpool(dir: string, record: SpoolRecord, now: number): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = `${String(Math.floor(now)).padStart(13, '0')}-${process.pid.toString(36)}-${randomHex(4)}.json`;
  writeAtomic(join(dir, name), JSON.stringify(record));
  return name;
}

/**
 * Whether the spool is due for delivery: it holds `maxRuns` entries, or its oldest is `maxAgeMillis`
 * old. One directory listing, no sort; the run's own entry counts.
 */
export function spoolDue(dir: string, now: number, maxRuns: number, maxAgeMillis: number): boolean {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return false;
  }
  let count = 0;
  for (const name of names) {
    const time = ENTRY.exec(name)?.[1];
    if (time == null) continue;
    if (++count >= maxRuns || now - Number(time) >= maxAgeMillis) return true;
  }
  return false;
}

/** Entry names, oldest first. A missing directory is an empty spool. */
export function listSpool(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => ENTRY.test(n)).sort();
  } catch {
    return [];
  }
}

/** Reads an entry; a corrupt or partial one is removed and gives undefined. */
export function readEntry(dir: string, name: string): SpoolRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(join(dir, name), 'utf8')) as SpoolRecord;
    if (isValidRecord(record)) return record;
  } catch {
    // fall through: corrupt
  }
  removeEntries(dir, [name]);
  return undefined;
}

function isValidRecord(r: SpoolRecord | null): boolean {
  if (r?.v !== 1 || typeof r.start !== 'number' || typeof r.end !== 'number' || r.resource == null) return false;
  return r.kind === 'metrics' ? Array.isArray(r.points) : typeof r.name === 'string' && r.attributes != null && Array.isArray(r.events);
}

/** Removes entries; ones already gone are fine. */
export function removeEntries(dir: string, names: readonly string[]): void {
  for (const name of names) {
    try {
      unlinkSync(join(dir, name));
    } catch {
      // already removed by another sender
    }
  }
}

/**
 * Drops what is over the caps, oldest first, plus stray temp files. Returns how many went. The
 * age cap counts only time spent failing: an entry goes when delivery has failed since
 * `failingSince` and the entry has waited longer than the cap since then (or since it was
 * written, if later). With no failure streak nothing is dropped for its age, so a tool used
 * once a month still delivers its last run on the next.
 */
export function enforceCaps(dir: string, caps: SpoolCaps, now: number, failingSince?: number): number {
  let dropped = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (name.endsWith('.tmp') && ageOf(join(dir, name), now) > 60_000) removeFile(join(dir, name));
  }
  const entries = names.filter((n) => ENTRY.test(n)).sort().map((name) => ({ name, size: sizeOf(join(dir, name)) }));
  let total = entries.reduce((sum, e) => sum + e.size, 0);
  let count = entries.length;
  for (const entry of entries) {
    const time = Number(ENTRY.exec(entry.name)?.[1]);
    const tooOld = failingSince != null && now - Math.max(time, failingSince) > caps.maxAgeMillis;
    if (!tooOld && count <= caps.maxEntries && total <= caps.maxBytes) break;
    removeEntries(dir, [entry.name]);
    total -= entry.size;
    count -= 1;
    dropped += 1;
  }
  return dropped;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function ageOf(file: string, now: number): number {
  try {
    return now - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
