// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import type { Report, ShareRow } from '../types.js';
import { buildPublicAggregates } from './public-aggregates.js';

function report(os: ShareRow[]): Report {
  const empty = { runs: 0, installations: 0 };
  return {
    service: 'acme', services: ['acme'], window: { since: '2026-01-01T00:00:00.000Z', until: '2026-01-30T23:59:59.999Z', days: 30 },
    totals: { runs: 100, installations: 40, errors: 0, errorRate: 0 }, commands: [], options: [], optionValues: [],
    platforms: { os, arch: [], runtime: [], channel: [] }, growth: [], adoption: [], ci: [], ciProviders: [], durations: [],
    versions: { newest: null, list: [], olderRunsShare: 0, olderInstallationsShare: 0 },
    errors: { byCommand: [], byCommandVersion: [], types: [], spikes: [] },
    ...{ _unused: empty },
  } as Report;
}

const row = (value: string, installations: number): ShareRow => ({ value, installations, runs: installations * 3, share: installations / 40 });

describe('buildPublicAggregates', () => {
  it('drops cells under the threshold', () => {
    const data = buildPublicAggregates(report([row('linux', 20), row('darwin', 12), row('windows', 5), row('freebsd', 3)]), 10);
    const os = data.tables.find((t) => t.name === 'os');
    expect(os?.rows.map((r) => r.os)).toEqual(['linux', 'darwin']);
    expect(os?.suppressed).toBe(2);
  });

  it('suppresses one more cell when a single small one could be recovered from the total', () => {
    const data = buildPublicAggregates(report([row('linux', 20), row('darwin', 12), row('windows', 8)]), 10);
    const os = data.tables.find((t) => t.name === 'os');
    expect(os?.rows.map((r) => r.os)).toEqual(['linux']);
    expect(os?.suppressed).toBe(2);
  });

  it('publishes no totals when the whole window is under the threshold', () => {
    const small = { ...report([]), totals: { runs: 30, installations: 4, errors: 0, errorRate: 0 } };
    expect(buildPublicAggregates(small, 10).totals).toBeNull();
  });
});
