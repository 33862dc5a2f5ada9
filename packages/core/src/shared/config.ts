// SPDX-License-Identifier: Apache-2.0
import type { DeliveryMode, Env, Schema, TelemetryLevel, TelemetryMode, TelemetryOptions } from './types.js';
import { optOutVarOf, readEnv, type ClitelEnv, type ProxyEnv, type SignalEnv } from './env.js';
import { resolvePaths, type ClitelPaths } from './paths.js';
import { validateSchema } from './schema.js';
import { consentMode } from './consent.js';
import type { SpoolCaps } from './internal-types.js';

/** Where and how one signal is sent. */
export interface ExportTarget {
  /** The full URL (`…/v1/traces` or `…/v1/metrics`). */
  url: string;
  protocol: 'http/protobuf' | 'http/json';
  headers: Record<string, string>;
  /** Per-request timeout in milliseconds. */
  timeoutMillis: number;
  /** Proxy settings from HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  proxy: ProxyEnv;
}

/** Every setting, settled. */
export interface ResolvedConfig {
  toolName: string;
  toolVersion: string;
  schema: Schema;
  schemaProblems: string[];
  /** Set when the schema's `tool` differs from the tool's name: a warning, never a reason to turn off. */
  toolMismatch: string | undefined;
  mode: TelemetryMode;
  optOutVar: string;
  docsUrl: string | undefined;
  /** Whether `<tool> telemetry …` exists, so the notice may point at it. */
  telemetryCommand: boolean;
  noticeVersion: string;
  source: string;
  channel: string | undefined;
  delivery: DeliveryMode;
  level: TelemetryLevel;
  debug: boolean;
  sampleRate: number;
  spoolCaps: SpoolCaps;
  paths: ClitelPaths;
  /** Where runs (spans) go; undefined when no endpoint is set. */
  target: ExportTarget | undefined;
  /** Where usage counters and heartbeats (metrics) go; undefined when no endpoint is set. */
  metricsTarget: ExportTarget | undefined;
  env: ClitelEnv;
}

/** Defaults in one place. */
const DEFAULTS = {
  toolVersion: '0.0.0',
  noticeVersion: '1',
  source: 'cli',
  level: 'full' as TelemetryLevel,
  protocol: 'http/protobuf' as const,
  timeoutMillis: 10_000,
  spoolCaps: { maxBytes: 10 * 1024 * 1024, maxEntries: 10_000, maxAgeMillis: 7 * 24 * 3600 * 1000 } as SpoolCaps,
};

function positive(n: number | undefined): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Appends `v1/<signal>` to a base URL as the OTel spec says. */
export function signalUrl(base: string, signal: 'traces' | 'metrics'): string {
  return base.endsWith('/') ? `${base}v1/${signal}` : `${base}/v1/${signal}`;
}

/** A signal's target: its own URL as is, else the base URL plus `v1/<signal>`; none without either. */
function exportTarget(signal: SignalEnv, baseUrl: string | undefined, name: 'traces' | 'metrics', proxy: ProxyEnv): ExportTarget | undefined {
  const url = signal.endpoint ?? (baseUrl != null ? signalUrl(baseUrl, name) : undefined);
  if (url == null) return undefined;
  return {
    url,
    protocol: signal.protocol ?? DEFAULTS.protocol,
    headers: signal.headers,
    timeoutMillis: signal.timeoutMillis == null || signal.timeoutMillis === 0 ? DEFAULTS.timeoutMillis : signal.timeoutMillis,
    proxy,
  };
}

/** Settles options, env and defaults. Pure: the env, home and platform are passed in. */
export function resolveConfig(args: { options: TelemetryOptions; env: Env; homeDir: string; platform: NodeJS.Platform }): ResolvedConfig {
  const { options } = args;
  const toolName = options.toolName;
  const optOutVar = optOutVarOf(options);
  const env = readEnv(args.env, optOutVar);
  const schema: Schema = options.schema ?? { tool: toolName, commands: {} };
  const schemaProblems = validateSchema(schema);
  const toolMismatch = schemaProblems.length === 0 && schema.tool !== toolName
    ? `the schema names the tool "${schema.tool}" but it runs as "${toolName}"; recording as "${toolName}" (make schema.tool and the tool's name agree)`
    : undefined;
  const baseUrl = env.endpoint ?? options.endpoint;
  return {
    toolName,
    toolVersion: options.toolVersion ?? DEFAULTS.toolVersion,
    schema,
    schemaProblems,
    toolMismatch,
    mode: consentMode({ mode: options.mode, schema }),
    optOutVar,
    docsUrl: options.docsUrl,
    telemetryCommand: options.telemetryCommand !== false,
    noticeVersion: options.noticeVersion ?? DEFAULTS.noticeVersion,
    source: options.source ?? DEFAULTS.source,
    channel: options.channel,
    delivery: options.delivery ?? (env.ci ? 'sync' : 'background'),
    level: env.level ?? options.level ?? DEFAULTS.level,
    debug: env.debug,
    sampleRate: schema.sampleRate ?? 1,
    spoolCaps: {
      maxEntries: positive(options.spoolLimits?.maxEntries) ?? DEFAULTS.spoolCaps.maxEntries,
      maxBytes: positive(options.spoolLimits?.maxBytes) ?? DEFAULTS.spoolCaps.maxBytes,
      maxAgeMillis: (positive(options.spoolLimits?.maxAgeDays) ?? 7) * 24 * 3600 * 1000,
    },
    paths: resolvePaths(env, toolName, options.homeDir ?? args.homeDir, args.platform),
    target: exportTarget(env.traces, baseUrl, 'traces', env.proxy),
    metricsTarget: exportTarget(env.metrics, baseUrl, 'metrics', env.proxy),
    env,
  };
}
