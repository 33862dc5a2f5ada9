// SPDX-License-Identifier: Apache-2.0
import type { TelemetryOptions } from '@clitel/core';

/** Options of `instrument()`: clitel's options, with the tool name and version read from the program. */
export interface InstrumentOptions extends Omit<TelemetryOptions, 'toolName'> {
  /** The tool's name. Default: the name given to `cac()`, else `schema.tool`. */
  toolName?: string;
  /** Add the `telemetry status|enable|disable|reset` command. Default `true`. */
  telemetryCommand?: boolean;
}
