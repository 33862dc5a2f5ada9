// SPDX-License-Identifier: Apache-2.0
// The one parser of env-shaped input. Empty means unset; an invalid value is ignored with a warning.
import type { Env, TelemetryLevel } from './types.js';
import { detectCi } from './ci.js';

/** One signal's export settings as the env gives them. */
export interface SignalEnv {
  /** The signal's full URL (`…_TRACES_ENDPOINT`), used as is. */
  endpoint: string | undefined;
  protocol: 'http/protobuf' | 'http/json' | undefined;
  headers: Record<string, string>;
  timeoutMillis: number | undefined;
}

/** The opt-out variables, read. */
export interface EnvOptOuts {
  sdkDisabled: boolean;
  doNotTrack: boolean;
  machineOptOut: boolean;
  toolOptOut: boolean;
}

/** Where choices and state live, as the env gives them. */
export interface EnvDirs {
  configHome: string | undefined;
  stateHome: string | undefined;
  appData: string | undefined;
  localAppData: string | undefined;
}

/** The proxy variables as read (lower-case spellings win). */
export interface ProxyEnv {
  httpsProxy: string | undefined;
  httpProxy: string | undefined;
  noProxy: string | undefined;
}

/** The environment as clitel understands it. */
export interface ClitelEnv extends EnvOptOuts, EnvDirs {
  /** `CLITEL_DEBUG`, as {@link isDebugEnabled} reads it. */
  debug: boolean;
  /** `CLITEL_SEND_NOW`: start delivery at the end of every run, without the delivery delay. */
  sendNow: boolean;
  /** `CLITEL_DOCTOR_REPORT=<file>`, honoured only in debug mode: `clitel doctor`'s report file. */
  doctorReport: string | undefined;
  /** Whether this is CI, from ci-info's vendor list (Jenkins sets `JENKINS_URL`/`BUILD_ID`, not `CI`). */
  ci: boolean;
  /** The CI provider's name, when ci-info knows it. */
  ciProvider: string | undefined;
  /** `npm_command` and `npm_config_user_agent`: how the tool was started (never sent as such). */
  npm: { command: string | undefined; userAgent: string | undefined };
  level: TelemetryLevel | undefined;
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`: the base URL both signals share. */
  endpoint: string | undefined;
  /** The `OTEL_EXPORTER_OTLP_TRACES_*` settings, each falling back to the generic variable. */
  traces: SignalEnv;
  /** The `OTEL_EXPORTER_OTLP_METRICS_*` settings, each falling back to the generic variable. */
  metrics: SignalEnv;
  /** Proxy variables; the lower-case spelling wins, as in curl. */
  proxy: ProxyEnv;
  warnings: string[];
}

const TRUTHY = new Set(['1', 'true', 'yes']);

/** The environment the caller passed, or the process's own: the one place core reads `process.env`. */
export function resolveEnv(options: { env?: Env }): Env {
  return options.env ?? process.env;
}

/** Returns the value, or undefined when unset, empty or blank. */
function getEnv(env: Env, name: string): string | undefined {
  const value = env[name];
  return value == null || value.trim() === '' ? undefined : value.trim();
}

/** `<TOOL>_TELEMETRY_OPTOUT`: the tool name upper-cased, non-alphanumerics turned into `_`. */
export function toolOptOutVar(toolName: string): string {
  return `${toolName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_TELEMETRY_OPTOUT`;
}

/** The tool's own opt-out variable: the one the maintainer named, else `toolOptOutVar`. */
export function optOutVarOf(options: { optOutEnvVar?: string | undefined; toolName: string }): string {
  return options.optOutEnvVar ?? toolOptOutVar(options.toolName);
}

/** The variable `clitel doctor` sets to the file a debug run writes its report to. */
export const DOCTOR_REPORT_VAR = 'CLITEL_DOCTOR_REPORT';

/** `CLITEL_SCHEMA_TREE=<file>`: tree mode for `clitel schema`, writing the command tree to that file. */
export function schemaTreeFile(env: Env): string | undefined {
  return getEnv(env, 'CLITEL_SCHEMA_TREE');
}

function isTruthy(value: string | undefined): boolean {
  return value != null && TRUTHY.has(value.toLowerCase());
}

/** `CLITEL_DEBUG=1|true|yes` (any case): the one reading of it, for every package. */
export function isDebugEnabled(env: Env): boolean {
  return isTruthy(getEnv(env, 'CLITEL_DEBUG'));
}

/** Reads only the opt-out variables: enough to turn telemetry off without settling anything else. */
export function readOptOuts(env: Env, optOutVar: string): EnvOptOuts {
  return {
    sdkDisabled: getEnv(env, 'OTEL_SDK_DISABLED')?.toLowerCase() === 'true',
    doNotTrack: isTruthy(getEnv(env, 'DO_NOT_TRACK')),
    machineOptOut: isTruthy(getEnv(env, 'CLITEL_TELEMETRY_OPTOUT')),
    toolOptOut: isTruthy(getEnv(env, optOutVar)),
  };
}

/** Reads the directory variables. */
export function readDirs(env: Env): EnvDirs {
  return {
    configHome: getEnv(env, 'XDG_CONFIG_HOME'),
    stateHome: getEnv(env, 'XDG_STATE_HOME'),
    appData: getEnv(env, 'APPDATA'),
    localAppData: getEnv(env, 'LOCALAPPDATA'),
  };
}

/** Reads every variable clitel uses, once. */
export function readEnv(env: Env, optOutVar: string): ClitelEnv {
  const warnings: string[] = [];
  const level = getEnv(env, 'CLITEL_LEVEL');
  const ci = detectCi(env);
  const debug = isDebugEnabled(env);
  return {
    ...readOptOuts(env, optOutVar),
    ...readDirs(env),
    debug,
    sendNow: isTruthy(getEnv(env, 'CLITEL_SEND_NOW')),
    doctorReport: debug ? getEnv(env, DOCTOR_REPORT_VAR) : undefined,
    ci: ci.isCi,
    ciProvider: ci.provider,
    npm: { command: getEnv(env, 'npm_command'), userAgent: getEnv(env, 'npm_config_user_agent') },
    level: parseChoice('CLITEL_LEVEL', level, ['full', 'minimal'] as const, warnings),
    endpoint: parseUrl('OTEL_EXPORTER_OTLP_ENDPOINT', getEnv(env, 'OTEL_EXPORTER_OTLP_ENDPOINT'), warnings),
    traces: readSignal(env, 'TRACES', warnings),
    metrics: readSignal(env, 'METRICS', warnings),
    proxy: {
      httpsProxy: getEnv(env, 'https_proxy') ?? getEnv(env, 'HTTPS_PROXY'),
      httpProxy: getEnv(env, 'http_proxy') ?? getEnv(env, 'HTTP_PROXY'),
      noProxy: getEnv(env, 'no_proxy') ?? getEnv(env, 'NO_PROXY'),
    },
    // A generic variable is read for both signals; name each mistake once.
    warnings: [...new Set(warnings)],
  };
}

/** A signal's settings: `OTEL_EXPORTER_OTLP_<SIGNAL>_*`, else the generic `OTEL_EXPORTER_OTLP_*`. */
function readSignal(env: Env, signal: 'TRACES' | 'METRICS', warnings: string[]): SignalEnv {
  const specific = (name: string): string => `OTEL_EXPORTER_OTLP_${signal}_${name}`;
  const either = (name: string): [string, string | undefined] => {
    const value = getEnv(env, specific(name));
    return value != null ? [specific(name), value] : [`OTEL_EXPORTER_OTLP_${name}`, getEnv(env, `OTEL_EXPORTER_OTLP_${name}`)];
  };
  return {
    endpoint: parseUrl(specific('ENDPOINT'), getEnv(env, specific('ENDPOINT')), warnings),
    protocol: parseChoice(...either('PROTOCOL'), ['http/protobuf', 'http/json'] as const, warnings),
    headers: {
      ...parseHeaders('OTEL_EXPORTER_OTLP_HEADERS', getEnv(env, 'OTEL_EXPORTER_OTLP_HEADERS'), warnings),
      ...parseHeaders(specific('HEADERS'), getEnv(env, specific('HEADERS')), warnings),
    },
    timeoutMillis: parseTimeout(...either('TIMEOUT'), warnings),
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

function parseTimeout(name: string, value: string | undefined, warnings: string[]): number | undefined {
  if (value == null) return undefined;
  const n = Number(value);
  if (Number.isInteger(n) && n >= 0) return n;
  warnings.push(`clitel: ignoring ${name} (expected a whole number of milliseconds, 0 or more)`);
  return undefined;
}
