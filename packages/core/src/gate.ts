// SPDX-License-Identifier: Apache-2.0
// The start-up path: decide consent with nothing but env and two small files, and load the
// runtime (dist/runtime.cjs) only when telemetry is on. Every entry point returns a no-op on failure.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { TelemetryAction, TelemetryCommandResult, TelemetryOptions } from './types.js';
import type { UsageOptions, UsagePoint } from './usage.js';
import type { TelemetryCommandOptions } from './telemetry-command.js';
import { prepare, turnedOff, type Prepared } from './prepare.js';
import { NOOP_RUN, NOOP_USAGE, type AdapterRun, type UsageHandle } from './noop.js';
import { announceModuleLoad } from './module-registry.js';

type Runtime = typeof import('./runtime.js');

let runtime: Runtime | undefined;
function loadRuntime(): Runtime {
  runtime ??= createRequire(import.meta.url)('./runtime.cjs') as Runtime;
  return runtime;
}

function prepareHere(options: TelemetryOptions): Prepared {
  return { ...prepare(options), distDir: fileURLToPath(new URL('.', import.meta.url)) };
}

/**
 * Starts recording this process's run. Call once, at start-up. Consent is decided here; when
 * telemetry is off nothing more is loaded or written and a no-op handle is returned. Never throws.
 */
export function startRun(options: TelemetryOptions): AdapterRun {
  try {
    const p = prepareHere(options);
    if (!p.status.enabled) {
      turnedOff(p);
      return NOOP_RUN;
    }
    return loadRuntime().startAdmittedRun(p, options);
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
    const p = prepareHere(options);
    if (!p.status.enabled) {
      turnedOff(p);
      return NOOP_USAGE;
    }
    return loadRuntime().startAdmittedUsage(p, options, collect);
  } catch {
    return NOOP_USAGE;
  }
}

/** Runs one action of the `telemetry` subcommand. Never throws; returns lines for stdout. */
export function runTelemetryCommand(action: TelemetryAction, options: TelemetryOptions, command: TelemetryCommandOptions = {}): TelemetryCommandResult {
  try {
    return loadRuntime().runTelemetryCommandNow(action, options, command);
  } catch {
    return { lines: [`clitel: could not ${action} telemetry (the clitel runtime is missing); nothing was changed`], exitCode: 1 };
  }
}
