// SPDX-License-Identifier: Apache-2.0
import { adapterTelemetry, emitTreeIfAsked, noopRun, startRun, TELEMETRY_COMMAND, type AdapterRun, type Run, type TelemetryOptions } from '@clitel/core';
import type { Command } from 'commander';
import type { InstrumentOptions } from './types.js';
import type { CommandLike } from './internal-types.js';
import { commandPath, declaredCommands, hasUnknownCommand, usedOptions } from './tree.js';
import { commandTree } from './command-tree.js';
import { addTelemetryCommand } from './telemetry-command.js';

/**
 * Records one span per run of a commander program. Call it after the commands are defined and
 * before `parse()`. Chains with the program's own hooks and output; never throws.
 */
export function instrument(program: Command, options: InstrumentOptions = {}): Run {
  const cmd = program as unknown as CommandLike;
  let run: AdapterRun | undefined;
  try {
    void emitTreeIfAsked(options.env ?? process.env, () => commandTree(program));
    const telemetry: TelemetryOptions = adapterTelemetry(options, { name: cmd.name(), version: cmd.version() });
    const taken = cmd.commands.some((c) => c.name() === TELEMETRY_COMMAND);
    if (options.telemetryCommand !== false && !taken) addTelemetryCommand(cmd, () => telemetry, () => run?.cancel());
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
  // Each command reports its own parse errors: an operand naming none of its subcommands is unknown.
  const recordParseError = (command: CommandLike): void => {
    run.recordError({ constructor: { name: 'CommanderError' } });
    if (hasUnknownCommand(command)) run.setCommand(['_unknown']);
  };
  forEachCommand(program, (command) => {
    const previous = command.configureOutput().outputError;
    command.configureOutput({
      outputError: (str, write) => {
        recordParseError(command);
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
