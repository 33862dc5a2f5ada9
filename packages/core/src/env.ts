// SPDX-License-Identifier: Apache-2.0
// The one parser of env-shaped input. Empty means unset; an invalid value is ignored with a warning.
import type { Env, TelemetryLevel } from './types.js';

/** The environment as clitel understands it. */
export interface ClitelEnv {
  sdkDisabled: boolean;
  doNotTrack: boolean;
  machineOptOut: boolean;
  toolOptOut: boolean;
  debug: boolean;
  ci: boolean;
  level: TelemetryLevel | undefined;
  tracesEndpoint: string | undefined;
  metricsEndpoint: string | undefined;
  endpoint: string | undefined;
  protocol: 'http/protobuf' | 'http/json' | undefined;
  headers: Record<string, string>;
  timeoutMillis: number | undefined;
  /** Proxy variables; the lower-case spelling wins, as in curl. */
  proxy: { httpsProxy: string | undefined; httpProxy: string | undefined; noProxy: string | undefined };
  configHome: string | undefined;
  stateHome: string | undefined;
  appData: string | undefined;
  localAppData: string | undefined;
  warnings: string[];
}

const TRUTHY = new Set(['1', 'true', 'yes']);

/** Returns the value, or undefined when unset, empty or blank. */
export function getEnv(env: Env, name: string): string | undefined {
  const value = env[name];
  return value == null || value.trim() === '' ? undefined : value.trim();
}

/** `<TOOL>_TELEMETRY_OPTOUT`: the tool name upper-cased, non-alphanumerics turned into `_`. */
export function toolOptOutVar(toolName: string): string {
  return `${toolName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_TELEMETRY_OPTOUT`;
}

function isTruthy(value: string | undefined): boolean {
  return value != null && TRUTHY.has(value.toLowerCase());
}

/** Reads every variable clitel uses, once. */
export function readEnv(env: Env, optOutVar: string): ClitelEnv {
  const warnings: string[] = [];
  const level = getEnv(env, 'CLITEL_LEVEL');
  const protocol = getEnv(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ?? getEnv(env, 'OTEL_EXPORTER_OTLP_PROTOCOL');
  const ci = getEnv(env, 'CI');
  return {
    sdkDisabled: getEnv(env, 'OTEL_SDK_DISABLED')?.toLowerCase() === 'true',
    doNotTrack: isTruthy(getEnv(env, 'DO_NOT_TRACK')),
    machineOptOut: isTruthy(getEnv(env, 'CLITEL_TELEMETRY_OPTOUT')),
    toolOptOut: isTruthy(getEnv(env, optOutVar)),
    debug: isTruthy(getEnv(env, 'CLITEL_DEBUG')),
    ci: ci != null && ci.toLowerCase() !== 'false' && ci !== '0',
    level: parseChoice('CLITEL_LEVEL', level, ['full', 'minimal'] as const, warnings),
    tracesEndpoint: parseUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', getEnv(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'), warnings),
    metricsEndpoint: parseUrl('OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', getEnv(env, 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT'), warnings),
    endpoint: parseUrl('OTEL_EXPORTER_OTLP_ENDPOINT', getEnv(env, 'OTEL_EXPORTER_OTLP_ENDPOINT'), warnings),
    protocol: parseChoice('OTEL_EXPORTER_OTLP_PROTOCOL', protocol, ['http/protobuf', 'http/json'] as const, warnings),
    headers: {
      ...parseHeaders('OTEL_EXPORTER_OTLP_HEADERS', getEnv(env, 'OTEL_EXPORTER_OTLP_HEADERS'), warnings),
      ...parseHeaders('OTEL_EXPORTER_OTLP_TRACES_HEADERS', getEnv(env, 'OTEL_EXPORTER_OTLP_TRACES_HEADERS'), warnings),
    },
    timeoutMillis: parseTimeout(getEnv(env, 'OTEL_EXPORTER_OTLP_TRACES_TIMEOUT') ?? getEnv(env, 'OTEL_EXPORTER_OTLP_TIMEOUT'), warnings),
    proxy: {
      httpsProxy: getEnv(env, 'https_proxy') ?? getEnv(env, 'HTTPS_PROXY'),
      httpProxy: getEnv(env, 'http_proxy') ?? getEnv(env, 'HTTP_PROXY'),
      noProxy: getEnv(env, 'no_proxy') ?? getEnv(env, 'NO_PROXY'),
    },
    configHome: getEnv(env, 'XDG_CONFIG_HOME'),
    stateHome: getEnv(env, 'XDG_STATE_HOME'),
    appData: getEnv(env, 'APPDATA'),
    localAppData: getEnv(env, 'LOCALAPPDATA'),
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

/** `k1=v1,k2=v2`, percent-decoded; a malformed pair is skipped. */
export function parseHeaders(name: string, value: string | undefined, warnings: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  if (value == null) return headers;
  for (const pair of value.split(',')) {
    const at = pair.indexOf('=');
    const key = at > 0 ? safeDecode(pair.slice(0, at).trim()) : undefined;
    const val = at > 0 ? safeDecode(pair.slice(at + 1).trim()) : undefined;
    if (key == null || val == null || key === '') {
      warnings.push(`clitel: ignoring a malformed entry in ${name} (expected key=value)`);
      continue;
    }
    headers[key.toLowerCase()] = val;
  }
  return headers;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function parseTimeout(value: string | undefined, warnings: string[]): number | undefined {
  if (value == null) return undefined;
  const n = Number(value);
  if (Number.isInteger(n) && n >= 0) return n;
  warnings.push('clitel: ignoring OTEL_EXPORTER_OTLP_TIMEOUT (expected a whole number of milliseconds, 0 or more)');
  return undefined;
}
