// SPDX-License-Identifier: Apache-2.0
// The one parser of env-shaped input for services. Empty means unset; an invalid value is ignored
// and named in a warning (shown with CLITEL_DEBUG=1). The variables are the ones every clitel tool
// reads (see the design's environment table), plus the standard proxy variables.
import type { Env, TelemetryLevel } from '@clitel/core';

/** The environment as the service reads it. */
export interface ServiceEnv {
  sdkDisabled: boolean;
  doNotTrack: boolean;
  machineOptOut: boolean;
  serviceOptOut: boolean;
  debug: boolean;
  level: TelemetryLevel | undefined;
  metricsEndpoint: string | undefined;
  endpoint: string | undefined;
  protocol: 'http/protobuf' | 'http/json' | undefined;
  headers: Record<string, string>;
  timeoutMillis: number | undefined;
  httpsProxy: string | undefined;
  httpProxy: string | undefined;
  noProxy: string | undefined;
  configHome: string | undefined;
  appData: string | undefined;
  warnings: string[];
}

const TRUTHY = new Set(['1', 'true', 'yes']);

/** The value, or undefined when unset, empty or blank. */
export function getEnv(env: Env, name: string): string | undefined {
  const value = env[name];
  return value == null || value.trim() === '' ? undefined : value.trim();
}

const truthy = (value: string | undefined): boolean => value != null && TRUTHY.has(value.toLowerCase());

/** Reads every variable the service uses, once. */
export function readServiceEnv(env: Env, optOutVar: string): ServiceEnv {
  const warnings: string[] = [];
  const first = (...names: string[]): string | undefined => names.map((n) => getEnv(env, n)).find((v) => v != null);
  return {
    sdkDisabled: getEnv(env, 'OTEL_SDK_DISABLED')?.toLowerCase() === 'true',
    doNotTrack: truthy(getEnv(env, 'DO_NOT_TRACK')),
    machineOptOut: truthy(getEnv(env, 'CLITEL_TELEMETRY_OPTOUT')),
    serviceOptOut: truthy(getEnv(env, optOutVar)),
    debug: truthy(getEnv(env, 'CLITEL_DEBUG')),
    level: parseChoice('CLITEL_LEVEL', getEnv(env, 'CLITEL_LEVEL'), ['full', 'minimal'] as const, warnings),
    metricsEndpoint: parseUrl('OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', getEnv(env, 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT'), warnings),
    endpoint: parseUrl('OTEL_EXPORTER_OTLP_ENDPOINT', getEnv(env, 'OTEL_EXPORTER_OTLP_ENDPOINT'), warnings),
    protocol: parseChoice('OTEL_EXPORTER_OTLP_PROTOCOL', first('OTEL_EXPORTER_OTLP_METRICS_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL'), ['http/protobuf', 'http/json'] as const, warnings),
    headers: {
      ...parseHeaders('OTEL_EXPORTER_OTLP_HEADERS', getEnv(env, 'OTEL_EXPORTER_OTLP_HEADERS'), warnings),
      ...parseHeaders('OTEL_EXPORTER_OTLP_METRICS_HEADERS', getEnv(env, 'OTEL_EXPORTER_OTLP_METRICS_HEADERS'), warnings),
    },
    timeoutMillis: parsePositive('OTEL_EXPORTER_OTLP_TIMEOUT', first('OTEL_EXPORTER_OTLP_METRICS_TIMEOUT', 'OTEL_EXPORTER_OTLP_TIMEOUT'), warnings),
    // Lower-case first, as curl and most tools do; both spellings are honoured.
    httpsProxy: first('https_proxy', 'HTTPS_PROXY'),
    httpProxy: first('http_proxy', 'HTTP_PROXY'),
    noProxy: first('no_proxy', 'NO_PROXY'),
    configHome: getEnv(env, 'XDG_CONFIG_HOME'),
    appData: getEnv(env, 'APPDATA'),
    warnings,
  };
}

function parseChoice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], warnings: string[]): T | undefined {
  if (value == null) return undefined;
  if ((allowed as readonly string[]).includes(value.toLowerCase())) return value.toLowerCase() as T;
  warnings.push(`clitel: ignoring ${name} (expected ${allowed.join(' or ')})`);
  return undefined;
}

function parseUrl(name: string, value: string | undefined, warnings: string[]): string | undefined {
  if (value == null) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // reported below
  }
  warnings.push(`clitel: ignoring ${name} (expected an http or https URL)`);
  return undefined;
}

function parsePositive(name: string, value: string | undefined, warnings: string[]): number | undefined {
  if (value == null) return undefined;
  const n = Number(value);
  if (Number.isInteger(n) && n > 0) return n;
  warnings.push(`clitel: ignoring ${name} (expected a whole number of milliseconds above 0)`);
  return undefined;
}

/** `k1=v1,k2=v2`, percent-decoded; a malformed pair is skipped. */
function parseHeaders(name: string, value: string | undefined, warnings: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of value?.split(',') ?? []) {
    const at = pair.indexOf('=');
    try {
      const key = at > 0 ? decodeURIComponent(pair.slice(0, at).trim()) : '';
      if (key === '') throw new Error('empty key');
      headers[key.toLowerCase()] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      warnings.push(`clitel: ignoring a malformed entry in ${name} (expected key=value)`);
    }
  }
  return headers;
}
