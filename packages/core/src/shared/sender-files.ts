// SPDX-License-Identifier: Apache-2.0
// Files the writers and the sender use to agree on who sends and when.
import { readdirSync } from 'node:fs';
import { removeFile } from './atomic-file.js';
import { join } from 'node:path';

/** A sender is never alive longer than this; a lock older than it is stale. */
export const SENDER_DEADLINE_MILLIS = 30_000;
/**
 * A background sender waits this long for more runs after the spool is empty, holding its lock,
 * so runs in quick succession find it alive and start no process of their own.
 */
export const SENDER_LINGER_MILLIS = 3_000;
/** At most one spawn per window, unless the last sender already finished. */
export const SPAWN_WINDOW_MILLIS = 3_000;
/**
 * Delivery delay (background mode): a run starts a sender only when the spool holds this many
 * runs, or its oldest entry has waited this long, so most runs never load node:child_process or
 * fork. `CLITEL_SEND_NOW=1` starts one at the end of every run. See docs/delivery.md.
 */
export const SEND_AFTER_RUNS = 20;
export const SEND_AFTER_MILLIS = 10 * 60_000;
/** Delivery in sync mode (CI) waits at most this long at exit. */
export const SYNC_WAIT_MILLIS = 1_000;
/** First wait after a failed delivery; it doubles up to the maximum. */
export const BACKOFF_INITIAL_MILLIS = 2_000;
export const BACKOFF_MAX_MILLIS = 5 * 60_000;

/** Paths of the coordination files inside a tool's state directory. */
export function senderFiles(stateDir: string) {
  return {
    lock: join(stateDir, 'sender.lock'),
    done: join(stateDir, 'sender.done'),
    backoff: join(stateDir, 'sender.backoff'),
    claim: (window: number) => join(stateDir, `sender.spawn-${window}`),
  };
}

/** Removes spawn claims of past windows (each run in a new window leaves one). */
export function removeOldClaims(stateDir: string, now: number): void {
  const current = Math.floor(now / SPAWN_WINDOW_MILLIS);
  let names: string[];
  try {
    names = readdirSync(stateDir);
  } catch {
    return;
  }
  for (const name of names) {
    const window = /^sender\.spawn-(\d+)$/.exec(name)?.[1];
    if (window != null && Number(window) < current - 1) removeFile(join(stateDir, name));
  }
}
