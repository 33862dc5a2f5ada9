// SPDX-License-Identifier: Apache-2.0
// The "off" cases a run can answer before loading the runtime: the opt-out variables and the two
// choice files, read with consent's own rule (shared/consent.ts). Reading the rest of the
// configuration (every OTEL_* variable, CI detection, the schema) costs more to compile than
// loading the runtime through its code cache, so the runtime does that, and decides again in full.
import { homedir } from 'node:os';
import type { TelemetryOptions } from '../shared/types.js';
import { isDebugEnabled, optOutVarOf, readDirs, readOptOuts, resolveEnv } from '../shared/env.js';
import { consentMode } from '../shared/consent.js';
import { decideWithChoices } from '../shared/choices.js';
import { forgetState, isOptOut } from '../shared/forget.js';
import { resolvePaths } from '../shared/paths.js';

/**
 * Undefined when env or a choice file turns telemetry off (the tool's state deleted when that is
 * an opt-out, as the runtime would); else the tool's state directory, for the runtime's code
 * cache. Debug mode always goes on to the runtime, which explains its decision.
 */
export function earlyConsent(options: TelemetryOptions): { stateDir: string } | undefined {
  const env = resolveEnv(options);
  const paths = resolvePaths(readDirs(env), options.toolName, options.homeDir ?? homedir(), process.platform);
  if (isDebugEnabled(env)) return { stateDir: paths.stateDir };
  const optOutVar = optOutVarOf(options);
  const status = decideWithChoices({
    env: readOptOuts(env, optOutVar),
    optOutVar,
    mode: consentMode(options),
    toolConfigFile: paths.toolConfigFile,
    machineConfigFile: paths.machineConfigFile,
  });
  if (status.enabled) return { stateDir: paths.stateDir };
  if (isOptOut(status)) forgetState(paths.stateDir);
  return undefined;
}
