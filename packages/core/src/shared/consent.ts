// SPDX-License-Identifier: Apache-2.0
import type { ConsentStatus, Schema, TelemetryMode } from './types.js';
import type { EnvOptOuts } from './env.js';
import type { Choice } from './choices.js';

/** Inputs of the consent decision, all already read. */
export interface ConsentInputs {
  /** Only the opt-out variables are read. */
  env: EnvOptOuts;
  optOutVar: string;
  mode: TelemetryMode;
  toolChoice: Choice;
  machineChoice: Choice;
  toolConfigFile: string;
  machineConfigFile: string;
}

const off = (source: ConsentStatus['source'], reason: string): ConsentStatus => ({ enabled: false, source, reason });

/** The decision when an opt-out variable is set, else undefined. */
function envOptOut(env: EnvOptOuts, optOutVar: string): ConsentStatus | undefined {
  if (env.sdkDisabled) return off('OTEL_SDK_DISABLED', 'OTEL_SDK_DISABLED=true is set');
  if (env.toolOptOut) return off('tool-env', `${optOutVar} is set`);
  if (env.doNotTrack) return off('DO_NOT_TRACK', 'DO_NOT_TRACK is set');
  if (env.machineOptOut) return off('CLITEL_TELEMETRY_OPTOUT', 'CLITEL_TELEMETRY_OPTOUT is set (every clitel tool)');
  return undefined;
}

/** The consent mode a tool asks for: its option, else its schema's, else opt-out. */
export function consentMode(options: { mode?: TelemetryMode | undefined; schema?: Pick<Schema, 'mode'> | undefined }): TelemetryMode {
  return options.mode ?? options.schema?.mode ?? 'opt-out';
}

/** Decides whether telemetry is on. Any opt-out wins; then the tool's choice; then the mode. */
export function decideConsent(i: ConsentInputs): ConsentStatus {
  const byEnv = envOptOut(i.env, i.optOutVar);
  if (byEnv != null) return byEnv;
  if (i.machineChoice === 'disabled') return off('machine-config', `disabled for every clitel tool in ${i.machineConfigFile}`);
  if (i.toolChoice === 'disabled') return off('tool-config', `disabled in ${i.toolConfigFile}`);
  if (i.toolChoice === 'enabled') return { enabled: true, source: 'tool-config', reason: `enabled in ${i.toolConfigFile}` };
  return i.mode === 'opt-in'
    ? off('default', 'off by default until you enable it (opt-in)')
    : { enabled: true, source: 'default', reason: 'on by default (opt-out)' };
}
