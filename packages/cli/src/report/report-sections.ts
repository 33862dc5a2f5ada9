// SPDX-License-Identifier: Apache-2.0
// The report as titled tables of text, shared by the terminal and Markdown renderers.
import type { Report, ShareRow } from '../types.js';

/** One titled table. */
export interface Section {
  title: string;
  /** A sentence under the title. */
  note?: string;
  headers: string[];
  rows: string[][];
}

/** How a command is shown: the root command has an empty path. */
function commandLabel(command: string): string {
  return command === '' ? '(root)' : command;
}

/** A fraction as a percentage with one decimal. */
function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** A count: integers as is, scaled (sampled) counts with one decimal. */
function count(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function shareSection(title: string, rows: ShareRow[], label: string): Section {
  return {
    title,
    headers: [label, 'installations', 'share', 'runs'],
    rows: rows.map((r) => [r.value === '' ? '(unknown)' : r.value, count(r.installations), percent(r.share), count(r.runs)]),
  };
}

function fromFirstRun(growth: Report['growth']): Report['growth'] {
  const first = growth.findIndex((g) => g.runs > 0);
  return first < 0 ? [] : growth.slice(first);
}

/** Splits the report into sections, in reading order. */
export function reportSections(report: Report): Section[] {
  const t = report.totals;
  const v = report.versions;
  return [
    {
      title: 'Summary',
      headers: ['measure', 'value'],
      rows: [
        ['tool', report.service === '' ? '(no data)' : report.service],
        ['window', `${report.window.since.slice(0, 10)} to ${report.window.until.slice(0, 10)} (${report.window.days} days)`],
        ['runs', count(t.runs)],
        ['installations', count(t.installations)],
        ['errors', `${count(t.errors)} (${percent(t.errorRate)})`],
        ['newest version', v.newest ?? '-'],
        ['runs on older versions', percent(v.olderRunsShare)],
        ['installations on older versions', percent(v.olderInstallationsShare)],
      ],
    },
    {
      title: 'Most used commands',
      headers: ['command', 'runs', 'installations', 'share of runs'],
      rows: report.commands.map((c) => [commandLabel(c.command), count(c.runs), count(c.installations), percent(c.share)]),
    },
    {
      title: 'Options',
      headers: ['command', 'option', 'runs', 'installations', 'share of command runs'],
      rows: report.options.map((o) => [commandLabel(o.command), `--${o.option}`, count(o.runs), count(o.installations), percent(o.share)]),
    },
    {
      title: 'Option values',
      headers: ['command', 'option', 'value', 'runs', 'installations'],
      rows: report.optionValues.map((o) => [commandLabel(o.command), `--${o.option}`, o.value, count(o.runs), count(o.installations)]),
    },
    shareSection('Operating systems', report.platforms.os, 'os'),
    shareSection('Architectures', report.platforms.arch, 'arch'),
    shareSection('Runtimes', report.platforms.runtime, 'runtime'),
    shareSection('Install channels', report.platforms.channel, 'channel'),
    shareSection('CI versus interactive', report.ci, 'where'),
    {
      title: 'Growth (UTC days)',
      headers: ['day', 'active installations', 'runs', 'new installations'],
      note: 'from the first day with runs',
      rows: fromFirstRun(report.growth).map((g) => [g.day, count(g.installations), count(g.runs), count(g.newInstallations)]),
    },
    {
      title: 'Versions',
      note: 'latest = installations whose last run in the window used this version',
      headers: ['version', 'runs', 'share of runs', 'installations', 'latest'],
      rows: v.list.map((r) => [r.version === '' ? '(unknown)' : r.version, count(r.runs), percent(r.share), count(r.installations), count(r.latestInstallations)]),
    },
    {
      title: 'Version adoption',
      note: 'days from first sighting until half of the active installations of a day ran it or newer',
      headers: ['version', 'first seen', 'days to half', 'peak share'],
      rows: report.adoption.map((a) => [a.version, a.firstSeen, a.daysToHalf == null ? 'not yet' : String(a.daysToHalf), percent(a.peakShare)]),
    },
    {
      title: 'Errors by command',
      headers: ['command', 'runs', 'errors', 'error rate'],
      rows: report.errors.byCommand.map((e) => [commandLabel(e.command), count(e.runs), count(e.errors), percent(e.errorRate)]),
    },
    {
      title: 'Errors by command and version',
      headers: ['command', 'version', 'runs', 'errors', 'error rate'],
      rows: report.errors.byCommandVersion.filter((e) => e.errors > 0).map((e) => [commandLabel(e.command), e.version, count(e.runs), count(e.errors), percent(e.errorRate)]),
    },
    {
      title: 'Error spikes',
      note: 'days whose error rate is at least twice the trailing 7-day rate of the command and 3 standard errors above it',
      headers: ['day', 'command', 'version', 'runs', 'errors', 'error rate', 'baseline'],
      rows: report.errors.spikes.map((s) => [s.day, commandLabel(s.command), s.version === '*' ? 'all' : s.version, count(s.runs), count(s.errors), percent(s.errorRate), percent(s.baselineRate)]),
    },
    {
      title: 'Run time',
      headers: ['command', 'runs measured', 'p50 ms', 'p95 ms'],
      rows: report.durations.map((d) => [commandLabel(d.command), String(d.samples), d.p50Ms.toFixed(1), d.p95Ms.toFixed(1)]),
    },
  ];
}
