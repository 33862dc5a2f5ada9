// SPDX-License-Identifier: Apache-2.0
import type { TelemetryOptions } from '@clitel/core';

/** Options of `createTelemetryHook()` and `createTelemetryCommand()`: clitel's options, with the tool read from oclif's config. */
export interface InstrumentOptions extends Omit<TelemetryOptions, 'toolName'> {
  /** The tool's name. Default: oclif's `config.bin`. */
  toolName?: string;
}

/** A lifecycle hook for oclif's `init`, `prerun`, `postrun` and `finally` events. */
export type TelemetryHook = (this: unknown, options: object) => Promise<void>;

/**
 * The parts of `@oclif/core` that `createTelemetryCommand()` builds on; pass the module itself
 * (`import * as oclif from '@oclif/core'`).
 */
export interface OclifModule<C> {
  /** oclif's `Command` base class. */
  readonly Command: C;
  /** oclif's `Args` helpers. */
  readonly Args: { string(options: object): unknown };
  /** oclif's `Flags` helpers. */
  readonly Flags: { boolean(options: object): unknown };
}
