// SPDX-License-Identifier: Apache-2.0
// The start-up path: answer "off" from env and the two choice files alone, and load the runtime
// (dist/runtime.cjs) only otherwise; the runtime settles the rest. Every entry point returns a no-op on failure.
// Adapters inline this module into their own bundle; it holds no state (gate/load-runtime.ts loads
// the runtime once per process).
import type {
  TelemetryAction, TelemetryCommandIo, TelemetryCommandOptions, TelemetryCommandResult, TelemetryOptions, UsageOptions, UsagePoint,
} from '../shared/types.js';
import { defaultWriteErr } from '../shared/output.js';
import { NOOP_RUN, NOOP_USAGE, type AdapterRun, type UsageHandle } from '../shared/noop.js';
import { announceModuleLoad } from '../shared/module-registry.js';
import { earlyConsent } from './early-consent.js';
import { loadRuntime } from './load-runtime.js';

/**
 * Starts recording this process's run. Call once, at start-up. When env or a choice file turns
 * telemetry off, nothing more is loaded or written and a no-op handle is returned; otherwise the
 * runtime decides in full. Never throws.
 */
export function startRun(options: TelemetryOptions): AdapterRun {
  try {
    const early = earlyConsent(options);
    if (early == null) return NOOP_RUN;
    const runtime = loadRuntime(early.stateDir);
    return runtime.module.startRunNow(options, runtime);
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
    const early = earlyConsent(options);
    if (early == null) return NOOP_USAGE;
    const runtime = loadRuntime(early.stateDir);
    return runtime.module.startUsageNow(options, collect, runtime);
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
