// SPDX-License-Identifier: Apache-2.0
import { parseArgs } from 'node:util';
import { runTelemetryCommand, type TelemetryAction } from '@clitel/core';
import type { ParseArgsTelemetryOptions } from './types.js';
import { telemetryOptions } from './parse-args.js';

const ACTIONS: readonly string[] = ['status', 'enable', 'disable', 'reset'];

/**
 * Runs `<tool> telemetry <status|enable|disable|reset> [--all]` for a tool without a command
 * framework: pass the arguments after `telemetry`. Prints on stdout (errors on stderr) and
 * returns the exit code for the tool to use. Never throws, never exits.
 */
export function telemetryCommand(args: readonly string[], options: ParseArgsTelemetryOptions = {}): number {
  const telemetry = telemetryOptions(options);
  let action: string | undefined;
  let all = false;
  try {
    const { positionals, values } = parseArgs({ args: [...args], options: { all: { type: 'boolean' } }, allowPositionals: true });
    [action] = positionals;
    all = values.all === true;
  } catch {
    action = undefined;
  }
  if (action == null || !ACTIONS.includes(action)) {
    (telemetry.writeErr ?? ((t: string) => process.stderr.write(t)))(`${telemetry.toolName}: usage: ${telemetry.toolName} telemetry status|enable|disable|reset [--all]\n`);
    return 2;
  }
  const result = runTelemetryCommand(action as TelemetryAction, telemetry, { all });
  process.stdout.write(`${result.lines.join('\n')}\n`);
  return result.exitCode;
}
