// SPDX-License-Identifier: Apache-2.0
// The start-up path: decide consent with nothing but env and two small files, and load the
// runtime (dist/runtime.cjs) only when telemetry is on. Every entry point returns a no-op on failure.
// Adapters inline this module into their own bundle; it holds no state (gate/load-runtime.ts loads
// the runtime once per process).
import { homedir } from 'node:os';
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
import { loadRuntime, loadRuntimeFor } from './load-runtime.js';

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
    const { module, prepared } = loadRuntimeFor(p);
    return module.startAdmittedRun(prepared, options);
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
    const { module, prepared } = loadRuntimeFor(p);
    return module.startAdmittedUsage(prepared, options, collect);
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
