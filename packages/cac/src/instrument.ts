// SPDX-License-Identifier: Apache-2.0
import { adapterTelemetry, emitTreeIfAsked, noopRun, startRun, TELEMETRY_COMMAND, UNKNOWN_COMMAND, type AdapterRun, type Run } from '@clitel/core';
import type { CAC } from 'cac';
import type { InstrumentOptions } from './types.js';
import type { CacLike, CommandLike } from './internal-types.js';
import { declaredCommands, usedOptions } from './tree.js';
import { commandTree } from './command-tree.js';
import { addTelemetryCommand } from './telemetry-command.js';

/**
 * Records one span per run of a cac program. Call it after the commands are defined and before
 * `parse()`. Listens to cac's command events beside the tool's own listeners; never throws.
 */
export function instrument(cli: CAC, options: InstrumentOptions = {}): Run {
  const c = cli as unknown as CacLike;
  let run: AdapterRun = noopRun();
  try {
    void emitTreeIfAsked(options.env ?? process.env, () => commandTree(cli));
    const telemetry = adapterTelemetry(options, { name: c.name, version: c.globalCommand.versionNumber });
    const taken = c.commands.some((command) => command.name === TELEMETRY_COMMAND);
    const own = options.telemetryCommand !== false && !taken ? addTelemetryCommand(c, telemetry, () => run.cancel()) : undefined;
    run = startRun(telemetry);
    if (run.recording) attach(c, run, own);
  } catch {
    // Telemetry never breaks the tool: whatever was not set up records nothing.
  }
  return run;
}

function attach(cli: CacLike, run: AdapterRun, own: CommandLike | undefined): void {
  run.declare(declaredCommands(cli));
  let matched = false;
  const onMatch = (command: CommandLike) => (): void => {
    matched = true;
    if (command === own) return run.cancel();
    run.setCommand(command.name === '' ? [] : [command.name]);
    safely(() => run.setOptions(usedOptions(cli, command)));
  };
  for (const command of cli.commands) {
    for (const name of command.name === '' ? ['!'] : [command.name, ...command.aliasNames]) listen(cli, `command:${name}`, onMatch(command));
  }
  listen(cli, 'command:*', () => { if (!matched) run.setCommand([UNKNOWN_COMMAND]); });
  // cac reports parse errors (CACError) and the action's own errors only by throwing them out of
  // runMatchedCommand(): record them and hand back the same error, or a promise that rejects with it.
  const runMatched = cli.runMatchedCommand;
  (cli as { runMatchedCommand: CacLike['runMatchedCommand'] }).runMatchedCommand = function (this: unknown, ...args: unknown[]) {
    try {
      const result = runMatched.apply(this, args);
      return isThenable(result) ? result.then(undefined, (e: unknown) => { run.recordError(e); throw e; }) : result;
    } catch (e) {
      run.recordError(e);
      throw e;
    }
  };
}

/** cac 6 is an EventEmitter (`on`), cac 7 an EventTarget (`addEventListener`); both emit the same events. */
function listen(cli: CacLike, event: string, listener: () => void): void {
  if (typeof cli.on === 'function') cli.on(event, listener);
  else cli.addEventListener?.(event, listener);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // Never into the host.
  }
}
