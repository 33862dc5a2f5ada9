// SPDX-License-Identifier: Apache-2.0
// Whether a service sends heartbeats. The same rules as every clitel tool: any opt-out wins, then
// the persisted choices, then the host's `enabled` option, then the mode (opt-in by default).
import { readFileSync } from 'node:fs';
import type { ResolvedServiceConfig } from './config.js';

/** A persisted choice, or undefined when there is none. */
export type Choice = 'enabled' | 'disabled' | undefined;

/** The decision and what made it. */
export interface ServiceConsent {
  enabled: boolean;
  reason: string;
  /** True when nobody chose: the mode decided. */
  byDefault: boolean;
}

/** Reads `{"telemetry": "enabled" | "disabled"}`; a missing or corrupt file is no choice. */
export function readChoice(file: string): Choice {
  try {
    const value = (JSON.parse(readFileSync(file, 'utf8')) as { telemetry?: unknown } | null)?.telemetry;
    return value === 'enabled' || value === 'disabled' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function decideServiceConsent(config: ResolvedServiceConfig, read: (file: string) => Choice = readChoice): ServiceConsent {
  const off = (reason: string, byDefault = false): ServiceConsent => ({ enabled: false, reason, byDefault });
  const on = (reason: string, byDefault = false): ServiceConsent => ({ enabled: true, reason, byDefault });
  const { env } = config;
  if (env.sdkDisabled) return off('OTEL_SDK_DISABLED=true is set');
  if (env.serviceOptOut) return off(`${config.optOutVar} is set`);
  if (env.doNotTrack) return off('DO_NOT_TRACK is set');
  if (env.machineOptOut) return off('CLITEL_TELEMETRY_OPTOUT is set (every clitel tool)');
  if (read(config.choiceFiles.machine) === 'disabled') return off(`disabled for every clitel tool in ${config.choiceFiles.machine}`);
  const choice = read(config.choiceFiles.service);
  if (choice === 'disabled') return off(`disabled in ${config.choiceFiles.service}`);
  if (choice === 'enabled') return on(`enabled in ${config.choiceFiles.service}`);
  if (config.enabled === false) return off('disabled by the service configuration');
  if (config.enabled === true) return on('enabled by the service configuration');
  return config.mode === 'opt-in'
    ? off('off by default until the operator enables it (opt-in)', true)
    : on('on by default (opt-out)', true);
}
