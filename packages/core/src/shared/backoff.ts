// SPDX-License-Identifier: Apache-2.0
import { readFileSync } from 'node:fs';
import { removeFile, writeAtomic } from './atomic-file.js';
import { BACKOFF_INITIAL_MILLIS, BACKOFF_MAX_MILLIS } from './sender-files.js';

/** When delivery may be tried again, how many failures in a row led there, and why the last one failed. */
export interface Backoff {
  until: number;
  failures: number;
  /** A stable code (`http-503`, `ECONNREFUSED`, …); absent in files written by older versions. */
  reason?: string;
  /** When the first failure of this streak happened: the age cap counts from here. */
  since?: number;
}

/** Reads the backoff file; missing or corrupt means none. */
export function readBackoff(file: string): Backoff | undefined {
  try {
    const b = JSON.parse(readFileSync(file, 'utf8')) as Backoff;
    return Number.isFinite(b.until) && Number.isInteger(b.failures) ? b : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether delivery is backing off at `now`. A wait that ends further ahead than the longest one
 * ever written means the clock was moved back since: it is ignored rather than kept for days.
 */
export function isBackingOff(file: string, now: number): boolean {
  const until = readBackoff(file)?.until ?? 0;
  return until > now && until - now <= BACKOFF_MAX_MILLIS;
}

/** What a failed round knows: why, and how long the collector asked to wait (Retry-After). */
export interface Failure {
  reason?: string;
  retryAfterMillis?: number;
}

/**
 * When delivery started failing without a success since, or undefined when the last delivery went
 * through (or none was tried). Entries only age out of the spool while delivery fails.
 */
export function failingSince(file: string): number | undefined {
  const since = readBackoff(file)?.since;
  return Number.isFinite(since) ? since : undefined;
}

/** Records one more failure: wait 2 s, 4 s, 8 s, … up to 5 minutes, or longer if the collector asked (up to 5 minutes). */
export function recordFailure(file: string, now: number, failure: Failure = {}): void {
  const failures = (readBackoff(file)?.failures ?? 0) + 1;
  const doubling = BACKOFF_INITIAL_MILLIS * 2 ** (failures - 1);
  const wait = Math.min(Math.max(doubling, failure.retryAfterMillis ?? 0), BACKOFF_MAX_MILLIS);
  const since = failingSince(file) ?? now;
  writeAtomic(file, JSON.stringify({ until: now + wait, failures, since, ...(failure.reason != null ? { reason: failure.reason } : {}) }));
}

/** Clears the backoff after a delivery went through. */
export function clearBackoff(file: string): void {
  removeFile(file);
}
