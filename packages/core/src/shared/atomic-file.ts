// SPDX-License-Identifier: Apache-2.0
// The one way core writes a file another process may read at any moment (state, choices, spool
// entries, backoff, the sent log, the lock, the sender marks): never visible half-written, never
// a temp file left behind, private to the user (0600).
import { closeSync, linkSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const PRIVATE = 0o600;

function tempFor(file: string): string {
  return `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}

/** Writes `text` to a temp file beside `file`, then runs `publish(tmp)`; the temp file is always removed or renamed. */
function viaTemp(file: string, text: string | Uint8Array, publish: (tmp: string) => void): void {
  const tmp = tempFor(file);
  try {
    writeFileSync(tmp, text, { mode: PRIVATE });
    publish(tmp);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Replaces `file` with `text` (or bytes) in one step (temp file + rename). Throws on I/O errors. */
export function writeAtomic(file: string, text: string | Uint8Array): void {
  viaTemp(file, text, (tmp) => renameSync(tmp, file));
}

/**
 * Creates `file` with `text` only if it does not exist, failing with EEXIST otherwise; readers see
 * no file or the whole text (temp file + hard link; an empty file is one exclusive open).
 */
export function createExclusive(file: string, text: string): void {
  if (text === '') closeSync(openSync(file, 'wx', PRIVATE));
  else viaTemp(file, text, (tmp) => linkSync(tmp, file));
}
