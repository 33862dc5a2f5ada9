// SPDX-License-Identifier: Apache-2.0
// The handles returned when telemetry is off or anything failed: they record nothing.
import type { Run } from './types.js';
import type { DeclaredCommands } from './schema.js';

/** A run handle for adapters: also takes the command tree read from the program. */
export interface AdapterRun extends Run {
  /** Allows the command paths and option names the adapter read from the program definition. */
  declare(declared: DeclaredCommands): void;
}

/** A usage recorder (see `startUsage`). */
export interface UsageHandle {
  /** Whether the counters will be sent. */
  readonly recording: boolean;
  /** Stops without sending anything. */
  stop(): void;
}

export const NOOP_RUN: AdapterRun = Object.freeze({
  recording: false,
  setCommand: () => undefined,
  setOptions: () => undefined,
  recordError: () => undefined,
  stage: () => undefined,
  cancel: () => undefined,
  end: () => undefined,
  declare: () => undefined,
});

export const NOOP_USAGE: UsageHandle = Object.freeze({ recording: false, stop: () => undefined });

/** A run that records nothing. */
export function noopRun(): AdapterRun {
  return NOOP_RUN;
}
