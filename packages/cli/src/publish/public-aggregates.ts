// SPDX-License-Identifier: Apache-2.0
// Public aggregates from a report, k-anonymous: a cell counted from fewer than `minInstallations`
// installations is suppressed, and when a table would have exactly one suppressed cell the next
// smallest is suppressed too, so it cannot be recovered from the total by subtraction. No ids, no
// time finer than a day, runs rounded to whole numbers.
import type { Report } from '../types.js';

/** One published row: its dimension values and counts. */
interface PublicRow {
  [dimension: string]: string | number;
  installations: number;
  runs: number;
}

/** One published table. */
export interface PublicTable {
  /** File-safe name, e.g. `commands`. */
  name: string;
  title: string;
  dimensions: string[];
  rows: PublicRow[];
  /** How many cells were suppressed (their values are not published). */
  suppressed: number;
}

/** Everything `clitel publish` writes. */
export interface PublicAggregates {
  tool: string;
  /** Whole UTC days. */
  window: { from: string; to: string; days: number };
  minInstallations: number;
  /** Totals, or null when the whole window has fewer installations than the threshold. */
  totals: { installations: number; runs: number } | null;
  tables: PublicTable[];
}

interface Candidate { dims: Record<string, string>; installations: number; runs: number; extra?: Record<string, number> }

function table(name: string, title: string, dimensions: string[], candidates: Candidate[], k: number): PublicTable {
  const small = new Set(candidates.filter((c) => c.installations < k));
  if (small.size === 1 && candidates.length > 1) {
    const next = candidates.filter((c) => !small.has(c)).sort((a, b) => a.installations - b.installations)[0];
    if (next != null) small.add(next);
  }
  const rows = candidates
    .filter((c) => !small.has(c))
    .map((c) => ({ ...c.dims, installations: Math.round(c.installations), runs: Math.round(c.runs), ...(c.extra ?? {}) }) as PublicRow);
  return { name, title, dimensions, rows, suppressed: small.size };
}

const label = (command: string): string => (command === '' ? '(root)' : command);

/** Builds the public aggregates of a report with threshold `k`. */
export function buildPublicAggregates(report: Report, k: number): PublicAggregates {
  const commandInstallations = new Map(report.commands.map((c) => [c.command, c.installations]));
  const pass = (command: string): boolean => (commandInstallations.get(command) ?? 0) >= k;
  const shares = (name: string, title: string, rows: { value: string; installations: number; runs: number }[]): PublicTable =>
    table(name, title, [name], rows.map((r) => ({ dims: { [name]: r.value === '' ? '(unknown)' : r.value }, installations: r.installations, runs: r.runs })), k);
  const tables = [
    table('commands', 'Commands', ['command'], report.commands.map((c) => ({ dims: { command: label(c.command) }, installations: c.installations, runs: c.runs })), k),
    table('options', 'Options', ['command', 'option'], report.options.map((o) => ({ dims: { command: label(o.command), option: o.option }, installations: o.installations, runs: o.runs })), k),
    table('option_values', 'Option values', ['command', 'option', 'value'], report.optionValues.map((o) => ({ dims: { command: label(o.command), option: o.option, value: o.value }, installations: o.installations, runs: o.runs })), k),
    shares('os', 'Operating systems', report.platforms.os),
    shares('arch', 'Architectures', report.platforms.arch),
    shares('runtime', 'Runtimes', report.platforms.runtime),
    shares('ci', 'CI versus interactive', report.ci),
    table('versions', 'Versions (installations by their latest version)', ['version'], report.versions.list.map((v) => ({ dims: { version: v.version === '' ? '(unknown)' : v.version }, installations: v.latestInstallations, runs: v.runs })), k),
    table('daily', 'Daily active installations', ['day'], report.growth.map((g) => ({ dims: { day: g.day }, installations: g.installations, runs: g.runs })), k),
    table('errors', 'Error rate per command', ['command'], report.errors.byCommand.filter((e) => pass(e.command)).map((e) => ({
      dims: { command: label(e.command) }, installations: commandInstallations.get(e.command) ?? 0, runs: e.runs, extra: { errors: Math.round(e.errors), error_rate: e.errorRate },
    })), k),
    table('durations', 'Run time per command (ms)', ['command'], report.durations.filter((d) => pass(d.command)).map((d) => ({
      dims: { command: label(d.command) }, installations: commandInstallations.get(d.command) ?? 0, runs: report.commands.find((c) => c.command === d.command)?.runs ?? 0, extra: { p50_ms: d.p50Ms, p95_ms: d.p95Ms },
    })), k),
  ];
  return {
    tool: report.service,
    window: { from: report.window.since.slice(0, 10), to: report.window.until.slice(0, 10), days: report.window.days },
    minInstallations: k,
    totals: report.totals.installations >= k ? { installations: Math.round(report.totals.installations), runs: Math.round(report.totals.runs) } : null,
    tables,
  };
}
