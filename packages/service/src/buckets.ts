// SPDX-License-Identifier: Apache-2.0
// Coarse buckets for host-provided counts: the exact number never leaves the process.

/** A count's bucket: its label and lower bound. */
export interface Bucket {
  /** `<b0`, `b0-b1`, …, `>=bn` (the same labels as schema option buckets). */
  label: string;
  /** The bucket's lower bound (0 for the first bucket), sent as the gauge value. */
  lower: number;
}

/** The bucket of `value` for ascending `bounds`, or undefined for anything but a finite number ≥ 0. */
export function bucketOf(bounds: readonly number[], value: unknown): Bucket | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  if (value < bounds[0]) return { label: `<${bounds[0]}`, lower: 0 };
  for (let i = 1; i < bounds.length; i++) if (value < bounds[i]) return { label: `${bounds[i - 1]}-${bounds[i]}`, lower: bounds[i - 1] };
  const last = bounds[bounds.length - 1];
  return { label: `>=${last}`, lower: last };
}
