// SPDX-License-Identifier: Apache-2.0
// The entry point for long-running services: consent once, then heartbeats at start and on an
// interval. When telemetry is off nothing more is loaded, no timer starts and nothing is written.
import { homedir } from 'node:os';
import type { ServiceOptions, ServiceTelemetry } from './types.js';
import { resolveServiceConfig } from './config.js';
import { createSession } from './session.js';

function off(reason: string): ServiceTelemetry {
  return Object.freeze({ recording: false, reason, recordError: () => undefined, shutdown: () => Promise.resolve() });
}

function defaultWriteErr(text: string): void {
  try {
    process.stderr.write(text);
  } catch {
    // stderr closed: nothing to do
  }
}

/**
 * Starts service telemetry: a heartbeat now and every `heartbeatIntervalMillis` (the timer does
 * not keep the process alive). Opt-in by default. Call `shutdown()` from your own shutdown path
 * for a final, bounded flush. Never throws.
 */
export function startService(options: ServiceOptions): ServiceTelemetry {
  try {
    if (typeof options?.serviceName !== 'string' || options.serviceName === '') return off('serviceName is missing');
    const writeErr = options.writeErr ?? defaultWriteErr;
    const config = resolveServiceConfig({ options, env: options.env ?? process.env, homeDir: options.homeDir ?? homedir() });
    const { core, consent } = config;
    const debugLine = (message: string): void => {
      if (core.debug) writeErr(`clitel: ${message}\n`);
    };
    if (!consent.enabled) {
      debugLine(`telemetry is off: ${consent.reason}`);
      return off(consent.reason);
    }
    for (const warning of config.warnings) debugLine(warning.replace(/^clitel: /, ''));
    if (config.target == null && !core.debug) return off('no endpoint is set');
    if (consent.byDefault && config.target != null && !core.debug) {
      writeErr(`clitel: ${core.toolName} sends an anonymous heartbeat (version, platform, uptime, coarse counts) to ${new URL(config.target.url).host}; set ${core.optOutVar}=1 to turn it off.${core.docsUrl != null ? ` ${core.docsUrl}` : ''}\n`);
    }
    return createSession(config, consent.reason, writeErr);
  } catch {
    return off('error');
  }
}
