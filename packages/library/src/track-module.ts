// SPDX-License-Identifier: Apache-2.0
// The entry point for libraries: consent once, counters in memory, totals handed to core at exit.
import { startUsage, type TelemetryOptions } from '@clitel/core';
import type { AnyFunction, ModuleOptions, TrackedModule, TrackOptions, WrapOptions } from './types.js';
import { createCounters } from './counters.js';
import { wrapFunction } from './wrap-function.js';

/** `@acme/sdk` → `ACME_SDK_TELEMETRY_OPTOUT`; `left-pad` → `LEFT_PAD_TELEMETRY_OPTOUT`. */
export function moduleOptOutVar(name: string): string {
  return `${name.replace(/^@/, '').toUpperCase().replace(/[^A-Z0-9]/g, '_')}_TELEMETRY_OPTOUT`;
}

const PASSTHROUGH: TrackedModule = Object.freeze({
  recording: false,
  track: <F extends AnyFunction>(fn: F): F => fn,
  wrap: <T extends object>(exports: T): T => exports,
  stop: () => undefined,
});

function telemetryOptions(options: ModuleOptions): TelemetryOptions {
  return {
    toolName: options.name,
    toolVersion: options.version,
    mode: options.mode,
    endpoint: options.endpoint,
    optOutEnvVar: options.optOutEnvVar ?? moduleOptOutVar(options.name),
    docsUrl: options.docsUrl,
    level: options.level,
    delivery: options.delivery,
    env: options.env ?? process.env,
    writeErr: options.writeErr,
    homeDir: options.homeDir,
  };
}

/**
 * Starts counting calls to a library's functions in this process. Call once, when the library
 * loads. Consent is decided here (every global opt-out plus `<MODULE>_TELEMETRY_OPTOUT`); when
 * it is off, `track` and `wrap` return their input unchanged. Never throws.
 */
export function trackModule(options: ModuleOptions): TrackedModule {
  try {
    if (typeof options?.name !== 'string' || options.name === '') return PASSTHROUGH;
    const counters = createCounters();
    let stopped = false;
    const handle = startUsage({ ...telemetryOptions(options), allowedAttributes: options.allowedAttributes ?? [] }, () => (stopped ? [] : counters.points()));
    if (!handle.recording) return PASSTHROUGH;
    const track = <F extends AnyFunction>(fn: F, name: string, trackOptions?: TrackOptions): F => {
      try {
        if (typeof fn !== 'function' || stopped) return fn;
        const slot = counters.slot(name, trackOptions?.attributes);
        return slot == null ? fn : wrapFunction(fn, slot);
      } catch {
        return fn;
      }
    };
    return {
      recording: true,
      track,
      wrap: <T extends object>(exports: T, wrapOptions: WrapOptions = {}): T => {
        try {
          const out = { ...exports } as Record<string, unknown>;
          const names = wrapOptions.include ?? Object.keys(out);
          for (const key of names) {
            const value = out[key];
            if (typeof value === 'function') out[key] = track(value as AnyFunction, `${wrapOptions.prefix ?? ''}${key}`);
          }
          return out as T;
        } catch {
          return exports;
        }
      },
      stop: () => {
        stopped = true;
        handle.stop();
      },
    };
  } catch {
    return PASSTHROUGH;
  }
}
