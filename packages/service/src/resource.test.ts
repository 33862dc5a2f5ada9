// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { keysAt } from '@clitel/core/describe';
import { resolveServiceConfig } from './config.js';
import { buildServiceResource } from './resource.js';

const facts = { platform: { platform: 'linux' as const, release: '6.1.0-18-amd64', arch: 'x64', nodeVersion: '20.19.0' }, sdkVersion: '2.12.0', sessionId: 'abcd' };
const config = (env: Record<string, string> = {}) =>
  resolveServiceConfig({ options: { serviceName: 'svc', serviceVersion: '1.0.0', edition: 'pro', editions: ['pro'] }, env, homeDir: '/h' });

describe('buildServiceResource', () => {
  it('holds only allowlisted, coarse facts', () => {
    expect(buildServiceResource(config(), facts)).toEqual({
      'service.name': 'svc',
      'service.version': '1.0.0',
      'telemetry.sdk.name': 'opentelemetry',
      'telemetry.sdk.language': 'nodejs',
      'telemetry.sdk.version': '2.12.0',
      'telemetry.distro.name': 'clitel',
      'telemetry.distro.version': expect.any(String),
      'os.type': 'linux',
      'os.version': '6.1',
      'host.arch': 'amd64',
      'process.runtime.name': 'nodejs',
      'process.runtime.version': '20.19.0',
      'clitel.session.id': 'abcd',
      'clitel.edition': 'pro',
    });
  });

  it('sets exactly the service-resource keys of the attribute table, and at minimal only the minimal ones', () => {
    expect(Object.keys(buildServiceResource(config(), facts))).toEqual(keysAt('service-resource').map((k) => k.key));
    expect(Object.keys(buildServiceResource(config({ CLITEL_LEVEL: 'minimal' }), facts))).toEqual(keysAt('service-resource', 'minimal').map((k) => k.key));
  });

  it('keeps only service.* at the minimal level', () => {
    expect(buildServiceResource(config({ CLITEL_LEVEL: 'minimal' }), facts)).toEqual({ 'service.name': 'svc', 'service.version': '1.0.0' });
  });
});
