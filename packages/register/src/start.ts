// SPDX-License-Identifier: Apache-2.0
// Zero-code set-up: one run-only span from the start, replaced by a framework adapter's span
// when a commander (or yargs) program is parsed.
import { emitTreeIfAsked, isTreeMode, noopRun, runTelemetryCli, startRun, TELEMETRY_COMMAND, type AdapterRun, type Env, type TelemetryOptions } from '@clitel/core';
import { isDebugEnabled, resolveToolIdentity } from '@clitel/core/internal';
import { instrument as instrumentCommander } from '@clitel/commander';
import { instrument as instrumentYargs } from '@clitel/yargs';
import { findTool, dependsOn, usesClitel, type ToolInfo } from './tool.js';
import { readRegisterConfig } from './config.js';
import { recordActionlessOptions, watchCommander, type CommanderHooks } from './commander.js';
import { watchYargs } from './yargs.js';
import { watchOclif } from './oclif.js';
import { withoutRegister } from './env.js';

export interface StartOptions {
  /** The process environment. */
  env: Env;
  /** The entry script (`process.argv[1]`). */
  entryPath: string | undefined;
  /** The tool's arguments (`process.argv.slice(2)`); read only for the `telemetry` command. */
  args: readonly string[];
  /** Ends the process before the tool runs (after `<tool> telemetry …`). */
  exit: (code: number) => void;
  /** Where debug lines go. */
  writeErr: (text: string) => void;
  /** Runs `fn` when the process exits, before the run is recorded. */
  onExit: (fn: () => void) => void;
}

/** Instruments the tool that is starting. Never throws; says why not in debug mode. */
export async function startRegister(options: StartOptions): Promise<void> {
  const verbose = isDebugEnabled(options.env);
  const debug = (message: string): void => {
    if (verbose) options.writeErr(`clitel: ${message}\n`);
  };
  try {
    const tool = findTool(options.entryPath);
    if (tool == null) return debug('not instrumented (no entry script)');
    if (typeof tool.pkg.name === 'string' && tool.pkg.name.startsWith('@clitel/')) return undefined;
    if (usesClitel(tool)) return debug('not instrumented (the tool records its own runs with clitel)');
    await instrumentTool(tool, options, debug);
  } catch (e) {
    debug(`not instrumented (${(e as { code?: unknown }).code ?? (e as Error).constructor?.name ?? 'error'})`);
  }
  return undefined;
}

/** The name a commander program gives itself (`.name('x')` before parse), if any. */
function frameworkName(program: { name?: () => unknown }): string | undefined {
  const name = typeof program.name === 'function' ? program.name() : undefined;
  return typeof name === 'string' ? name : undefined;
}

async function instrumentTool(tool: ToolInfo, options: StartOptions, debug: (message: string) => void): Promise<void> {
  const config = readRegisterConfig(tool.root, tool.pkg);
  // Identity (core's rule): explicit config, then the framework's own name (when a program is
  // found), then schema.tool, then the package that owns the bin, else the script's name.
  const identify = (framework?: string): string => resolveToolIdentity({
    explicit: { name: config.toolName, version: config.toolVersion },
    framework: { name: framework },
    schemaTool: config.schema?.tool,
    entryPath: tool.entry,
  }).name ?? tool.name;
  const telemetry: TelemetryOptions = {
    ...config,
    toolName: identify(),
    toolVersion: config.toolVersion ?? tool.version,
    env: withoutRegister(options.env),
    entryPath: tool.entry,
    telemetryCommand: config.telemetryCommand === true,
  };
  // Tree mode (clitel schema): no run; the adapter given the program writes its tree and exits.
  const treeMode = isTreeMode(options.env);
  if (telemetry.telemetryCommand === true && !treeMode && options.args[0] === TELEMETRY_COMMAND) {
    return options.exit(runTelemetryCli(options.args.slice(1), telemetry));
  }
  if (telemetry.telemetryCommand !== true && (config.mode ?? config.schema?.mode) === 'opt-in') {
    debug(`opt-in mode, but users cannot enable it: set "telemetryCommand": true so that ${telemetry.toolName} telemetry enable works`);
  }
  const runOnly = treeMode ? noopRun() : startRun(telemetry);
  if (!treeMode && !runOnly.recording) return;
  let adopted = false;
  const adopt = (framework: string): boolean => {
    if (adopted) return false;
    adopted = true;
    runOnly.cancel();
    debug(`instrumented the ${framework} program`);
    return true;
  };
  const reasons: string[] = [];
  if (dependsOn(tool.pkg, 'commander')) {
    const why = watchCommander(tool.root, {
      onProgram: (program) => {
        if (!adopt('commander')) return;
        const named = { ...telemetry, toolName: identify(frameworkName(program as { name?: () => unknown })) };
        const run = instrumentCommander(program as unknown as Parameters<typeof instrumentCommander>[0], { ...named, telemetryCommand: false });
        if (run.recording) recordActionlessOptions(program, (used) => run.setOptions(used), options.onExit);
      },
      // an older commander has no tree to write: tree mode reports it as unreadable
      legacy: treeMode ? undefined : legacyCommanderHooks(runOnly, options.onExit, debug),
    });
    if (why != null) reasons.push(why);
  }
  if (dependsOn(tool.pkg, 'yargs')) {
    const why = await watchYargs(tool.root, tool.entry, tool.pkg.type, (program) => {
      if (adopt('yargs')) instrumentYargs(program as Parameters<typeof instrumentYargs>[0], { ...telemetry, telemetryCommand: false });
    });
    if (why != null) reasons.push(why);
  }
  if (!treeMode && dependsOn(tool.pkg, '@oclif/core')) {
    // oclif: the run-only run gets the declared command that runs (no options, never a value)
    const why = watchOclif(tool.root, (path) => {
      runOnly.declare({ commands: { [path.join(' ')]: [] } });
      runOnly.setCommand(path);
    });
    debug(why ?? 'recording the command of an oclif CLI');
  }
  if (treeMode && reasons.length === Number(dependsOn(tool.pkg, 'commander')) + Number(dependsOn(tool.pkg, 'yargs'))) {
    void emitTreeIfAsked(options.env, () => { throw new Error(`no commander or yargs program to read${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}`); });
  }
  if (dependsOn(tool.pkg, 'commander') || dependsOn(tool.pkg, 'yargs')) debug(`recording the run only until a commander or yargs program is parsed${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}`);
}

/** Commander 2 to 11: the run-only run gets the command of the action that ran (or the root of a program without subcommands). */
function legacyCommanderHooks(run: AdapterRun, onExit: StartOptions['onExit'], debug: (message: string) => void): NonNullable<CommanderHooks['legacy']> {
  let acted = false;
  const record = (path: string[]): void => {
    run.declare({ commands: { [path.join(' ')]: [] } });
    run.setCommand(path);
  };
  return {
    onCommand: (path) => {
      acted = true;
      record(path);
    },
    onParse: (program) => {
      debug('recording the command of an older commander program');
      onExit(() => {
        if (!acted && (program.commands?.length ?? 0) === 0) record([]);
      });
    },
  };
}
