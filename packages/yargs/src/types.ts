// SPDX-License-Identifier: Apache-2.0
import type { TelemetryOptions } from '@clitel/core';

/**
 * A yargs instance, seen from outside: `yargs(hideBin(process.argv))` with its commands defined.
 * Structural, so the adapter never imports yargs and works with or without `@types/yargs`.
 */
export interface YargsProgram {
  middleware(...args: never[]): unknown;
  command(...args: never[]): unknown;
}

/** Options of `instrument()`: clitel's options, with the tool name read from the schema. */
export interface InstrumentOptions extends Omit<TelemetryOptions, 'toolName'> {
  /** The tool's name. Default: `schema.tool`, else yargs' `$0`. */
  toolName?: string;
  /** Add the `telemetry status|enable|disable|reset` command. Default `true`. */
  telemetryCommand?: boolean;
}
