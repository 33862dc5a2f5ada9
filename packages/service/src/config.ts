// SPDX-License-Identifier: Apache-2.0
// Settles options, env and defaults into one ResolvedServiceConfig. Pure: env, home and platform
// are passed in.
import { join } from 'node:path';
import { OTHER_VALUE, toolOptOutVar, type Env, type TelemetryLevel, type TelemetryMode } from '@clitel/core';
import type { ServiceOptions } from './types.js';
import { readServiceEnv, type ServiceEnv } from './env.js';

/** Where and how heartbeats are sent. */
export interface ServiceTarget {
  /** The full metrics URL. */
  url: string;
  protocol: 'http/protobuf' | 'http/json';
  headers: Record<string, string>;
  timeoutMillis: number;
}

/** Every setting, settled. */
export interface ResolvedServiceConfig {
  serviceName: string;
  serviceVersion: string;
  mode: TelemetryMode;
  enabled: boolean | undefined;
  optOutVar: string;
  docsUrl: string | undefined;
  intervalMillis: number;
  shutdownTimeoutMillis: number;
  counts: [name: string, read: () => number][];
  countBuckets: readonly number[];
  edition: string | undefined;
  level: TelemetryLevel;
  debug: boolean;
  target: ServiceTarget | undefined;
  /** The machine-wide and the service's persisted choice files. */
  choiceFiles: { machine: string; service: string };
  env: ServiceEnv;
  /** Mistakes in the options; each turns its setting back to the default. */
  warnings: string[];
}

/** Defaults in one place. */
export const DEFAULTS = {
  serviceVersion: '0.0.0',
  mode: 'opt-in' as TelemetryMode,
  intervalMillis: 3_600_000,
  shutdownTimeoutMillis: 2_000,
  countBuckets: [1, 10, 100, 1_000, 10_000, 100_000] as readonly number[],
  level: 'full' as TelemetryLevel,
  protocol: 'http/protobuf' as const,
  timeoutMillis: 10_000,
};

/** At most this many host-provided counts. */
export const MAX_COUNTS = 32;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]{0,63}$/;
const LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** Appends `v1/metrics` to a base URL as the OTel spec says. */
export function metricsUrl(base: string): string {
  return base.endsWith('/') ? `${base}v1/metrics` : `${base}/v1/metrics`;
}

function positive(name: string, value: number | undefined, fallback: number, warnings: string[]): number {
  if (value == null) return fallback;
  if (Number.isInteger(value) && value > 0) return value;
  warnings.push(`clitel: ignoring ${name} (expected a whole number of milliseconds above 0)`);
  return fallback;
}

function ascending(values: readonly number[] | undefined, warnings: string[]): readonly number[] {
  if (values == null) return DEFAULTS.countBuckets;
  if (values.length > 0 && values.every((v, i) => Number.isFinite(v) && (i === 0 || v > values[i - 1]))) return [...values];
  warnings.push('clitel: ignoring countBuckets (expected ascending numbers)');
  return DEFAULTS.countBuckets;
}

function countEntries(counts: ServiceOptions['counts'], warnings: string[]): [string, () => number][] {
  const out: [string, () => number][] = [];
  for (const [name, read] of Object.entries(counts ?? {})) {
    if (!NAME.test(name) || typeof read !== 'function') {
      warnings.push('clitel: ignoring a count (expected an identifier name and a function)');
      continue;
    }
    if (out.length === MAX_COUNTS) {
      warnings.push(`clitel: ignoring counts beyond the first ${MAX_COUNTS}`);
      break;
    }
    out.push([name, read]);
  }
  return out;
}

/** The edition as sent: the value when allowlisted, `_other` when not, undefined when none is set. */
export function resolveEdition(edition: string | undefined, editions: readonly string[] | undefined): string | undefined {
  if (edition == null) return undefined;
  return (editions ?? []).includes(edition) && LABEL.test(edition) ? edition : OTHER_VALUE;
}

export function resolveServiceConfig(args: { options: ServiceOptions; env: Env; homeDir: string; platform: NodeJS.Platform }): ResolvedServiceConfig {
  const { options } = args;
  const warnings: string[] = [];
  const optOutVar = options.optOutEnvVar ?? toolOptOutVar(options.serviceName);
  const env = readServiceEnv(args.env, optOutVar);
  const base = env.endpoint ?? options.endpoint;
  const url = env.metricsEndpoint ?? (base != null ? metricsUrl(base) : undefined);
  const configRoot = args.platform === 'win32'
    ? env.appData ?? join(args.homeDir, 'AppData', 'Roaming')
    : env.configHome ?? join(args.homeDir, '.config');
  const safeName = options.serviceName.replace(/[^A-Za-z0-9._-]/g, '_');
  return {
    serviceName: options.serviceName,
    serviceVersion: options.serviceVersion ?? DEFAULTS.serviceVersion,
    mode: options.mode ?? DEFAULTS.mode,
    enabled: options.enabled,
    optOutVar,
    docsUrl: options.docsUrl,
    intervalMillis: positive('heartbeatIntervalMillis', options.heartbeatIntervalMillis, DEFAULTS.intervalMillis, warnings),
    shutdownTimeoutMillis: positive('shutdownTimeoutMillis', options.shutdownTimeoutMillis, DEFAULTS.shutdownTimeoutMillis, warnings),
    counts: countEntries(options.counts, warnings),
    countBuckets: ascending(options.countBuckets, warnings),
    edition: resolveEdition(options.edition, options.editions),
    level: env.level ?? options.level ?? DEFAULTS.level,
    debug: env.debug,
    target: url == null ? undefined : {
      url,
      protocol: env.protocol ?? DEFAULTS.protocol,
      headers: env.headers,
      timeoutMillis: env.timeoutMillis ?? DEFAULTS.timeoutMillis,
    },
    choiceFiles: { machine: join(configRoot, 'clitel', 'config.json'), service: join(configRoot, 'clitel', 'tools', `${safeName}.json`) },
    env,
    warnings: [...env.warnings, ...warnings],
  };
}
