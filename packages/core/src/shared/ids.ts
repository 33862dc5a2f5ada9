// SPDX-License-Identifier: Apache-2.0
// Ids without loading node:crypto on a run's path (it costs ~2.5 ms to load). Trace, span, run and
// session ids need to be unique, not secret, so Math.random serves, as in the OpenTelemetry JS
// SDK's RandomIdGenerator. The installation id, made once, is a crypto UUID (see state.ts).
import { builtin } from './builtin.js';

/** A random lower-case hex string of `bytes` bytes, never all zeros (invalid as a trace id). */
export function randomHex(bytes: number): string {
  let out = '';
  for (let i = 0; i < bytes; i++) out += Math.floor(Math.random() * 256).toString(16).padStart(2, '0');
  return /^0+$/.test(out) ? `${out.slice(0, -1)}1` : out;
}

/** A random UUID v4 from node:crypto, loaded only when one is made. */
export function randomUuid(): string {
  const { randomUUID } = builtin('node:crypto');
  return randomUUID();
}

/**
 * A stable number in [0, 1) for a string (FNV-1a, 32 bits): the same installation id always maps
 * to the same bucket, spread evenly, with no crypto to load.
 */
export function stableFraction(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // Mix the bits once more so that ids differing only at the end still spread.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return (hash >>> 0) / 0x1_0000_0000;
}
