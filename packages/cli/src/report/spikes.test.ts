// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { detectSpikes, type ErrorCell } from './spikes.js';
import { computeAdoption } from './adoption.js';

const days = (n: number): string[] => Array.from({ length: n }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`);

describe('detectSpikes', () => {
  const steady: ErrorCell[] = days(9).map((day) => ({ day, command: 'deploy', version: '1.0.0', runs: 40, errors: 2 }));

  it('finds a day well above the trailing baseline, per version and overall', () => {
    const cells = [...steady, { day: '2026-01-10', command: 'deploy', version: '1.0.0', runs: 30, errors: 1 }, { day: '2026-01-10', command: 'deploy', version: '1.1.0', runs: 20, errors: 9 }];
    const spikes = detectSpikes(cells);
    expect(spikes.map((s) => [s.day, s.version])).toEqual([['2026-01-10', '*'], ['2026-01-10', '1.1.0']]);
    expect(spikes[0]?.baselineRate).toBeCloseTo(0.05, 5);
  });

  it('ignores normal noise, small samples and days without a baseline', () => {
    expect(detectSpikes([...steady, { day: '2026-01-10', command: 'deploy', version: '1.0.0', runs: 40, errors: 4 }])).toEqual([]);
    expect(detectSpikes([...steady, { day: '2026-01-10', command: 'deploy', version: '1.0.0', runs: 3, errors: 3 }])).toEqual([]);
    expect(detectSpikes([{ day: '2026-01-01', command: 'init', version: '1.0.0', runs: 50, errors: 40 }])).toEqual([]);
  });
});

describe('computeAdoption', () => {
  it('counts days until half of the active installations run the version or newer', () => {
    const cells = [
      { day: '2026-01-01', version: '1.0.0', installations: 10 },
      { day: '2026-01-02', version: '1.0.0', installations: 9 }, { day: '2026-01-02', version: '1.1.0', installations: 1 },
      { day: '2026-01-03', version: '1.0.0', installations: 6 }, { day: '2026-01-03', version: '1.1.0', installations: 4 },
      { day: '2026-01-05', version: '1.0.0', installations: 3 }, { day: '2026-01-05', version: '1.1.0', installations: 7 },
    ];
    expect(computeAdoption(cells)).toEqual([
      { version: '1.0.0', firstSeen: '2026-01-01', daysToHalf: 0, peakShare: 1 },
      { version: '1.1.0', firstSeen: '2026-01-02', daysToHalf: 3, peakShare: 0.7 },
    ]);
  });
});
