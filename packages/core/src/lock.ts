// SPDX-License-Identifier: Apache-2.0
// One sender at a time per state directory: an exclusive-create lock file holding the owner's
// pid, taken over when it is older than its owner's deadline or the owner is gone.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';

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
    const pid = Number(readFileSync(file, 'utf8').trim());
    return age > staleMillis || !(Number.isInteger(pid) && pid > 0 && isAlive(pid));
  } catch {
    return false;
  }
}

/** Takes the lock; returns false when a live sender holds it. */
export function acquireLock(file: string, staleMillis: number, now: number): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !isStale(file, staleMillis, now)) return false;
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
    if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
  } catch {
    // already gone
  }
}
