// SPDX-License-Identifier: Apache-2.0
// One sender at a time per state directory: a lock file holding the owner's pid, created with its
// content in one step (a hard link of a written temp file), and taken over when it is older than
// its owner's deadline or the owner is gone.
import { readFileSync, statSync, unlinkSync } from 'node:fs';
import { createExclusive } from './atomic-file.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(file: string, staleMillis: number, now: number): boolean {
  try {
    const age = now - statSync(file).mtimeMs;
    if (age > staleMillis) return true;
    const pid = Number(readFileSync(file, 'utf8').trim());
    // A lock whose pid cannot be read is left to age out rather than taken over.
    return Number.isInteger(pid) && pid > 0 && !isAlive(pid);
  } catch {
    return false;
  }
}

function readOwner(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Takes the lock; returns false when a live sender holds it. */
export function acquireLock(file: string, staleMillis: number, now: number): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      createExclusive(file, String(process.pid));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
      const judged = readOwner(file);
      if (!isStale(file, staleMillis, now)) return false;
      // Remove only the lock that was judged stale, not one another sender just took over.
      if (readOwner(file) !== judged) return false;
      try {
        unlinkSync(file);
      } catch {
        return false;
      }
    }
  }
  return false;
}

/** Whether a live sender holds the lock. */
export function isLocked(file: string, staleMillis: number, now: number): boolean {
  try {
    statSync(file);
  } catch {
    return false;
  }
  return !isStale(file, staleMillis, now);
}

/** Releases the lock if this process holds it. */
export function releaseLock(file: string): void {
  try {
    if (readOwner(file) === String(process.pid)) unlinkSync(file);
  } catch {
    // already gone
  }
}
