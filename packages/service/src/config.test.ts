// SPDX-License-Identifier: Apache-2.0
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULTS, resolveEdition, resolveServiceConfig } from './config.js';
import type { ServiceOptions } from './types.js';

const resolve = (options: ServiceOptions, env: Record<string, string> = {}, homeDir = '/home/u') =>
  resolveServiceConfig({ options, env, homeDir });

describe('resolveServiceConfig', () => {
  it('defaults to opt-in, an hour between heartbeats and no endpoint', () => {
    const c = resolve({ serviceName: 'svc' });
    expect(c.core.mode).toBe('opt-in');
    expect(c.intervalMillis).toBe(3_600_000);
    expect(c.shutdownTimeoutMillis).toBe(DEFAULTS.shutdownTimeoutMillis);
    expect(c.target).toBeUndefined();
    expect(c.core.optOutVar).toBe('SVC_TELEMETRY_OPTOUT');
    expect(c.core.paths).toMatchObject({ machineConfigFile: '/home/u/.config/clitel/config.json', toolConfigFile: '/home/u/.config/clitel/tools/svc.json' });
  });

  it('lets env endpoints win over code, and the metrics endpoint over the base one', () => {
    expect(resolve({ serviceName: 's', endpoint: 'https://code.example' }).target?.url).toBe('https://code.example/v1/metrics');
    expect(resolve({ serviceName: 's', endpoint: 'https://code.example' }, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://env.example/' }).target?.url).toBe('http://env.example/v1/metrics');
    expect(resolve({ serviceName: 's' }, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a', OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://b/custom' }).target?.url).toBe('http://b/custom');
    expect(resolve({ serviceName: 's' }, { OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://b/custom' }).target?.url).toBe('http://b/custom');
  });

  it('reads the _METRICS_ forms of the exporter variables and never the _TRACES_ ones', () => {
    const base = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a', OTEL_EXPORTER_OTLP_HEADERS: 'x-team=core' };
    const traces = { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-traces=1', OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: '5' };
    expect(resolve({ serviceName: 's' }, { ...base, ...traces }).target).toEqual({
      url: 'http://a/v1/metrics', protocol: 'http/protobuf', headers: { 'x-team': 'core' }, timeoutMillis: 10_000,
      proxy: { httpsProxy: undefined, httpProxy: undefined, noProxy: undefined },
    });
    const metrics = { OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_METRICS_HEADERS: 'x-metrics=1', OTEL_EXPORTER_OTLP_METRICS_TIMEOUT: '7' };
    expect(resolve({ serviceName: 's' }, { ...base, ...traces, ...metrics }).target).toMatchObject({
      url: 'http://a/v1/metrics', protocol: 'http/json', headers: { 'x-team': 'core', 'x-metrics': '1' }, timeoutMillis: 7,
    });
  });

  it('names the _METRICS_ variable, once, when it is invalid', () => {
    const c = resolve({ serviceName: 's' }, { OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'ftp://x', OTEL_EXPORTER_OTLP_METRICS_HEADERS: 'nokey' });
    expect(c.target).toBeUndefined();
    expect(c.warnings).toEqual([
      'clitel: ignoring OTEL_EXPORTER_OTLP_METRICS_ENDPOINT (expected an http or https URL)',
      'clitel: ignoring a malformed entry in OTEL_EXPORTER_OTLP_METRICS_HEADERS (expected key=value)',
    ]);
  });

  it('ignores invalid values with a warning and keeps the default', () => {
    const c = resolve({ serviceName: 's', heartbeatIntervalMillis: -5, countBuckets: [10, 1], counts: { 'bad name': () => 1, ok: () => 1 } }, { CLITEL_LEVEL: 'loud', OTEL_EXPORTER_OTLP_TIMEOUT: 'soon' });
    expect(c.intervalMillis).toBe(3_600_000);
    expect(c.countBuckets).toEqual(DEFAULTS.countBuckets);
    expect(c.counts.map(([n]) => n)).toEqual(['ok']);
    expect(c.core.level).toBe('full');
    expect(c.warnings).toHaveLength(5);
    expect(c.warnings.every((w) => w.startsWith('clitel: ignoring '))).toBe(true);
  });

  it('lets CLITEL_LEVEL override the level in code', () => {
    expect(resolve({ serviceName: 's', level: 'full' }, { CLITEL_LEVEL: 'minimal' }).core.level).toBe('minimal');
    expect(resolve({ serviceName: 's', level: 'minimal' }).core.level).toBe('minimal');
  });
});

describe('resolveEdition', () => {
  it('sends an allowlisted edition as is and anything else as _other', () => {
    expect(resolveEdition('enterprise', ['community', 'enterprise'])).toBe('enterprise');
    expect(resolveEdition('Licensed to ACME Corp', ['community', 'enterprise'])).toBe('_other');
    expect(resolveEdition('enterprise', undefined)).toBe('_other');
    expect(resolveEdition(undefined, ['enterprise'])).toBeUndefined();
  });
});

describe('service consent', () => {
  const MACHINE = '.config/clitel/config.json';
  const SERVICE = '.config/clitel/tools/s.json';
  const homes: string[] = [];
  afterEach(() => {
    for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
  });
  /** Decides in a fresh home holding these choice files (path under home → choice). */
  const decide = (options: ServiceOptions, env: Record<string, string> = {}, choices: Record<string, 'enabled' | 'disabled'> = {}) => {
    const home = mkdtempSync(join(tmpdir(), 'clitel-service-'));
    homes.push(home);
    for (const [file, choice] of Object.entries(choices)) {
      mkdirSync(dirname(join(home, file)), { recursive: true });
      writeFileSync(join(home, file), JSON.stringify({ telemetry: choice }));
    }
    return resolve(options, env, home).consent;
  };

  it('is off by default and on when the service configuration enables it', () => {
    expect(decide({ serviceName: 's' })).toMatchObject({ enabled: false, byDefault: true });
    expect(decide({ serviceName: 's', enabled: true })).toEqual({ enabled: true, reason: 'enabled by the service configuration', byDefault: false });
    expect(decide({ serviceName: 's', mode: 'opt-out' })).toMatchObject({ enabled: true, byDefault: true });
    expect(decide({ serviceName: 's', mode: 'opt-out', enabled: false })).toEqual({ enabled: false, reason: 'disabled by the service configuration', byDefault: false });
  });

  it.each([
    [{ DO_NOT_TRACK: '1' }, 'DO_NOT_TRACK is set'],
    [{ CLITEL_TELEMETRY_OPTOUT: 'yes' }, 'CLITEL_TELEMETRY_OPTOUT is set (every clitel tool)'],
    [{ OTEL_SDK_DISABLED: 'TRUE' }, 'OTEL_SDK_DISABLED=true is set'],
    [{ S_TELEMETRY_OPTOUT: 'true' }, 'S_TELEMETRY_OPTOUT is set'],
  ])('lets an opt-out variable win over code and choices: %j', (env, reason) => {
    expect(decide({ serviceName: 's', enabled: true }, env, { [SERVICE]: 'enabled' })).toEqual({ enabled: false, reason, byDefault: false });
  });

  it('lets a persisted disabled choice win over code, and an enabled one turn it on', () => {
    expect(decide({ serviceName: 's', enabled: true }, {}, { [MACHINE]: 'disabled' }).enabled).toBe(false);
    expect(decide({ serviceName: 's', enabled: true }, {}, { [SERVICE]: 'disabled' }).enabled).toBe(false);
    expect(decide({ serviceName: 's' }, {}, { [SERVICE]: 'enabled' }).enabled).toBe(true);
    expect(decide({ serviceName: 's', enabled: false }, {}, { [SERVICE]: 'enabled' }).enabled).toBe(true);
  });

  it('stays off, even when enabled, for a service name that is not a clitel tool name', () => {
    for (const serviceName of ['@acme/server', 'acme server', 'x'.repeat(65)]) {
      expect(decide({ serviceName, enabled: true })).toMatchObject({ enabled: false, byDefault: false });
    }
  });
});
