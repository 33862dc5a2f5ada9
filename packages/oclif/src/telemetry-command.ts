// SPDX-License-Identifier: Apache-2.0
import { runTelemetryCommand, type TelemetryAction } from '@clitel/core';
import type { InstrumentOptions, OclifModule } from './types.js';
import type { ConfigLike } from './internal-types.js';
import { stateOf, telemetryOptions } from './state.js';

const ACTIONS: readonly TelemetryAction[] = ['status', 'enable', 'disable', 'reset'];

interface CommandInstance {
  readonly config: ConfigLike;
  parse(command: unknown): Promise<{ args: { action?: string }; flags: { all?: boolean } }>;
  log(message: string): void;
  exit(code: number): never;
}

type CommandBase = abstract new (...args: never[]) => object;

/**
 * Builds the `telemetry status|enable|disable|reset` command on oclif's own `Command` class.
 * Export it as the default of `commands/telemetry.js`. It uses the options the hook was given.
 */
export function createTelemetryCommand<C extends CommandBase>(oclif: OclifModule<C>, options: InstrumentOptions = {}): C {
  const Base = oclif.Command as unknown as abstract new (...args: never[]) => CommandInstance;
  abstract class Telemetry extends Base {
    static description = 'show or change usage telemetry: status, enable, disable, reset';
    static args = {
      action: oclif.Args.string({ description: 'what to do', required: true, options: [...ACTIONS] }),
    };
    static flags = {
      all: oclif.Flags.boolean({ description: 'with enable/disable: apply to every clitel tool on this machine' }),
    };
    async run(): Promise<void> {
      const state = stateOf(this.config);
      state?.run.cancel();
      const { args, flags } = await this.parse(Telemetry);
      const telemetry = state?.telemetry ?? telemetryOptions(this.config, options);
      const result = runTelemetryCommand(args.action as TelemetryAction, telemetry, { all: flags.all === true });
      this.log(result.lines.join('\n'));
      if (result.exitCode !== 0) this.exit(result.exitCode);
    }
  }
  return Telemetry as unknown as C;
}
