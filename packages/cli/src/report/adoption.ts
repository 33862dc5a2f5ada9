// SPDX-License-Identifier: Apache-2.0
// Version adoption: for each version, the days from its first sighting until at least half of a
// day's active installations ran it or a newer version (each installation counted once per day,
// at the last version it ran that day).
import type { AdoptionRow } from '../types.js';
import { compareVersions } from './semver.js';
import { daysBetween } from './days.js';

/** Installations per day by the last version they ran that day. */
export interface DailyVersionCell {
  day: string;
  version: string;
  installations: number;
}

/** Computes the adoption of every version, oldest version first. */
export function computeAdoption(cells: readonly DailyVersionCell[]): AdoptionRow[] {
  const days = [...new Set(cells.map((c) => c.day))].sort();
  const versions = [...new Set(cells.map((c) => c.version).filter((v) => v !== ''))].sort(compareVersions);
  const byDay = new Map<string, DailyVersionCell[]>();
  for (const c of cells) byDay.set(c.day, [...(byDay.get(c.day) ?? []), c]);
  return versions.map((version) => {
    const firstSeen = days.find((d) => (byDay.get(d) ?? []).some((c) => c.version === version && c.installations > 0)) as string;
    let daysToHalf: number | null = null;
    let peakShare = 0;
    for (const day of days.filter((d) => d >= firstSeen)) {
      const today = byDay.get(day) ?? [];
      const total = today.reduce((sum, c) => sum + c.installations, 0);
      const atLeast = today.filter((c) => c.version !== '' && compareVersions(c.version, version) >= 0).reduce((sum, c) => sum + c.installations, 0);
      const share = total > 0 ? atLeast / total : 0;
      peakShare = Math.max(peakShare, share);
      if (daysToHalf == null && share >= 0.5) daysToHalf = daysBetween(firstSeen, day);
    }
    return { version, firstSeen, daysToHalf, peakShare };
  });
}
