// SPDX-License-Identifier: Apache-2.0
// The `telemetry` command on a cac program: cac only routes the words after `telemetry` to core,
// which parses them, prints and sets the exit code.
import { runTelemetryCli, TELEMETRY_ARGUMENTS, TELEMETRY_COMMAND, TELEMETRY_FLAGS, TELEMETRY_SUMMARY, type TelemetryOptions } from '@clitel/core';
import type { CacLike, CommandLike } from './internal-types.js';

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The words the user typed after `telemetry`, back from cac's parse (options after the positionals). */
function wordsOf(args: readonly unknown[], flags: Readonly<Record<string, unknown>>): string[] {
  const words = args.map(String);
  for (const [name, value] of Object.entries(flags)) {
    if (name === '--') continue;
    if (value === true) words.push(`--${kebab(name)}`);
    else if (value === false) words.push(`--no-${kebab(name)}`);
    else words.push(`--${kebab(name)}=${String(value)}`);
  }
  return words;
}

/** Adds `telemetry` to the program; `onRun` is called first (the run cancels itself). */
export function addTelemetryCommand(cli: CacLike, telemetry: TelemetryOptions, onRun: () => void): CommandLike {
  return cli
    .command(`${TELEMETRY_COMMAND} [...args]`, TELEMETRY_SUMMARY)
    .usage(`${TELEMETRY_COMMAND} ${TELEMETRY_ARGUMENTS}`)
    .option('--all', TELEMETRY_FLAGS.all)
    .option('--json', TELEMETRY_FLAGS.json)
    .allowUnknownOptions()
    .action((args: readonly unknown[], flags: Readonly<Record<string, unknown>>) => {
      onRun();
      runTelemetryCli(wordsOf(args, flags), telemetry);
    });
}
