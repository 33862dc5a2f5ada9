// SPDX-License-Identifier: Apache-2.0
import { emitTreeIfAsked, noopRun, runTelemetryCommand, startRun, UNKNOWN_COMMAND, type AdapterRun, type Run, type TelemetryAction, type TelemetryOptions } from '@clitel/core';
import type { CommandDef } from 'citty';
import type { InstrumentOptions } from './types.js';
import type { CommandDefLike, ContextLike, Hook } from './internal-types.js';
import { resolve, walk } from './tree.js';
import { commandTree } from './command-tree.js';

const ACTIONS: readonly string[] = ['status', 'enable', 'disable', 'reset'];
/** What citty's own failures before a command's setup (unknown command, bad arguments) are recorded as. */
const CITTY_ERROR = { constructor: { name: 'CLIError' } };

/**
 * Records one span per run of a citty program. Call it with the main command before `runMain()`.
 * Wraps `setup`, `run` and `cleanup` of the commands that run, calling the originals; never throws.
 */
export function instrument(main: CommandDef<any>, options: InstrumentOptions = {}): Run {
  const root = main as unknown as CommandDefLike;
  let run: AdapterRun = noopRun();
  try {
    const tree = emitTreeIfAsked(options.env ?? process.env, () => commandTree(root));
    // citty resolves the main command's args first: it waits there until the tree is written and the process ends.
    if (tree != null) {
      root.args = () => tree;
      return run;
    }
    const meta = root.meta != null && typeof root.meta === 'object' && !('then' in root.meta) ? root.meta : undefined;
    const telemetry: TelemetryOptions = {
      ...options,
      toolName: options.toolName ?? meta?.name ?? options.schema?.tool ?? '',
      toolVersion: options.toolVersion ?? meta?.version,
      env: options.env ?? process.env,
      entryPath: options.entryPath ?? process.argv[1],
    };
    run = startRun(telemetry);
    const subs = root.subCommands;
    const hasSubs = subs != null && (typeof subs !== 'object' || 'then' in subs || Object.keys(subs).length > 0);
    const own = hasSubs && options.telemetryCommand !== false ? telemetryCommand(telemetry, () => run) : undefined;
    const subCommands = async () => {
      const all = await resolve(subs);
      return own == null || Object.hasOwn(all ?? {}, 'telemetry') ? all : { ...all, telemetry: own };
    };
    const ready = run.recording ? attach(root, run, options.rawArgs ?? process.argv.slice(2), subCommands, own) : undefined;
    // Every lookup of the main command's subcommands (run, --help) waits until the run is read.
    if (hasSubs) root.subCommands = async () => { await ready; return subCommands(); };
  } catch {
    // Telemetry never breaks the tool: whatever was not set up records nothing.
  }
  return run;
}

function attach(root: CommandDefLike, run: AdapterRun, rawArgs: readonly string[], subCommands: () => Promise<CommandDefLike['subCommands']>, own: CommandDefLike | undefined): Promise<void> {
  const reached = new Set<CommandDefLike>();
  let target: CommandDefLike | undefined;
  let failed = false;
  const fail = (e: unknown): never => {
    failed = true;
    run.recordError(e);
    throw e;
  };
  const ready = walk(root, rawArgs, subCommands as () => Promise<never>).then((w) => {
    if (own != null && w.chain[1] === own) return run.cancel();
    run.declare({ commands: w.declared });
    run.setCommand(w.unknown ? [UNKNOWN_COMMAND] : w.path);
    run.setOptions(w.used);
    target = w.unknown ? undefined : w.chain.at(-1);
    for (const cmd of w.chain.slice(1)) wrap(cmd, () => reached.add(cmd), fail);
  }).catch(() => undefined);
  wrap(root, async () => { await ready; reached.add(root); }, fail);
  const cleanup = root.cleanup;
  root.cleanup = async (context: ContextLike) => {
    // citty runs the main command's cleanup after any failure below it; a command on the path whose
    // setup never ran failed in citty's own parsing (unknown command, missing or invalid argument).
    if (!failed && (target == null || !reached.has(target))) run.recordError(CITTY_ERROR);
    try {
      return await cleanup?.call(root, context);
    } catch (e) {
      return fail(e);
    }
  };
  return ready;
}

function wrap(cmd: CommandDefLike, onSetup: () => unknown, fail: (e: unknown) => never): void {
  const { setup, run } = cmd;
  const chain = (hook: Hook | undefined) => async (context: ContextLike) => {
    try {
      return await hook?.call(cmd, context);
    } catch (e) {
      return fail(e);
    }
  };
  const original = chain(setup);
  cmd.setup = async (context) => { await onSetup(); return original(context); };
  if (run != null) cmd.run = chain(run);
}

function telemetryCommand(telemetry: TelemetryOptions, getRun: () => AdapterRun): CommandDefLike {
  return {
    meta: { name: 'telemetry', description: 'show or change usage telemetry: status, enable, disable, reset' },
    args: {
      action: { type: 'positional', description: 'status, enable, disable or reset' },
      all: { type: 'boolean', description: 'with enable/disable: apply to every clitel tool on this machine' },
    } as CommandDefLike['args'],
    run: ({ args }) => {
      getRun().cancel();
      const action = String(args.action);
      const result = ACTIONS.includes(action)
        ? runTelemetryCommand(action as TelemetryAction, telemetry, { all: args.all === true })
        : { lines: [`unknown telemetry action '${action}' (expected status, enable, disable or reset)`], exitCode: 1 };
      if (result.exitCode !== 0) throw Object.assign(new Error(result.lines.join('\n')), { code: 'clitel.telemetry.failed' });
      process.stdout.write(`${result.lines.join('\n')}\n`);
    },
  };
}
