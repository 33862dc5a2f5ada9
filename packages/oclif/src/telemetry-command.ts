// SPDX-License-Identifier: Apache-2.0
// The `telemetry` command on oclif's own `Command` class: oclif only routes the words after
// `telemetry` (its `argv`, unparsed) to core, which parses them, prints and sets the exit code.
import { runTelemetryCli, TELEMETRY_FLAGS, TELEMETRY_SUMMARY } from '@clitel/core';
import type { InstrumentOptions, OclifModule } from './types.js';
import type { ConfigLike } from './internal-types.js';
import { stateOf, telemetryOptions } from './state.js';

interface CommandInstance {
  readonly config: ConfigLike;
  readonly argv: string[];
}

type CommandBase = abstract new (...args: never[]) => object;

/**
 * Builds the `telemetry status|enable|disable|reset|show` command on oclif's own `Command`
 * class. Export it as the default of `commands/telemetry.js`. It uses the options the hook was given.
 */
export function createTelemetryCommand<C extends CommandBase>(oclif: OclifModule<C>, options: InstrumentOptions = {}): C {
  const Base = oclif.Command as unknown as abstract new (...args: never[]) => CommandInstance;
  abstract class Telemetry extends Base {
    static description = TELEMETRY_SUMMARY;
    // The words after `telemetry` go to core unparsed, so the command reads the same everywhere.
    static strict = false;
    static args = {
      action: oclif.Args.string({ description: 'status, enable, disable, reset or show', required: false }),
    };
    static flags = {
      all: oclif.Flags.boolean({ description: TELEMETRY_FLAGS.all }),
      json: oclif.Flags.boolean({ description: TELEMETRY_FLAGS.json }),
    };
    async run(): Promise<void> {
      const state = stateOf(this.config);
      state?.run.cancel();
      runTelemetryCli(this.argv, state?.telemetry ?? telemetryOptions(this.config, options));
    }
  }
  return Telemetry as unknown as C;
}
