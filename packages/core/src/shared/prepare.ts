// SPDX-License-Identifier: Apache-2.0
// Settling a run's configuration and consent, shared by runs and the `telemetry` subcommand.
import { homedir } from 'node:os';
import type { ConsentStatus, Env, TelemetryOptions } from './types.js';
import { resolveConfig, type ResolvedConfig } from './config.js';
import type { CodeCache } from './internal-types.js';
import { decideWithChoices } from './choices.js';
import { resolveEnv } from './env.js';
import { debugLine, defaultWriteErr } from './output.js';

/** A settled configuration and the consent decision for it. */
export interface Prepared {
  config: ResolvedConfig;
  status: ConsentStatus;
  env: Env;
  writeErr: (text: string) => void;
  /** Directory of the built package (where sender.js lives); set by the gate. */
  distDir?: string;
  /** The runtime's code cache, to write after this run's spool write when it was compiled afresh; set by the gate. */
  codeCache?: CodeCache | undefined;
}

/** A tool's settled configuration and consent decision, without side effects. */
export interface ResolvedTelemetry {
  /** Every setting, settled (paths, export target, env as parsed). */
  config: ResolvedConfig;
  /** Whether telemetry is on, and what decided it. */
  status: ConsentStatus;
}

/**
 * Settles options, env and persisted choices, and decides consent: what every clitel package
 * (runs, usage counters, services) agrees on. Reads two small files; writes nothing.
 */
export function resolveTelemetry(options: TelemetryOptions): ResolvedTelemetry {
  const { config, status } = prepare(options);
  return { config, status };
}

/** Resolves everything for a tool. Throws only on a programming error (callers catch). */
export function prepare(options: TelemetryOptions): Prepared {
  const env = resolveEnv(options);
  const config = resolveConfig({ options, env, homeDir: options.homeDir ?? homedir(), platform: process.platform });
  const status = config.schemaProblems.length > 0
    ? { enabled: false, source: 'error' as const, reason: `the tool's telemetry schema is invalid: ${config.schemaProblems.join('; ')}` }
    : decideWithChoices({
        env: config.env,
        optOutVar: config.optOutVar,
        mode: config.mode,
        toolConfigFile: config.paths.toolConfigFile,
        machineConfigFile: config.paths.machineConfigFile,
      });
  const prepared = { config, status, env, writeErr: options.writeErr ?? defaultWriteErr };
  if (config.toolMismatch != null) debugLine(prepared, config.toolMismatch);
  return prepared;
}
