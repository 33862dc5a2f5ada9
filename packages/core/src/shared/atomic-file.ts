// SPDX-License-Identifier: Apache-2.0
// The one way core writes a file another process may read at any moment (state, choices, spool
// entries, backoff, the sent log, the lock, the sender marks): never visible half-written, never
// a temp file left behind, private to the user (0600).
import { closeSync, linkSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';

const PRIVATE = 0o600;

function tempFor(file: string): string {
  return `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}

/**
 * Deletes one file; a file that is not there is no error. `rmSync` would do the same, but on
 * Node 20 it loads Node's recursive-removal module first, on every run that writes a file.
 */
export function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Writes `text` to a temp file beside `file`, then runs `publish(tmp)`, which returns whether it
 * consumed the temp file (a rename); otherwise, or when anything throws, the temp file is removed.
 */
function viaTemp(file: string, text: string | Uint8Array, publish: (tmp: string) => boolean): void {
  const tmp = tempFor(file);
  let consumed = false;
  try {
    writeFileSync(tmp, text, { mode: PRIVATE });
    consumed = publish(tmp);
  } finally {
    if (!consumed) removeFile(tmp);
  }
}

/** Replaces `file` with `text` (or bytes) in one step (temp file + rename). Throws on I/O errors. */
export function writeAtomic(file: string, text: string | Uint8Array): void {
  viaTemp(file, text, (tmp) => {
    renameSync(tmp, file);
    return true;
  });
}

/**
 * Creates `file` with `text` only if it does not exist, failing with EEXIST otherwise; readers see
 * no file or the whole text (temp file + hard link; an empty file is one exclusive open).
 */
export function createExclusive(file: string, text: string): void {
  if (text === '') closeSync(openSync(file, 'wx', PRIVATE));
  else {
    viaTemp(file, text, (tmp) => {
      linkSync(tmp, file);
      return false;
    });
  }
}
