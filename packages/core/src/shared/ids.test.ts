// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { randomHex, randomUuid, stableFraction } from './ids.js';

describe('ids', () => {
  it('makes hex ids of the right length that differ', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomHex(16)));
    expect(ids.size).toBe(1000);
    expect([...ids].every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
  });
  it('makes UUID v4 installation ids', () => {
    expect(randomUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('spreads installation ids evenly over [0, 1)', () => {
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) buckets[Math.floor(stableFraction(randomUuid()) * 10)] += 1;
    expect(Math.min(...buckets)).toBeGreaterThan(850);
    expect(Math.max(...buckets)).toBeLessThan(1150);
  });
});
