// SPDX-License-Identifier: Apache-2.0
import { emitTreeIfAsked, startRun, TELEMETRY_COMMAND } from '@clitel/core';
import type { InstrumentOptions, TelemetryHook } from './types.js';
import type { HookOptionsLike } from './internal-types.js';
import { saveState, stateOf, telemetryOptions } from './state.js';
import { commandPath, declaredCommands, requestedPath, usedFlags } from './tree.js';
import { wrapParse } from './wrap-parse.js';
import { commandTree } from './command-tree.js';

/**
 * Records one span per run of an oclif CLI. Export the returned function as the default of one
 * hook file and list that file for the `init`, `prerun` and `finally` events in package.json.
 * It runs beside the tool's own hooks, changes nothing they see, and never throws.
 */
export function createTelemetryHook(options: InstrumentOptions = {}): TelemetryHook {
  return async function telemetryHook(this: unknown, hookOptions: object): Promise<void> {
    try {
      onEvent(hookOptions as HookOptionsLike, options);
    } catch {
      // telemetry never breaks the tool
    }
  };
}

/** oclif does not tell a hook its event, so it is read from the options' shape. */
function onEvent(event: HookOptionsLike, options: InstrumentOptions): void {
  const config = event.config;
  if (config == null) return;
  const state = stateOf(config);
  if ('error' in event) {
    // finally: after the command, --help, --version, an unknown command or a parse error
    if (event.error != null) state?.run.recordError(event.error);
  } else if ('result' in event) {
    // postrun: nothing more to learn
  } else if (event.Command != null) {
    // prerun: the command is found and about to parse its argv
    if (state == null || !state.run.recording) return;
    const { run } = state;
    run.setCommand(commandPath(event.Command.id));
    wrapParse(event.Command, (output) => run.setOptions(usedFlags(output)));
  } else if (state == null) {
    // init: the first event of a run
    const telemetry = telemetryOptions(config, options);
    void emitTreeIfAsked(telemetry.env ?? {}, () => commandTree(config));
    const run = startRun(telemetry);
    saveState(config, { run, telemetry });
    if (!run.recording) return;
    run.declare(declaredCommands(config));
    const path = requestedPath(config, event.id);
    // The telemetry command is never recorded, also when oclif only shows its help.
    if (path.length === 1 && path[0] === TELEMETRY_COMMAND) run.cancel();
    else run.setCommand(path);
  }
}
