// SPDX-License-Identifier: Apache-2.0
// The `telemetry` subcommand on a commander program: commander only routes the words after
// `telemetry` to core, which parses them, prints and sets the exit code.
import { runTelemetryCli, TELEMETRY_ARGUMENTS, TELEMETRY_COMMAND, TELEMETRY_SUMMARY, type TelemetryOptions } from '@clitel/core';
import type { CommandLike } from './internal-types.js';

/** Adds `telemetry` to the program; `onRun` is called first (the run cancels itself). */
export function addTelemetryCommand(program: CommandLike, telemetry: () => TelemetryOptions, onRun: () => void): void {
  program
    .command(TELEMETRY_COMMAND)
    .description(TELEMETRY_SUMMARY)
    .usage(TELEMETRY_ARGUMENTS)
    .argument('[args...]')
    .allowUnknownOption()
    .allowExcessArguments()
    .helpOption(false)
    .action((args: unknown) => {
      onRun();
      const output = program.configureOutput();
      runTelemetryCli(Array.isArray(args) ? args.map(String) : [], telemetry(), { writeOut: output.writeOut, writeErr: output.writeErr });
    });
}
