// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { isDebugEnabled, parseHeaders, readEnv, toolOptOutVar } from './env.js';
import { resolveConfig, signalUrl } from './config.js';
import { decideConsent } from './consent.js';

describe('readEnv', () => {
  it('reads CLITEL_DEBUG in one way: 1, true or yes in any case', () => {
    for (const on of ['1', 'true', 'YES', ' True ']) expect(isDebugEnabled({ CLITEL_DEBUG: on })).toBe(true);
    for (const off of ['', '0', 'false', 'on', '2']) expect(isDebugEnabled({ CLITEL_DEBUG: off })).toBe(false);
    expect(readEnv({ CLITEL_DEBUG: 'yes' }, 'X').debug).toBe(true);
  });
  it('treats only the documented spellings as opt-outs', () => {
    expect(readEnv({ OTEL_SDK_DISABLED: 'TRUE' }, 'X').sdkDisabled).toBe(true);
    expect(readEnv({ OTEL_SDK_DISABLED: '1' }, 'X').sdkDisabled).toBe(false);
    expect(readEnv({ X: 'yes' }, 'X').toolOptOut).toBe(true);
    expect(readEnv({ X: 'no' }, 'X').toolOptOut).toBe(false);
    expect(readEnv({ DO_NOT_TRACK: ' 1 ' }, 'X').doNotTrack).toBe(true);
    expect(readEnv({ DO_NOT_TRACK: '' }, 'X').doNotTrack).toBe(false);
  });
  it('ignores invalid values with a warning naming the variable', () => {
    const env = readEnv({ OTEL_EXPORTER_OTLP_TIMEOUT: '-1', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://x', CLITEL_LEVEL: 'max' }, 'X');
    expect([env.traces.timeoutMillis, env.traces.protocol, env.endpoint, env.level]).toEqual([undefined, undefined, undefined, undefined]);
    expect(env.warnings).toContain('clitel: ignoring OTEL_EXPORTER_OTLP_TIMEOUT (expected a whole number of milliseconds, 0 or more)');
    expect(env.warnings.filter((w) => w.includes('PROTOCOL'))).toHaveLength(1);
    expect(env.warnings[0]).toMatch(/^clitel: ignoring /);
  });
  it('parses and percent-decodes headers, skipping malformed pairs', () => {
    const warnings: string[] = [];
    expect(parseHeaders('H', 'Authorization=Basic%20abc,x-team=a%2Cb,broken', warnings)).toEqual({ authorization: 'Basic abc', 'x-team': 'a,b' });
    expect(warnings).toHaveLength(1);
  });
  it('derives the opt-out variable from the tool name', () => {
    expect(toolOptOutVar('my-tool.js')).toBe('MY_TOOL_JS_TELEMETRY_OPTOUT');
  });
});

describe('per-signal settings', () => {
  it('lets the signal-specific variables win and keeps the signals apart', () => {
    const env = readEnv({
      OTEL_EXPORTER_OTLP_HEADERS: 'a=1', OTEL_EXPORTER_OTLP_METRICS_HEADERS: 'b=2', OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'c=3',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/protobuf',
      OTEL_EXPORTER_OTLP_METRICS_TIMEOUT: '500',
    }, 'X');
    expect(env.traces).toEqual({ endpoint: undefined, protocol: 'http/json', headers: { a: '1', c: '3' }, timeoutMillis: undefined });
    expect(env.metrics).toEqual({ endpoint: undefined, protocol: 'http/protobuf', headers: { a: '1', b: '2' }, timeoutMillis: 500 });
  });
  it('names the signal variable that was invalid', () => {
    expect(readEnv({ OTEL_EXPORTER_OTLP_METRICS_TIMEOUT: 'x' }, 'X').warnings).toEqual(['clitel: ignoring OTEL_EXPORTER_OTLP_METRICS_TIMEOUT (expected a whole number of milliseconds, 0 or more)']);
  });
});

describe('resolveConfig', () => {
  const base = { homeDir: '/home/u', platform: 'linux' as const };
  it('appends v1/traces to a base endpoint and uses the traces endpoint as is', () => {
    expect(signalUrl('http://c:4318/', 'traces')).toBe('http://c:4318/v1/traces');
    expect(resolveConfig({ ...base, options: { toolName: 't' }, env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318/base' } }).target?.url).toBe('http://c:4318/base/v1/traces');
    expect(resolveConfig({ ...base, options: { toolName: 't', endpoint: 'http://d' }, env: { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318' } }).target?.url).toBe('http://c:4318');
    expect(resolveConfig({ ...base, options: { toolName: 't' }, env: {} }).target).toBeUndefined();
    const only = resolveConfig({ ...base, options: { toolName: 't' }, env: { OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://m/x' } });
    expect([only.target, only.metricsTarget?.url]).toEqual([undefined, 'http://m/x']);
    expect(resolveConfig({ ...base, options: { toolName: 't' }, env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c' } }).metricsTarget?.url).toBe('http://c/v1/metrics');
  });
  it('prefers the env endpoint over the maintainer default', () => {
    expect(resolveConfig({ ...base, options: { toolName: 't', endpoint: 'https://default' }, env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://mine' } }).target?.url).toBe('http://mine/v1/traces');
  });
  it('uses XDG directories, or the documented defaults, and Windows app-data folders', () => {
    expect(resolveConfig({ ...base, options: { toolName: 't' }, env: {} }).paths.stateDir).toBe('/home/u/.local/state/clitel/t');
    expect(resolveConfig({ ...base, options: { toolName: 't' }, env: { XDG_CONFIG_HOME: '/c' } }).paths.toolConfigFile).toBe('/c/clitel/tools/t.json');
    expect(resolveConfig({ homeDir: 'C:\\Users\\u', platform: 'win32', options: { toolName: 't' }, env: { LOCALAPPDATA: 'L' } }).paths.stateDir).toMatch(/^L.clitel.t$/);
  });
  it('delivers synchronously in CI unless the maintainer chose', () => {
    expect(resolveConfig({ ...base, options: { toolName: 't' }, env: { CI: 'true' } }).delivery).toBe('sync');
    expect(resolveConfig({ ...base, options: { toolName: 't', delivery: 'background' }, env: { CI: '1' } }).delivery).toBe('background');
  });
  it('warns about a schema for another tool name and keeps recording under the tool name', () => {
    const config = resolveConfig({ ...base, options: { toolName: 't', schema: { tool: 'u', commands: {} } }, env: {} });
    expect(config.schemaProblems).toEqual([]);
    expect(config.toolMismatch).toMatch(/^the schema names the tool "u" but it runs as "t"; recording as "t"/);
    expect(resolveConfig({ ...base, options: { toolName: 't', schema: { tool: 't', commands: {} } }, env: {} }).toolMismatch).toBeUndefined();
  });
});

describe('decideConsent', () => {
  const inputs = (over: Partial<Parameters<typeof decideConsent>[0]>) => ({
    env: readEnv({}, 'T'), optOutVar: 'T', mode: 'opt-out' as const, toolChoice: undefined, machineChoice: undefined,
    toolConfigFile: 'tool.json', machineConfigFile: 'config.json', ...over,
  });
  it('lets any opt-out win over an enabled choice', () => {
    expect(decideConsent(inputs({ env: readEnv({ DO_NOT_TRACK: '1' }, 'T'), toolChoice: 'enabled' })).source).toBe('DO_NOT_TRACK');
    expect(decideConsent(inputs({ machineChoice: 'disabled', toolChoice: 'enabled' })).enabled).toBe(false);
  });
  it('is off in opt-in mode until enabled', () => {
    expect(decideConsent(inputs({ mode: 'opt-in' })).enabled).toBe(false);
    expect(decideConsent(inputs({ mode: 'opt-in', toolChoice: 'enabled' })).enabled).toBe(true);
    expect(decideConsent(inputs({})).source).toBe('default');
  });
});
