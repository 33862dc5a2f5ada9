// SPDX-License-Identifier: Apache-2.0
import { adapterTelemetry, emitTreeIfAsked, noopRun, startRun, TELEMETRY_COMMAND, UNKNOWN_COMMAND, type AdapterRun, type Run } from '@clitel/core';
import type { ArgsDef, CommandDef } from 'citty';
import type { InstrumentOptions } from './types.js';
import type { CommandDefLike, ContextLike, Hook } from './internal-types.js';
import { resolve, walk } from './tree.js';
import { commandTree } from './command-tree.js';
import { telemetryCommand } from './telemetry-command.js';

/** What citty's own failures before a command's setup (unknown command, bad arguments) are recorded as. */
const CITTY_ERROR = { constructor: { name: 'CLIError' } };

/**
 * Records one span per run of a citty program. Call it with the main command before `runMain()`.
 * Wraps `setup`, `run` and `cleanup` of the commands that run, calling the originals; never throws.
 */
export function instrument<T extends ArgsDef>(main: CommandDef<T>, options: InstrumentOptions = {}): Run {
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
    const { rawArgs, ...adapterOptions } = options;
    const subs = root.subCommands;
    const hasSubs = subs != null && (typeof subs !== 'object' || 'then' in subs || Object.keys(subs).length > 0);
    // A command without subcommands gets no `telemetry` command, so its notice names none.
    const adds = hasSubs && options.telemetryCommand !== false;
    const telemetry = adapterTelemetry({ ...adapterOptions, telemetryCommand: adds }, { name: meta?.name, version: meta?.version });
    run = startRun(telemetry);
    const own = adds ? telemetryCommand(telemetry, () => run.cancel()) : undefined;
    const subCommands = async () => {
      const all = await resolve(subs);
      return own == null || Object.hasOwn(all ?? {}, TELEMETRY_COMMAND) ? all : { ...all, telemetry: own };
    };
    const ready = run.recording ? attach(root, run, rawArgs ?? process.argv.slice(2), subCommands, own) : undefined;
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
