// SPDX-License-Identifier: Apache-2.0
import type { Env, TelemetryLevel, TelemetryMode } from '@clitel/core';

/** What a service author passes to `startService()`. */
export interface ServiceOptions {
  /** The service's name (`service.name`), also the base of its opt-out variable. Required. */
  serviceName: string;
  /** The service's version (`service.version`). Default `0.0.0`. */
  serviceVersion?: string;
  /** Consent mode. Default `opt-in`: nothing is sent until the operator enables it. */
  mode?: TelemetryMode;
  /**
   * The operator's choice from the service's own configuration (e.g. a `telemetry: true` setting).
   * `true` enables, `false` disables; any opt-out variable or persisted `disabled` choice still wins.
   * Default: none (the mode decides).
   */
  enabled?: boolean;
  /** Default OTLP/HTTP base URL. `OTEL_EXPORTER_OTLP_ENDPOINT` / `…_METRICS_ENDPOINT` win. Default: none (nothing is sent). */
  endpoint?: string;
  /** The opt-out variable. Default `<SERVICE>_TELEMETRY_OPTOUT`. */
  optOutEnvVar?: string;
  /** Where operators read what is collected; named in the start-up line of an opt-out service. */
  docsUrl?: string;
  /** Milliseconds between heartbeats; one is also sent at start. Default `3600000` (an hour). */
  heartbeatIntervalMillis?: number;
  /** Upper bound of `shutdown()` in milliseconds, final heartbeat included. Default `2000`. */
  shutdownTimeoutMillis?: number;
  /**
   * Host-provided counts, read at each heartbeat and sent only as the bucket they fall in, e.g.
   * `{ users: () => db.userCount() }`. Names are identifiers (at most 32). Default none.
   */
  counts?: Readonly<Record<string, () => number>>;
  /** Ascending bucket bounds for `counts`. Default `[1, 10, 100, 1000, 10000, 100000]`. */
  countBuckets?: readonly number[];
  /** The licence or edition in use; sent only when it is in `editions`, else as `_other`. Default none. */
  edition?: string;
  /** The allowlist of `edition` values. Default none (no edition is sent). */
  editions?: readonly string[];
  /** Detail level. Default `full`; `CLITEL_LEVEL=minimal` overrides. */
  level?: TelemetryLevel;
  /** Environment to read. Default `process.env`, read once in `startService()`. */
  env?: Env;
  /** Where the start-up line and debug output go. Default `process.stderr`. */
  writeErr?: (text: string) => void;
  /** Home directory, for the persisted choices. Default `os.homedir()`. */
  homeDir?: string;
}

/** A running service telemetry session. Every method is safe in any state and never throws. */
export interface ServiceTelemetry {
  /** Whether heartbeats are being sent. */
  readonly recording: boolean;
  /** Why telemetry is on or off, naming the variable, file or option that decided it. */
  readonly reason: string;
  /** Counts an error by its type (class name); the message and stack are never read. */
  recordError(error: unknown): void;
  /** Sends a final heartbeat and stops, within `shutdownTimeoutMillis`. Resolves, never rejects. */
  shutdown(): Promise<void>;
}
