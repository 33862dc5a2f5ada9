// SPDX-License-Identifier: Apache-2.0
// What every adapter shows of the `telemetry` subcommand: its name, actions and help texts.
// Start-up side (adapters register the command before parsing); the command itself runs in
// telemetry-cli.ts, loaded only when the user runs it.
import type { TelemetryAction } from './types.js';

/** The subcommand's name: `<tool> telemetry <action>`. */
export const TELEMETRY_COMMAND = 'telemetry';

/** Every action of the `telemetry` subcommand, in the order help lists them. */
export const TELEMETRY_ACTIONS: readonly TelemetryAction[] = ['status', 'enable', 'disable', 'reset', 'show'];

/** One line for a framework's command list. */
export const TELEMETRY_SUMMARY = 'usage telemetry: status, enable, disable, reset, show';

/** The arguments, as a framework's usage line shows them. */
export const TELEMETRY_ARGUMENTS = '<status|enable|disable|reset|show> [--all] [--json]';

/** Descriptions of the two flags, for frameworks that list them. */
export const TELEMETRY_FLAGS = {
  all: 'with enable/disable: apply to every clitel tool on this machine',
  json: 'with show: print the OTLP/JSON that was sent',
} as const;
