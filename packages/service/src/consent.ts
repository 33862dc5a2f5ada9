// SPDX-License-Identifier: Apache-2.0
// How a service's own `enabled` setting meets core's consent rules. Core decides (any opt-out
// wins, then the persisted choices, then the mode); the setting acts as the mode, and the reason
// names it when it decided.
import type { ConsentStatus, TelemetryMode } from '@clitel/core';
import type { ServiceOptions } from './types.js';

/** A service is off until the operator enables it. */
const DEFAULT_SERVICE_MODE: TelemetryMode = 'opt-in';

/** The decision and what made it. */
export interface ServiceConsent {
  enabled: boolean;
  reason: string;
  /** True when nobody chose: the mode decided (an opt-out service then announces itself). */
  byDefault: boolean;
}

/** The operator's `enabled` setting, when it is a boolean. */
function setting(options: Pick<ServiceOptions, 'enabled'>): boolean | undefined {
  return options.enabled === true || options.enabled === false ? options.enabled : undefined;
}

/**
 * The mode core decides with: `enabled: true` is on unless someone opted out (`opt-out`),
 * `enabled: false` is off unless a choice file enables it (`opt-in`); otherwise `mode`.
 */
export function serviceMode(options: Pick<ServiceOptions, 'enabled' | 'mode'>): TelemetryMode {
  const enabled = setting(options);
  if (enabled != null) return enabled ? 'opt-out' : 'opt-in';
  return options.mode ?? DEFAULT_SERVICE_MODE;
}

/** Core's decision, with the service's setting named when it is what decided. */
export function serviceConsent(status: ConsentStatus, options: Pick<ServiceOptions, 'enabled'>): ServiceConsent {
  const enabled = setting(options);
  if (status.source !== 'default') return { enabled: status.enabled, reason: status.reason, byDefault: false };
  if (enabled != null) return { enabled: status.enabled, reason: `${enabled ? 'enabled' : 'disabled'} by the service configuration`, byDefault: false };
  return { enabled: status.enabled, reason: status.reason, byDefault: true };
}
