// SPDX-License-Identifier: Apache-2.0
import type { TelemetryOptions } from '@clitel/core';

/** Options of `instrument()`: clitel's options, with the tool name and version read from the main command. */
export interface InstrumentOptions extends Omit<TelemetryOptions, 'toolName'> {
  /** The tool's name. Default: the main command's `meta.name`, else `schema.tool`. */
  toolName?: string;
  /** The arguments `runMain` will parse. Default: `process.argv.slice(2)`, as `runMain`. */
  rawArgs?: readonly string[];
  /** Add the `telemetry status|enable|disable|reset` subcommand (when the main command has subcommands). Default `true`. */
  telemetryCommand?: boolean;
}
