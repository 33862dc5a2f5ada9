// SPDX-License-Identifier: Apache-2.0
// What clitel itself writes: one-line `clitel: …` messages to stderr, never to stdout.
import type { ResolvedConfig } from './config.js';

/** Writes to stderr; never throws. */
export function defaultWriteErr(text: string): void {
  try {
    process.stderr.write(text);
  } catch {
    // stderr closed: nothing to do
  }
}

/** Where a debug line goes, and whether debug mode is on. */
export interface DebugSink {
  config: Pick<ResolvedConfig, 'debug'>;
  writeErr: (text: string) => void;
}

/** A `clitel:` debug line, shown only with `CLITEL_DEBUG=1`. */
export function debugLine(sink: DebugSink, message: string): void {
  if (sink.config.debug) sink.writeErr(`clitel: ${message}\n`);
}
