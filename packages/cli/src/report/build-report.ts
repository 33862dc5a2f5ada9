// SPDX-License-Identifier: Apache-2.0
// Runs the report queries on a backend and assembles the Report every output is made from.
import { ATTR_CLITEL_OPTION_PREFIX } from '@clitel/core/internal';
import type { QueryRunner, ResultRow } from '../store/query-runner.js';
import type { AdoptionRow, CommandRow, ErrorRow, GrowthRow, Report, ShareRow, VersionRow } from '../types.js';
import { reportQueries, servicesSql } from './queries.js';
import { detectSpikes, type ErrorCell, type SpikeOptions } from './spikes.js';
import { computeAdoption } from './adoption.js';
import { compareVersions, newestVersion } from './semver.js';
import { addDays, dayOf, daysBetween } from './days.js';

/** What to report on. */
export interface ReportOptions {
  /** Whole UTC days to cover, ending with the day of `until`. */
  days: number;
  /** The last instant included. */
  until: Date;
  /** `service.name` of the tool; default: the tool with the most runs in the window. */
  service?: string;
  /** Thresholds of the spike test. */
  spikes?: SpikeOptions;
}

const num = (value: unknown): number => {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
};
const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
const str = (value: unknown): string => (value == null ? '' : String(value));
const ratio = (part: number, whole: number): number => (whole > 0 ? round(part / whole, 4) : 0);

function cell(row: ResultRow): { runs: number; installations: number; errors: number } {
  return { runs: round(num(row.runs)), installations: round(num(row.installations)), errors: round(num(row.errors)) };
}

function shares(rows: ResultRow[], column: string, totalInstallations: number, totalRuns: number): ShareRow[] {
  return rows.map((row) => {
    const c = cell(row);
    const share = totalInstallations > 0 ? ratio(c.installations, totalInstallations) : ratio(c.runs, totalRuns);
    return { value: str(row[column]), runs: c.runs, installations: c.installations, share };
  });
}

/** The first instant of the window. */
function windowStart(days: number, until: Date): Date {
  return new Date(Date.parse(`${addDays(dayOf(until), -(Math.max(1, days) - 1))}T00:00:00Z`));
}

