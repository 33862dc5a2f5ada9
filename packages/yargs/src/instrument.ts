// SPDX-License-Identifier: Apache-2.0
import { adapterTelemetry, emitTreeIfAsked, noopRun, startRun, TELEMETRY_COMMAND, type AdapterRun, type Run } from '@clitel/core';
import type { InstrumentOptions, YargsProgram } from './types.js';
import type { ArgvLike, YargsLike } from './internal-types.js';
import { commandPath, declaredOptions, recordedPath, usedOptions } from './tree.js';
import { commandTree } from './command-tree.js';
import { addTelemetryCommand } from './telemetry-command.js';

const TELEMETRY = TELEMETRY_COMMAND;
/** What yargs' own parse and validation failures are recorded as: yargs throws `YError` for them. */
const YARGS_ERROR = { constructor: { name: 'YError' } };

/** yargs' `$0` when the tool named itself (`.scriptName('acme')`), not the script path yargs derives. */
function scriptName(y: YargsLike): string | undefined {
  const name = y.$0;
  return name != null && !/[\\/]|\.[cm]?[jt]s$/.test(name) ? name : undefined;
}

/**
 * Records one span per run of a yargs program. Call it after the commands are defined and
 * before `parse()`. Chains with the program's own middleware, `fail` handlers and output; never throws.
 */
export function instrument(program: YargsProgram, options: InstrumentOptions = {}): Run {
  const y = program as unknown as YargsLike;
  let run: AdapterRun = noopRun();
  try {
    void emitTreeIfAsked(options.env ?? process.env, () => commandTree(program));
    const telemetry = adapterTelemetry(options, { name: scriptName(y) });
    const telemetryCommand = options.telemetryCommand !== false && !y.getInternalMethods().getCommandInstance().getCommands().includes(TELEMETRY);
    if (telemetryCommand) addTelemetryCommand(y, telemetry, () => run.cancel());
    run = startRun(telemetry);
    if (run.recording) attach(y, run, telemetryCommand);
  } catch {
    // Telemetry never breaks the tool: whatever was not set up records nothing.
  }
  return run;
}

function attach(y: YargsLike, run: AdapterRun, telemetryCommand: boolean): void {
  const internals = y.getInternalMethods();
  let captured = false;
  // Reads the command and options once, at the first of: middleware (innermost command first),
  // a failure (parse or validation error) or help output.
  const capture = (argv: ArgvLike | undefined): void => {
    if (captured) return;
    captured = true;
    safely(() => {
      const path = commandPath(y);
      if (path[0] === TELEMETRY && telemetryCommand) return run.cancel();
      const names = declaredOptions(y);
      run.declare({ commands: { [path.join(' ')]: names } });
      if (argv == null) return;
      run.setCommand(recordedPath(y, argv));
      run.setOptions(usedOptions(y, argv, names));
    });
  };
  const parsedArgv = (): ArgvLike | undefined => (y.parsed !== false ? y.parsed.argv : undefined);
  y.middleware((argv) => { capture(argv); }, true);
  const usage = internals.getUsageInstance();
  const fail = usage.fail;
  usage.fail = function (this: unknown, ...args: Parameters<typeof fail>) {
    safely(() => {
      capture(parsedArgv());
      run.recordError(args[1] ?? YARGS_ERROR);
    });
    return fail.apply(this, args);
  };
  const showHelp = y.showHelp;
  y.showHelp = function (this: unknown, ...args: unknown[]) {
    capture(parsedArgv());
    return showHelp.apply(this, args);
  };
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // Never into the host.
  }
}
