// SPDX-License-Identifier: Apache-2.0
import type { AdapterOptions } from '@clitel/core';

/**
 * Options of `createTelemetryHook()` and `createTelemetryCommand()`: every option of
 * `@clitel/core`'s `AdapterOptions` (`telemetryCommand` is not used: the command is its own
 * file). The tool's name defaults to oclif's `config.bin`, its version to `config.version`.
 */
export type InstrumentOptions = AdapterOptions;

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
