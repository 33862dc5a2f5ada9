// SPDX-License-Identifier: Apache-2.0
// The `telemetry` subcommand of a citty program: citty only routes the words after `telemetry`
// (its `rawArgs`) to core, which parses them, prints and sets the exit code.
import { runTelemetryCli, TELEMETRY_COMMAND, TELEMETRY_FLAGS, TELEMETRY_SUMMARY, type TelemetryOptions } from '@clitel/core';
import type { CommandDefLike } from './internal-types.js';

/** The `telemetry` command definition; `onRun` is called first (the run cancels itself). */
export function telemetryCommand(telemetry: TelemetryOptions, onRun: () => void): CommandDefLike {
  return {
    meta: { name: TELEMETRY_COMMAND, description: TELEMETRY_SUMMARY },
    args: {
      action: { type: 'positional', required: false, description: 'status, enable, disable, reset or show' },
      all: { type: 'boolean', description: TELEMETRY_FLAGS.all },
      json: { type: 'boolean', description: TELEMETRY_FLAGS.json },
    } as CommandDefLike['args'],
    run: ({ rawArgs }) => {
      onRun();
      runTelemetryCli(rawArgs, telemetry);
    },
  };
}
