// SPDX-License-Identifier: Apache-2.0
// Error spikes: a day whose error rate for a command (overall, and per version) is well above the
// command's pooled error rate over the trailing baseline days. "Well above" means at least `ratio`
// times the baseline and more than `z` binomial standard errors over it, with enough runs and errors
// that one unlucky run does not count.
import type { SpikeRow } from '../types.js';
import { addDays } from './days.js';

/** One (day, command, version) group. */
export interface ErrorCell {
  day: string;
  command: string;
  version: string;
  runs: number;
  errors: number;
}

/** Thresholds of the spike test. */
export interface SpikeOptions {
  /** Trailing days that form the baseline. Default 7. */
  baselineDays?: number;
  /** Runs the baseline needs. Default 10. */
  minBaselineRuns?: number;
  /** Runs the day needs. Default 5. */
  minRuns?: number;
  /** Errors the day needs. Default 3. */
  minErrors?: number;
  /** Standard errors above the baseline. Default 3. */
  z?: number;
  /** Times the baseline rate. Default 2. */
  ratio?: number;
}

const DEFAULTS: Required<SpikeOptions> = { baselineDays: 7, minBaselineRuns: 10, minRuns: 5, minErrors: 3, z: 3, ratio: 2 };

/** Finds the spikes among the cells, newest day first. */
export function detectSpikes(cells: readonly ErrorCell[], options: SpikeOptions = {}): SpikeRow[] {
  const o = { ...DEFAULTS, ...options };
  const perCommandDay = new Map<string, { runs: number; errors: number }>();
  for (const c of cells) {
    const key = `${c.command}\u0000${c.day}`;
    const total = perCommandDay.get(key) ?? { runs: 0, errors: 0 };
    total.runs += c.runs;
    total.errors += c.errors;
    perCommandDay.set(key, total);
  }
  const candidates: ErrorCell[] = [...cells];
  for (const [key, total] of perCommandDay) {
    const [command, day] = key.split('\u0000') as [string, string];
    candidates.push({ day, command, version: '*', ...total });
  }
  const spikes: SpikeRow[] = [];
  for (const c of candidates) {
    if (c.runs < o.minRuns || c.errors < o.minErrors) continue;
    if (c.version !== '*') {
      const all = perCommandDay.get(`${c.command}\u0000${c.day}`);
      if (all != null && all.runs === c.runs && all.errors === c.errors) continue; // same as the '*' row
    }
    let runs = 0;
    let errors = 0;
    for (let back = 1; back <= o.baselineDays; back++) {
      const b = perCommandDay.get(`${c.command}\u0000${addDays(c.day, -back)}`);
      if (b != null) {
        runs += b.runs;
        errors += b.errors;
      }
    }
    if (runs < o.minBaselineRuns) continue;
    const baseline = errors / runs;
    const rate = c.errors / c.runs;
    const threshold = baseline + o.z * Math.sqrt((baseline * (1 - baseline)) / c.runs);
    if (rate >= o.ratio * baseline && rate > threshold) {
      spikes.push({ day: c.day, command: c.command, version: c.version, runs: c.runs, errors: c.errors, errorRate: rate, baselineRate: baseline });
    }
  }
  return spikes.sort((a, b) => (a.day === b.day ? b.errors - a.errors || a.version.localeCompare(b.version) : a.day < b.day ? 1 : -1));
}