/** Builds the report for one tool and window. */
export async function buildReport(runner: QueryRunner, options: ReportOptions): Promise<Report> {
  const d = runner.dialect;
  const since = windowStart(options.days, options.until);
  const services = (await runner.query(servicesSql(d, { since, until: options.until }))).map((r) => str(r.service));
  const service = options.service ?? services[0] ?? '';
  const q = reportQueries(d, { since, until: options.until, service });
  const rows: Record<string, ResultRow[]> = {};
  for (const [name, sql] of Object.entries(q)) rows[name] = await runner.query(sql);
  const get = (name: string): ResultRow[] => rows[name] ?? [];

  const t = cell(get('totals')[0] ?? {});
  const commands: CommandRow[] = get('commands').map((r) => ({ command: str(r.command), ...pick(cell(r)), share: ratio(num(r.runs), t.runs) }));
  const commandRuns = new Map(commands.map((c) => [c.command, c.runs]));

  const firstSeen = new Map(get('firstSeen').map((r) => [str(r.first_day), round(num(r.installations))]));
  const growthByDay = new Map(get('growth').map((r) => [str(r.day), cell(r)]));
  const growth: GrowthRow[] = [];
  for (let day = dayOf(since); day <= dayOf(options.until); day = addDays(day, 1)) {
    const c = growthByDay.get(day);
    growth.push({ day, runs: c?.runs ?? 0, installations: c?.installations ?? 0, newInstallations: firstSeen.get(day) ?? 0 });
  }

  const versionRows = get('versions').map((r) => ({ version: str(r.version), ...cell(r) }));
  const latest = new Map(get('latestVersions').map((r) => [str(r.last_version), round(num(r.installations))]));
  const newest = newestVersion(versionRows.map((v) => v.version)) ?? null;
  const isOlder = (v: string): boolean => newest != null && v !== '' && compareVersions(v, newest) < 0;
  const list: VersionRow[] = versionRows
    .map((v) => ({ version: v.version, runs: v.runs, installations: v.installations, share: ratio(v.runs, t.runs), latestInstallations: latest.get(v.version) ?? 0 }))
    .sort((a, b) => compareVersions(b.version, a.version));
  const latestTotal = [...latest.values()].reduce((a, b) => a + b, 0);

  const cells: ErrorCell[] = get('errorCells').map((r) => ({ day: str(r.day), command: str(r.command), version: str(r.version), ...cell(r) }));
  const byVersion = new Map<string, ErrorRow>();
  for (const c of cells) {
    const key = `${c.command}\u0000${c.version}`;
    const row = byVersion.get(key) ?? { command: c.command, version: c.version, runs: 0, errors: 0, errorRate: 0 };
    row.runs = round(row.runs + c.runs);
    row.errors = round(row.errors + c.errors);
    row.errorRate = ratio(row.errors, row.runs);
    byVersion.set(key, row);
  }
  const adoption: AdoptionRow[] = computeAdoption(get('adoption').map((r) => ({ day: str(r.day), version: str(r.last_version), installations: num(r.installations) })))
    .map((a) => ({ ...a, peakShare: round(a.peakShare, 4) }));

  return {
    service,
    services,
    window: { since: since.toISOString(), until: options.until.toISOString(), days: daysBetween(dayOf(since), dayOf(options.until)) + 1 },
    totals: { ...t, errorRate: ratio(t.errors, t.runs) },
    commands,
    options: get('options').map((r) => ({ command: str(r.command), option: str(r.opt), ...pick(cell(r)), share: ratio(num(r.runs), commandRuns.get(str(r.command)) ?? 0) })),
    optionValues: get('optionValues').map((r) => ({ command: str(r.command), option: str(r.okey).slice(ATTR_CLITEL_OPTION_PREFIX.length), value: str(r.val), ...pick(cell(r)) })),
    platforms: {
      os: shares(get('os'), 'os', t.installations, t.runs),
      arch: shares(get('arch'), 'arch', t.installations, t.runs),
      runtime: shares(get('runtime'), 'runtime', t.installations, t.runs),
      channel: shares(get('channel'), 'channel', t.installations, t.runs),
    },
    growth,
    versions: {
      newest,
      list,
      olderRunsShare: ratio(list.filter((v) => isOlder(v.version)).reduce((a, v) => a + v.runs, 0), t.runs),
      olderInstallationsShare: ratio([...latest].filter(([v]) => isOlder(v)).reduce((a, [, n]) => a + n, 0), latestTotal),
    },
    adoption,
    errors: {
      byCommand: commands.map((c) => {
        const errors = cell(get('commands').find((r) => str(r.command) === c.command) ?? {}).errors;
        return { command: c.command, version: '*', runs: c.runs, errors, errorRate: ratio(errors, c.runs) };
      }),
      byCommandVersion: [...byVersion.values()].sort((a, b) => a.command.localeCompare(b.command) || compareVersions(b.version, a.version)),
      types: get('errorTypes').map((r) => ({ command: str(r.command), errorType: str(r.error_type), runs: round(num(r.runs)) })),
      spikes: detectSpikes(cells, options.spikes),
    },
    ci: shares(get('ci'), 'ci', t.installations, t.runs),
    ciProviders: shares(get('ciProviders'), 'ci_provider', t.installations, t.runs).filter((r) => r.value !== ''),
    durations: get('durations').map((r) => ({ command: str(r.command), samples: num(r.samples), p50Ms: round(num(r.p50), 1), p95Ms: round(num(r.p95), 1) })),
  };
}

function pick(c: { runs: number; installations: number }): { runs: number; installations: number } {
  return { runs: c.runs, installations: c.installations };
}
