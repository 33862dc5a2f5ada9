// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { wrapFunction } from './wrap-function.js';

describe('wrapFunction', () => {
  it('counts every call and passes this, arguments and the result through', () => {
    const slot = { calls: 0 };
    const target = { base: 10, add(this: { base: number }, a: number, b: number) { return this.base + a + b; } };
    const add = wrapFunction(target.add, slot);
    expect(add.call(target, 1, 2)).toBe(13);
    expect(add.call({ base: 0 }, 5, 5)).toBe(10);
    expect(slot.calls).toBe(2);
  });

  it('rethrows the same error object and still counts the call', () => {
    const slot = { calls: 0 };
    const error = new RangeError('boom');
    const fails = wrapFunction(() => { throw error; }, slot);
    expect(() => fails()).toThrow(error);
    expect(slot.calls).toBe(1);
  });

  it('returns the same promise the function returns', async () => {
    const slot = { calls: 0 };
    const later = wrapFunction(async (x: number) => x * 2, slot);
    await expect(later(21)).resolves.toBe(42);
    expect(slot.calls).toBe(1);
  });

  it('keeps name, length, static properties and works with new', () => {
    const slot = { calls: 0 };
    class Client { constructor(public url: string) {} static create(): string { return 'c'; } }
    const Tracked = wrapFunction(Client as unknown as (...args: unknown[]) => unknown, slot) as unknown as typeof Client;
    const client = new Tracked('u');
    expect(client).toBeInstanceOf(Client);
    expect(client.url).toBe('u');
    expect(Tracked.name).toBe('Client');
    expect(Tracked.length).toBe(1);
    expect(Tracked.create()).toBe('c');
    expect(() => (Tracked as unknown as () => void)()).toThrow(TypeError);
    expect(slot.calls).toBe(2);
  });
});
