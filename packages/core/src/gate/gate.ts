// SPDX-License-Identifier: Apache-2.0
// The start-up path: decide consent with nothing but env and two small files, and load the
// runtime (dist/runtime.cjs) only when telemetry is on. Every entry point returns a no-op on failure.
// Adapters inline this module into their own bundle; it holds no state but the loaded runtime.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  TelemetryAction, TelemetryCommandIo, TelemetryCommandOptions, TelemetryCommandResult, TelemetryOptions, UsageOptions, UsagePoint,
} from '../shared/types.js';
import { prepare } from '../shared/prepare.js';
import { forgetState, turnedOff } from '../shared/forget.js';
import { defaultWriteErr } from '../shared/output.js';
import { isDebugEnabled, readDirs, readOptOuts, resolveEnv, toolOptOutVar } from '../shared/env.js';
import { envOptOut } from '../shared/consent.js';
import { resolvePaths } from '../shared/paths.js';
import { NOOP_RUN, NOOP_USAGE, type AdapterRun, type UsageHandle } from '../shared/noop.js';
import { announceModuleLoad } from '../shared/module-registry.js';
// Types only: erased from the bundle, so the gate still loads the runtime only after consent.
import type * as RuntimeModule from '../runtime.js';

type Runtime = typeof RuntimeModule;

/**
 * The runtime is found through the package name, not a relative path: adapters bundle this gate
 * into their own single file (one module to load instead of two), and still use core's runtime.
 */
const RUNTIME = '@clitel/core/runtime';

/**
 * Where Node's resolution would find core's runtime from this file, tried directly first (the
 * general resolver costs about 2 ms on its first use): this file itself in core's dist, an adapter
 * with its own nested copy of core, an adapter beside core in the same `@clitel` scope (npm, pnpm,
 * workspaces). Anything else goes through `require.resolve`.
 */
function runtimeFile(): string {
  for (const guess of ['./runtime.cjs', '../node_modules/@clitel/core/dist/runtime.cjs', '../../core/dist/runtime.cjs']) {
    const file = fileURLToPath(new URL(guess, import.meta.url));
    if (existsSync(file)) return file;
  }
  return createRequire(import.meta.url).resolve(RUNTIME);
}

let runtime: { module: Runtime; distDir: string } | undefined;
function loadRuntime(): { module: Runtime; distDir: string } {
  if (runtime == null) {
    const file = runtimeFile();
    runtime = { module: createRequire(import.meta.url)(file) as Runtime, distDir: dirname(file) };
  }
  return runtime;
}

/**
 * The common "off" case answered from the opt-out variables alone, before anything else is
 * settled: the tool's state is deleted (an opt-out) and true is returned. Debug mode takes the
 * full path, which explains its decision.
 */
function optedOutByEnv(options: TelemetryOptions): boolean {
  const env = resolveEnv(options);
  if (isDebugEnabled(env)) return false;
  if (envOptOut(readOptOuts(env, options.optOutEnvVar ?? toolOptOutVar(options.toolName)), '') == null) return false;
  forgetState(resolvePaths(readDirs(env), options.toolName, options.homeDir ?? homedir(), process.platform).stateDir);
  return true;
}

/**
 * Starts recording this process's run. Call once, at start-up. Consent is decided here; when
 * telemetry is off nothing more is loaded or written and a no-op handle is returned. Never throws.
 */
export function startRun(options: TelemetryOptions): AdapterRun {
  try {
    if (optedOutByEnv(options)) return NOOP_RUN;
    const p = prepare(options);
    if (!p.status.enabled) {
      turnedOff(p);
      if (p.config.env.doctorReport != null) loadRuntime().module.writeDoctorReport(p);
      return NOOP_RUN;
    }
    return loadRuntime().module.startAdmittedRun({ ...p, distDir: loadRuntime().distDir }, options);
  } catch {
    return NOOP_RUN;
  }
}

/**
 * Starts counting a module's usage for this process. `collect` is called once at exit and returns
 * the totals. Consent: every global opt-out plus `<MODULE>_TELEMETRY_OPTOUT`. Never throws.
 */
export function startUsage(options: UsageOptions, collect: () => readonly UsagePoint[]): UsageHandle {
  try {
    announceModuleLoad(options.toolName, options.toolVersion);
    if (optedOutByEnv(options)) return NOOP_USAGE;
    const p = prepare(options);
    if (!p.status.enabled) {
      turnedOff(p);
      return NOOP_USAGE;
    }
    return loadRuntime().module.startAdmittedUsage({ ...p, distDir: loadRuntime().distDir }, options, collect);
  } catch {
    return NOOP_USAGE;
  }
}

/** Runs one action of the `telemetry` subcommand. Never throws; returns lines for stdout. */
export function runTelemetryCommand(action: TelemetryAction, options: TelemetryOptions, command: TelemetryCommandOptions = {}): TelemetryCommandResult {
  try {
    return loadRuntime().module.runTelemetryCommandNow(action, options, command);
  } catch {
    return { lines: [`clitel: could not ${action} telemetry (the clitel runtime is missing); nothing was changed`], exitCode: 1 };
  }
}

function defaultWriteOut(text: string): void {
  try {
    process.stdout.write(text);
  } catch {
    // stdout closed: nothing to do
  }
}

/**
 * Runs `<tool> telemetry <args>`, where `args` are the words after `telemetry`, exactly as the
 * user typed them: the usage, one-line errors (exit code 2) and each action's output, the same on
 * every framework. Sets `process.exitCode` when the command fails, as the tool's own command
 * would, and returns the exit code. Never throws.
 */
export function runTelemetryCli(args: readonly string[], options: TelemetryOptions, io: Partial<TelemetryCommandIo> = {}): number {
  const out: TelemetryCommandIo = { writeOut: io.writeOut ?? defaultWriteOut, writeErr: io.writeErr ?? options.writeErr ?? defaultWriteErr };
  let code: number;
  try {
    code = loadRuntime().module.runTelemetryCliNow(args, options, out);
  } catch {
    out.writeErr('clitel: could not run the telemetry command (the clitel runtime is missing); nothing was changed\n');
    code = 1;
  }
  if (code !== 0) process.exitCode = code;
  return code;
}
