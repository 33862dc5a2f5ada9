// SPDX-License-Identifier: Apache-2.0
// Settles a service's configuration. What every clitel package shares (names, opt-out variable,
// env, level, debug, choice files, export target, consent) is settled by core's
// resolveTelemetry(); only the service's own settings are settled here.
import { type Env } from '@clitel/core';
import { OTHER_VALUE, resolveTelemetry, type ExportTarget, type ResolvedConfig } from '@clitel/core/internal';
import type { ServiceOptions } from './types.js';
import { serviceConsent, serviceMode, type ServiceConsent } from './consent.js';

/** Where and how heartbeats are sent; `url` is the full metrics URL. */
export type ServiceTarget = ExportTarget;

/** Every setting, settled. */
export interface ResolvedServiceConfig {
  /** Settled by core as for every clitel tool (`toolName` is the service name). */
  core: ResolvedConfig;
  /** Whether heartbeats are sent, and what decided it. */
  consent: ServiceConsent;
  /** Undefined when no metrics endpoint is known. */
  target: ServiceTarget | undefined;
  intervalMillis: number;
  shutdownTimeoutMillis: number;
  counts: [name: string, read: () => number][];
  countBuckets: readonly number[];
  edition: string | undefined;
  /** Mistakes in the env and the options; each turns its setting back to the default. */
  warnings: string[];
}

/** Defaults of the service's own settings, in one place. */
export const DEFAULTS = {
  intervalMillis: 3_600_000,
  shutdownTimeoutMillis: 2_000,
  countBuckets: [1, 10, 100, 1_000, 10_000, 100_000] as readonly number[],
};

/** At most this many host-provided counts. */
const MAX_COUNTS = 32;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]{0,63}$/;
const LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

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

/** Settles options, env and persisted choices. Reads the two choice files; writes nothing. */
export function resolveServiceConfig(args: { options: ServiceOptions; env: Env; homeDir: string }): ResolvedServiceConfig {
  const { options } = args;
  const { config: core, status } = resolveTelemetry({
    toolName: options.serviceName,
    toolVersion: options.serviceVersion,
    mode: serviceMode(options),
    endpoint: options.endpoint,
    optOutEnvVar: options.optOutEnvVar,
    docsUrl: options.docsUrl,
    level: options.level,
    env: args.env,
    homeDir: args.homeDir,
  });
  const warnings: string[] = [];
  return {
    core,
    consent: serviceConsent(status, options),
    target: core.metricsTarget,
    intervalMillis: positive('heartbeatIntervalMillis', options.heartbeatIntervalMillis, DEFAULTS.intervalMillis, warnings),
    shutdownTimeoutMillis: positive('shutdownTimeoutMillis', options.shutdownTimeoutMillis, DEFAULTS.shutdownTimeoutMillis, warnings),
    counts: countEntries(options.counts, warnings),
    countBuckets: ascending(options.countBuckets, warnings),
    edition: resolveEdition(options.edition, options.editions),
    warnings: [...core.env.warnings, ...warnings],
  };
}
