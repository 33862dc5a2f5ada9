// SPDX-License-Identifier: Apache-2.0
// The hot path: one increment, then the original function with the same `this`, arguments and
// `new.target`. Its return value and errors pass through untouched; arguments are never read.
import type { Slot } from './counters.js';
import type { AnyFunction } from './types.js';

const KEEP = new Set<PropertyKey>(['length', 'name', 'prototype', 'arguments', 'caller']);

/** Returns a function that counts each call in `slot` and otherwise behaves like `fn`. */
export function wrapFunction<F extends AnyFunction>(fn: F, slot: Slot): F {
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    slot.calls++;
    return new.target === undefined ? Reflect.apply(fn, this, args) : Reflect.construct(fn, args, new.target);
  };
  Object.defineProperty(wrapped, 'name', { value: fn.name, configurable: true });
  Object.defineProperty(wrapped, 'length', { value: fn.length, configurable: true });
  if (fn.prototype !== undefined) wrapped.prototype = fn.prototype as object;
  for (const key of Reflect.ownKeys(fn)) {
    if (KEEP.has(key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(fn, key);
    if (descriptor != null) Object.defineProperty(wrapped, key, descriptor);
  }
  return wrapped as unknown as F;
}
