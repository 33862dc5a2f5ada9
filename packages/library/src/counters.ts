// SPDX-License-Identifier: Apache-2.0
// Call counters kept in memory, one slot per registered name (and fixed attributes).
import { type UsagePoint } from '@clitel/core';
import { ATTR_CLITEL_FUNCTION, METRIC_FUNCTION_CALLS } from '@clitel/core/internal';
import type { UsageAttributes } from './types.js';

/** One counter. The wrapper increments `calls`; nothing else touches it on the hot path. */
export interface Slot {
  calls: number;
}

/** The registry of a module's counters. */
export interface Counters {
  /** The slot for a name, or undefined when the name is invalid or the registry is full. */
  slot(name: string, attributes?: UsageAttributes): Slot | undefined;
  /** Totals of every slot that was called at least once. */
  points(): UsagePoint[];
}

/** Function names: short identifiers, dotted paths allowed (`fs.readFile`, `Client#send`). */
const NAME = /^[A-Za-z_$][A-Za-z0-9_$.#:-]{0,63}$/;
/** At most this many distinct registrations per module; more are not tracked. */
export const MAX_SLOTS = 1000;

/** Whether `name` can be registered. */
export function isValidName(name: unknown): name is string {
  return typeof name === 'string' && NAME.test(name);
}

export function createCounters(): Counters {
  const slots = new Map<string, { slot: Slot; name: string; attributes: UsageAttributes }>();
  return {
    slot(name, attributes = {}) {
      if (!isValidName(name)) return undefined;
      const key = `${name}\u0000${JSON.stringify(Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
      const found = slots.get(key);
      if (found != null) return found.slot;
      if (slots.size >= MAX_SLOTS) return undefined;
      const entry = { slot: { calls: 0 }, name, attributes: { ...attributes } };
      slots.set(key, entry);
      return entry.slot;
    },
    points() {
      const out: UsagePoint[] = [];
      for (const { slot, name, attributes } of slots.values()) {
        if (slot.calls > 0) out.push({ name: METRIC_FUNCTION_CALLS, value: slot.calls, attributes: { ...attributes, [ATTR_CLITEL_FUNCTION]: name } });
      }
      return out;
    },
  };
}
