// SPDX-License-Identifier: Apache-2.0
// The run of each loaded oclif config, shared by the hook and the telemetry command.
import { adapterTelemetry, type AdapterRun, type TelemetryOptions } from '@clitel/core';
import type { InstrumentOptions } from './types.js';
import type { ConfigLike } from './internal-types.js';

export interface RunState {
  readonly run: AdapterRun;
  readonly telemetry: TelemetryOptions;
}

// Keyed by the CLI's root directory: oclif hands a command a reloaded copy of the hooks' config.
const states = new Map<string, RunState>();

export function stateOf(config: ConfigLike): RunState | undefined {
  return states.get(config.root);
}

export function saveState(config: ConfigLike, state: RunState): void {
  states.set(config.root, state);
}

/** clitel's options for this tool: the maintainer's, then oclif's config, then the process. */
export function telemetryOptions(config: ConfigLike, options: InstrumentOptions): TelemetryOptions {
  return adapterTelemetry(options, { name: config.bin, version: config.version });
}
