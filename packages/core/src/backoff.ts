// SPDX-License-Identifier: Apache-2.0
import { readFileSync, rmSync } from 'node:fs';
import { writeAtomic } from './state.js';
import { BACKOFF_INITIAL_MILLIS, BACKOFF_MAX_MILLIS } from './sender-files.js';

/** When delivery may be tried again, and how many failures in a row led there. */
export interface Backoff {
  until: number;
  failures: number;
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

/** Records one more failure: wait 2 s, 4 s, 8 s, … up to 5 minutes. */
export function recordFailure(file: string, now: number): void {
  const failures = (readBackoff(file)?.failures ?? 0) + 1;
  const wait = Math.min(BACKOFF_INITIAL_MILLIS * 2 ** (failures - 1), BACKOFF_MAX_MILLIS);
  writeAtomic(file, JSON.stringify({ until: now + wait, failures }));
}

/** Clears the backoff after a delivery went through. */
export function clearBackoff(file: string): void {
  rmSync(file, { force: true });
}
