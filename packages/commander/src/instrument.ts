// SPDX-License-Identifier: Apache-2.0
import { emitTreeIfAsked, noopRun, runTelemetryCommand, startRun, type AdapterRun, type Run, type TelemetryAction, type TelemetryOptions } from '@clitel/core';
import type { Command } from 'commander';
import type { InstrumentOptions } from './types.js';
import type { CommandLike } from './internal-types.js';
import { commandPath, declaredCommands, hasUnknownCommand, usedOptions } from './tree.js';
import { commandTree } from './command-tree.js';

const ACTIONS: readonly TelemetryAction[] = ['status', 'enable', 'disable', 'reset', 'show'];

/**
 * Records one span per run of a commander program. Call it after the commands are defined and
 * before `parse()`. Chains with the program's own hooks and output; never throws.
 */
export function instrument(program: Command, options: InstrumentOptions = {}): Run {
  const cmd = program as unknown as CommandLike;
  let telemetry: TelemetryOptions;
  let run: AdapterRun;
  try {
    emitTreeIfAsked(options.env ?? process.env, () => commandTree(program));
    telemetry = {
      ...options,
      toolName: options.toolName ?? cmd.name(),
      toolVersion: options.toolVersion ?? cmd.version(),
      env: options.env ?? process.env,
      entryPath: options.entryPath ?? process.argv[1],
    };
    if (options.telemetryCommand !== false) addTelemetryCommand(cmd, telemetry, () => run);
    run = startRun(telemetry);
    if (run.recording) attach(cmd, run);
    return run;
  } catch {
    return noopRun();
  }
}

function attach(program: CommandLike, run: AdapterRun): void {
  run.declare(declaredCommands(program));
  const onSubcommand = (_parent: CommandLike, sub: CommandLike): void => run.setCommand(commandPath(sub));
  forEachCommand(program, (command) => {
    if (command.commands.length > 0) command.hook('preSubcommand', onSubcommand);
  });
  program.hook('preAction', (_root, action) => {
    run.setCommand(commandPath(action));
    run.setOptions(usedOptions(action));
  });
  const recordParseError = (): void => {
    run.recordError({ constructor: { name: 'CommanderError' } });
    if (hasUnknownCommand(program)) run.setCommand(['_unknown']);
  };
  forEachCommand(program, (command) => {
    const previous = command.configureOutput().outputError;
    command.configureOutput({
      outputError: (str, write) => {
        recordParseError();
        if (previous != null) previous(str, write);
        else write(str);
      },
    });
  });
}

function forEachCommand(command: CommandLike, fn: (command: CommandLike) => void): void {
  fn(command);
  for (const sub of command.commands) forEachCommand(sub, fn);
}

function addTelemetryCommand(program: CommandLike, telemetry: TelemetryOptions, getRun: () => AdapterRun | undefined): void {
  program
    .command('telemetry <action>')
    .description('usage telemetry: status, enable, disable, reset, or show what was sent')
    .option('--all', 'with enable/disable: apply to every clitel tool on this machine')
    .option('--json', 'with show: print the OTLP/JSON that was sent')
    .action((...args: unknown[]) => {
      getRun()?.cancel();
      const action = args[0] as TelemetryAction;
      const sub = args[args.length - 1] as CommandLike;
      const flags = (args[1] ?? {}) as { all?: boolean; json?: boolean };
      if (!ACTIONS.includes(action)) sub.error(`unknown telemetry action '${String(action)}' (expected status, enable, disable, reset or show)`, { code: 'clitel.telemetry.unknownAction' });
      const result = runTelemetryCommand(action, telemetry, { all: flags.all === true, json: flags.json === true });
      const writeOut = program.configureOutput().writeOut ?? ((s: string) => process.stdout.write(s));
      writeOut(`${result.lines.join('\n')}\n`);
      if (result.exitCode !== 0) sub.error('telemetry command failed', { exitCode: result.exitCode, code: 'clitel.telemetry.failed' });
    });
}
