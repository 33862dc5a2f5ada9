// SPDX-License-Identifier: Apache-2.0
// A one-line progress bar on a terminal; silent elsewhere.
import type { Writer } from '../context.js';

/** Draws progress as done/total with a label. */
export interface ProgressBar {
  update(done: number, label: string): void;
  finish(): void;
}

/** A bar of `width` cells on `out`, redrawn at most every `everyMs` milliseconds. */
export function createProgressBar(out: Writer, total: number, options: { width?: number; everyMs?: number; now?: () => number } = {}): ProgressBar {
  const width = options.width ?? 30;
  const every = options.everyMs ?? 100;
  const now = options.now ?? Date.now;
  let last = -Infinity;
  let drawn = false;
  const draw = (done: number, label: string): void => {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const full = Math.round(fraction * width);
    out.write(`\r\u001b[2K[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${label}`);
    drawn = true;
  };
  return {
    update(done, label) {
      if (!out.isTTY) return;
      const t = now();
      if (t - last < every) return;
      last = t;
      draw(done, label);
    },
    finish() {
      if (drawn) out.write('\r\u001b[2K');
    },
  };
}
