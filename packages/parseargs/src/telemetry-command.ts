// SPDX-License-Identifier: Apache-2.0
import { runTelemetryCli } from '@clitel/core';
import type { ParseArgsTelemetryOptions } from './types.js';
import { telemetryOptions } from './parse-args.js';

/**
 * Runs `<tool> telemetry <status|enable|disable|reset|show> [--all] [--json]` for a tool without
 * a command framework: pass the arguments after `telemetry`. Prints on stdout (errors, one line,
 * on stderr), sets `process.exitCode` when it fails and returns the exit code. Never throws.
 */
export function telemetryCommand(args: readonly string[], options: ParseArgsTelemetryOptions = {}): number {
  return runTelemetryCli(args, telemetryOptions(options));
}
