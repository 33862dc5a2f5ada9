// SPDX-License-Identifier: Apache-2.0
import { emitTreeIfAsked, noopRun, runTelemetryCommand, startRun, type AdapterRun, type Run, type TelemetryAction, type TelemetryOptions } from '@clitel/core';
import type { InstrumentOptions, YargsProgram } from './types.js';
import type { ArgvLike, YargsLike } from './internal-types.js';
import { commandPath, declaredOptions, recordedPath, usedOptions } from './tree.js';
import { commandTree } from './command-tree.js';

const TELEMETRY = 'telemetry';
const ACTIONS: readonly TelemetryAction[] = ['status', 'enable', 'disable', 'reset'];
/** What yargs' own parse and validation failures are recorded as: yargs throws `YError` for them. */
const YARGS_ERROR = { constructor: { name: 'YError' } };

/**
 * Records one span per run of a yargs program. Call it after the commands are defined and
 * before `parse()`. Chains with the program's own middleware, `fail` handlers and output; never throws.
 */
export function instrument(program: YargsProgram, options: InstrumentOptions = {}): Run {
  const y = program as unknown as YargsLike;
  let run: AdapterRun = noopRun();
  try {
    emitTreeIfAsked(options.env ?? process.env, () => commandTree(program));
    const telemetry: TelemetryOptions = {
      ...options,
      toolName: options.toolName ?? options.schema?.tool ?? y.$0 ?? '',
      env: options.env ?? process.env,
      entryPath: options.entryPath ?? process.argv[1],
    };
    const telemetryCommand = options.telemetryCommand !== false && !y.getInternalMethods().getCommandInstance().getCommands().includes(TELEMETRY);
    if (telemetryCommand) addTelemetryCommand(y, telemetry, () => run);
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

function addTelemetryCommand(y: YargsLike, telemetry: TelemetryOptions, getRun: () => AdapterRun): void {
  y.command(
    `${TELEMETRY} <action>`,
    'show or change usage telemetry',
    (b) => b
      .positional('action', { type: 'string', choices: ACTIONS })
      .option('all', { type: 'boolean', describe: 'with enable/disable: apply to every clitel tool on this machine' }),
    (argv) => {
      getRun().cancel();
      const result = runTelemetryCommand(argv.action as TelemetryAction, telemetry, { all: argv.all === true });
      const internals = y.getInternalMethods();
      if (result.exitCode === 0) internals.getLoggerInstance().log(result.lines.join('\n'));
      else internals.getUsageInstance().fail(result.lines.join('\n'));
    },
  );
}
