// SPDX-License-Identifier: Apache-2.0
import type { DeliveryMode, Env, TelemetryLevel, TelemetryMode } from '@clitel/core';

/** A function of any shape; its arguments are passed through and never looked at. */
export type AnyFunction = (...args: never[]) => unknown;

/** Attribute values a registration may carry; kept only when the key is in `allowedAttributes`. */
export type UsageAttributes = Readonly<Record<string, string | number | boolean>>;

/** What a library passes to `trackModule()`. */
export interface ModuleOptions {
  /** The module's package name, e.g. `left-pad` or `@acme/sdk` (`service.name`). Required. */
  name: string;
  /** The module's version (`service.version`). Default `0.0.0`. */
  version?: string;
  /** Consent mode. Default `opt-out` (on after the first-run notice). */
  mode?: TelemetryMode;
  /** Default OTLP/HTTP base URL. `OTEL_EXPORTER_OTLP_ENDPOINT` / `…_METRICS_ENDPOINT` win. Default: none (nothing is sent). */
  endpoint?: string;
  /** The module's opt-out variable. Default `<MODULE>_TELEMETRY_OPTOUT` (`@acme/sdk` → `ACME_SDK_TELEMETRY_OPTOUT`). */
  optOutEnvVar?: string;
  /** Where users read what is collected; shown in the first-run notice. */
  docsUrl?: string;
  /** Detail level. Default `full`; `CLITEL_LEVEL=minimal` overrides. */
  level?: TelemetryLevel;
  /** Delivery mode. Default `sync` when `CI` is set, else `background`. */
  delivery?: DeliveryMode;
  /** Attribute keys a registration may carry besides `clitel.function`. Default none. */
  allowedAttributes?: readonly string[];
  /** Environment to read. Default `process.env`, read once in `trackModule()`. */
  env?: Env;
  /** Where the notice and debug output go. Default `process.stderr`. */
  writeErr?: (text: string) => void;
  /** Home directory. Default `os.homedir()`. */
  homeDir?: string;
}

/** Options of one `track()` registration. */
export interface TrackOptions {
  /** Fixed attributes of this registration's counter (allowlisted keys only). Default none. */
  attributes?: UsageAttributes;
}

/** Options of `wrap()`. */
export interface WrapOptions {
  /** Only these export names are wrapped. Default: every own function-valued property. */
  include?: readonly string[];
  /** Prefix of the recorded names, e.g. `fs.` gives `fs.readFile`. Default none. */
  prefix?: string;
}

/** A module being counted. Every method is safe in any state and never throws. */
export interface TrackedModule {
  /** Whether the counts will be sent at exit. When `false`, `track` and `wrap` return their input. */
  readonly recording: boolean;
  /** Returns a function that counts its calls under `name`, then calls `fn` unchanged. */
  track<F extends AnyFunction>(fn: F, name: string, options?: TrackOptions): F;
  /** Returns a copy of `exports` whose functions are tracked under their property names. */
  wrap<T extends object>(exports: T, options?: WrapOptions): T;
  /** Stops counting; nothing is sent for this module. */
  stop(): void;
}
