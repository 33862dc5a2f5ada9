// SPDX-License-Identifier: Apache-2.0
// The `telemetry` command on a yargs program: yargs only routes the words after `telemetry` to
// core (unknown options kept as words), which parses them, prints and sets the exit code.
import { runTelemetryCli, TELEMETRY_COMMAND, TELEMETRY_SUMMARY, type TelemetryOptions } from '@clitel/core';
import type { YargsLike } from './internal-types.js';

/** Adds `telemetry` to the program; `onRun` is called first (the run cancels itself). */
export function addTelemetryCommand(y: YargsLike, telemetry: TelemetryOptions, onRun: () => void): void {
  y.command(
    `${TELEMETRY_COMMAND} [args..]`,
    TELEMETRY_SUMMARY,
    (b) => b.strict(false).parserConfiguration({ ...b.getParserConfiguration?.(), 'unknown-options-as-args': true }),
    (argv) => {
      onRun();
      const args = Array.isArray(argv.args) ? argv.args.map(String) : [];
      runTelemetryCli(args, telemetry);
    },
  );
}
