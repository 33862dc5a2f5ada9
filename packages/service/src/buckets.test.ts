// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { bucketOf } from './buckets.js';

describe('bucketOf', () => {
  const bounds = [1, 10, 100];
  it.each([
    [0, '<1', 0],
    [1, '1-10', 1],
    [57, '10-100', 10],
    [100, '>=100', 100],
    [1e9, '>=100', 100],
  ])('%d → %s (value %d)', (n, label, lower) => {
    expect(bucketOf(bounds, n)).toEqual({ label, lower });
  });

  it('refuses anything but a finite number of 0 or more', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '5', undefined]) expect(bucketOf(bounds, bad)).toBeUndefined();
  });
});
