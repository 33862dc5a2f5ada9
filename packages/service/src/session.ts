// SPDX-License-Identifier: Apache-2.0
// A service session once consent said yes: error totals kept here, the SDK loaded lazily, and a
// shutdown that always settles within its bound.
import { randomBytes } from 'node:crypto';
import { currentPlatform, errorType } from '@clitel/core/internal';
import type { ServiceTelemetry } from './types.js';
import type { ResolvedServiceConfig } from './config.js';
import type { Sdk, SdkState } from './sdk.js';

/** At most this many error types; more are counted as `_OTHER`. */
const MAX_ERROR_TYPES = 50;
const OTHER_ERROR_TYPE = '_OTHER';

/** Resolves after `ms` (timer unref'd), so a bounded wait never holds the process open. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

export function createSession(config: ResolvedServiceConfig, reason: string, writeErr: (text: string) => void): ServiceTelemetry {
  const debugLine = (message: string): void => {
    if (config.core.debug) writeErr(`clitel: ${message}\n`);
  };
  const errors = new Map<string, number>();
  const state: SdkState = {
    errors,
    read: (fn) => {
      try {
        const n = fn();
        return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
      } catch {
        debugLine('a count callback threw; that count was skipped');
        return undefined;
      }
    },
    writeErr,
    debugLine,
  };
  const sessionId = randomBytes(8).toString('hex');
  const platform = currentPlatform();
  const sdk: Promise<Sdk | undefined> = import('./sdk.js')
    .then(({ startSdk }) => {
      const started = startSdk(config, platform, sessionId, state);
      started.heartbeat().catch(() => debugLine('the start-up heartbeat could not be sent'));
      return started;
    })
    .catch((e: unknown) => {
      debugLine(`could not start service telemetry (${errorType(e)}); nothing is sent`);
      return undefined;
    });
  let stopped: Promise<void> | undefined;
  return {
    recording: true,
    reason,
    recordError(error) {
      try {
        if (stopped != null) return;
        let type = errorType(error);
        if (!errors.has(type) && errors.size >= MAX_ERROR_TYPES) type = OTHER_ERROR_TYPE;
        errors.set(type, (errors.get(type) ?? 0) + 1);
      } catch {
        // never throw into the host
      }
    },
    shutdown() {
      stopped ??= Promise.race([
        sdk.then((s) => s?.shutdown(config.shutdownTimeoutMillis)),
        delay(config.shutdownTimeoutMillis),
      ]).then(() => undefined, () => undefined);
      return stopped;
    },
  };
}
