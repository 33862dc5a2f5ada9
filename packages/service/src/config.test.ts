// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { DEFAULTS, resolveEdition, resolveServiceConfig } from './config.js';
import { decideServiceConsent, type Choice } from './consent.js';

const resolve = (options: Parameters<typeof resolveServiceConfig>[0]['options'], env: Record<string, string> = {}) =>
  resolveServiceConfig({ options, env, homeDir: '/home/u', platform: 'linux' });

describe('resolveServiceConfig', () => {
  it('defaults to opt-in, an hour between heartbeats and no endpoint', () => {
    const c = resolve({ serviceName: 'svc' });
    expect(c.mode).toBe('opt-in');
    expect(c.intervalMillis).toBe(3_600_000);
    expect(c.shutdownTimeoutMillis).toBe(DEFAULTS.shutdownTimeoutMillis);
    expect(c.target).toBeUndefined();
    expect(c.optOutVar).toBe('SVC_TELEMETRY_OPTOUT');
    expect(c.choiceFiles).toEqual({ machine: '/home/u/.config/clitel/config.json', service: '/home/u/.config/clitel/tools/svc.json' });
  });

  it('lets env endpoints win over code, and the metrics endpoint over the base one', () => {
    expect(resolve({ serviceName: 's', endpoint: 'https://code.example' }).target?.url).toBe('https://code.example/v1/metrics');
    expect(resolve({ serviceName: 's', endpoint: 'https://code.example' }, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://env.example/' }).target?.url).toBe('http://env.example/v1/metrics');
    expect(resolve({ serviceName: 's' }, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a', OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://b/custom' }).target?.url).toBe('http://b/custom');
  });

  it('ignores invalid values with a warning and keeps the default', () => {
    const c = resolve({ serviceName: 's', heartbeatIntervalMillis: -5, countBuckets: [10, 1], counts: { 'bad name': () => 1, ok: () => 1 } }, { CLITEL_LEVEL: 'loud', OTEL_EXPORTER_OTLP_TIMEOUT: 'soon' });
    expect(c.intervalMillis).toBe(3_600_000);
    expect(c.countBuckets).toEqual(DEFAULTS.countBuckets);
    expect(c.counts.map(([n]) => n)).toEqual(['ok']);
    expect(c.level).toBe('full');
    expect(c.warnings).toHaveLength(5);
    expect(c.warnings.every((w) => w.startsWith('clitel: ignoring '))).toBe(true);
  });

  it('lets CLITEL_LEVEL override the level in code', () => {
    expect(resolve({ serviceName: 's', level: 'full' }, { CLITEL_LEVEL: 'minimal' }).level).toBe('minimal');
    expect(resolve({ serviceName: 's', level: 'minimal' }).level).toBe('minimal');
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

describe('decideServiceConsent', () => {
  const decide = (options: Parameters<typeof resolve>[0], env: Record<string, string> = {}, choices: Record<string, Choice> = {}) =>
    decideServiceConsent(resolve(options, env), (file) => choices[file]);
  const MACHINE = '/home/u/.config/clitel/config.json';
  const SERVICE = '/home/u/.config/clitel/tools/s.json';

  it('is off by default and on when the service configuration enables it', () => {
    expect(decide({ serviceName: 's' })).toMatchObject({ enabled: false, byDefault: true });
    expect(decide({ serviceName: 's', enabled: true })).toMatchObject({ enabled: true, byDefault: false });
    expect(decide({ serviceName: 's', mode: 'opt-out' })).toMatchObject({ enabled: true, byDefault: true });
    expect(decide({ serviceName: 's', mode: 'opt-out', enabled: false }).enabled).toBe(false);
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
  });
});
