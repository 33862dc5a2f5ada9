// SPDX-License-Identifier: Apache-2.0
import type { TelemetryOptions } from '@clitel/core';

/** Options of `instrument()`: clitel's options, with the tool name and version read from the program. */
export interface InstrumentOptions extends Omit<TelemetryOptions, 'toolName'> {
  /** The tool's name. Default: `program.name()`. */
  toolName?: string;
  /** Add the `telemetry status|enable|disable|reset` subcommand. Default `true`. */
  telemetryCommand?: boolean;
}
