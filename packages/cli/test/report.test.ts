// SPDX-License-Identifier: Apache-2.0
// `clitel ingest` + `clitel report` as real processes on a generated data set with known answers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/types.js';
import { generateRuns, installations, quantile, toOtlpRequests, type GeneratedRun } from './helpers/dataset.js';
import { runClitel } from './helpers/clitel-process.js';

const LAST_DAY = '2026-05-20';

describe('clitel ingest and report', () => {
  let dir: string;
  let runs: GeneratedRun[];
  let report: Report;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clitel-report-'));
    runs = generateRuns({ lastDay: LAST_DAY, days: 21, installations: 60, seed: 11, spikeDay: 19 });
    const lines = toOtlpRequests(runs).map((r) => JSON.stringify(r));
    lines.splice(3, 0, JSON.stringify({ resourceMetrics: [] }), '', JSON.stringify({ resourceLogs: [] }));
    writeFileSync(join(dir, 'spans.json'), `${lines.join('\n')}\n`);
    const ingest = await runClitel(['ingest', 'spans.json', '--db', 'r.duckdb', '--json'], { cwd: dir });
    expect(ingest.code).toBe(0);
    expect(JSON.parse(ingest.stdout)).toMatchObject({ spans: runs.length, stored: runs.length, metricPoints: 0, skippedLines: 1 });
    const result = await runClitel(['report', '--db', 'r.duckdb', '--since', '21d', '--until', LAST_DAY, '--json'], { cwd: dir });
    expect(result.stderr).toBe('');
    report = JSON.parse(result.stdout) as Report;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ingesting the same file again stores nothing new', async () => {
    const again = await runClitel(['ingest', 'spans.json', '--db', 'r.duckdb', '--json'], { cwd: dir });
    expect(JSON.parse(again.stdout)).toMatchObject({ spans: runs.length, stored: 0, duplicates: runs.length });
  });

  it('a corrupt line stops the load and stores nothing', async () => {
    writeFileSync(join(dir, 'corrupt.json'), `${JSON.stringify(toOtlpRequests(runs.slice(0, 5))[0])}\n{"resourceSpans": [ broken\n`);
    const bad = await runClitel(['ingest', 'corrupt.json', '--db', 'c.duckdb', '--json'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).error.code).toBe('clitel.ingest.corrupt');
    expect(bad.stderr).toContain('line 2');
    const empty = await runClitel(['report', '--db', 'c.duckdb', '--json'], { cwd: dir });
    expect((JSON.parse(empty.stdout) as Report).totals.runs).toBe(0);
    const missing = await runClitel(['ingest', 'nothing.json', '--db', 'c.duckdb', '--json'], { cwd: dir });
    expect(JSON.parse(missing.stdout).error.code).toBe('clitel.ingest.missing');
  });

  it('counts runs, installations, commands, options and values exactly', () => {
    expect(report.totals).toMatchObject({ runs: runs.length, installations: installations(runs), errors: runs.filter((r) => r.exitCode !== 0).length });
    for (const c of report.commands) {
      const these = runs.filter((r) => r.command === c.command);
      expect(c).toMatchObject({ runs: these.length, installations: installations(these) });
    }
    expect(report.commands.reduce((a, c) => a + c.runs, 0)).toBe(runs.length);
    for (const o of report.options) {
      const these = runs.filter((r) => r.command === o.command && r.options.includes(o.option));
      expect(o).toMatchObject({ runs: these.length, installations: installations(these) });
    }
    for (const v of report.optionValues) {
      const these = runs.filter((r) => r.command === v.command && r.values[v.option] === v.value);
      expect(v).toMatchObject({ runs: these.length, installations: installations(these) });
    }
  });

  it('gives platform, CI and daily numbers exactly', () => {
    for (const os of report.platforms.os) expect(os.installations).toBe(installations(runs.filter((r) => r.os === os.value)));
    for (const arch of report.platforms.arch) expect(arch.runs).toBe(runs.filter((r) => r.arch === arch.value).length);
    expect(report.ci.find((c) => c.value === 'ci')?.installations).toBe(installations(runs.filter((r) => r.ci)));
    expect(report.ci.find((c) => c.value === 'interactive')?.runs).toBe(runs.filter((r) => !r.ci).length);
    expect(report.growth).toHaveLength(21);
    for (const g of report.growth) {
      const these = runs.filter((r) => r.day === g.day);
      expect([g.runs, g.installations]).toEqual([these.length, installations(these)]);
    }
  });

  it('measures old versions, adoption, error spikes and run time', () => {
    expect(report.versions.newest).toBe('1.4.0');
    expect(report.versions.olderRunsShare).toBeCloseTo(runs.filter((r) => r.version !== '1.4.0').length / runs.length, 4);
    const latest = new Map<string, GeneratedRun>();
    for (const r of [...runs].sort((a, b) => a.day.localeCompare(b.day) || a.second - b.second)) latest.set(r.installation, r);
    const older = [...latest.values()].filter((r) => r.version !== '1.4.0').length;
    expect(report.versions.olderInstallationsShare).toBeCloseTo(older / latest.size, 4);
    expect(report.adoption.map((a) => a.version)).toEqual(['1.2.0', '1.3.0', '1.4.0']);
    expect(report.adoption[0]?.daysToHalf).toBe(0);
    const spikeDay = '2026-05-19';
    expect(report.errors.spikes.some((s) => s.day === spikeDay && s.command === 'deploy')).toBe(true);
    expect(report.errors.spikes.every((s) => s.command === 'deploy' || s.command === 'fail')).toBe(true);
    for (const d of report.durations) {
      const ms = runs.filter((r) => r.command === d.command).map((r) => r.durationMs);
      expect(d.samples).toBe(ms.length);
      expect(d.p50Ms).toBeCloseTo(quantile(ms, 0.5), 0);
      expect(d.p95Ms).toBeCloseTo(quantile(ms, 0.95), 0);
    }
  });

  it('prints the same report as a table and as Markdown', async () => {
    const table = await runClitel(['report', '--db', 'r.duckdb', '--since', '21d', '--until', LAST_DAY], { cwd: dir });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Most used commands');
    expect(table.stdout).not.toContain('\u001b['); // no colour off a terminal
    const md = await runClitel(['report', '--db', 'r.duckdb', '--since', '21d', '--until', LAST_DAY, '--format', 'md'], { cwd: dir });
    expect(md.stdout).toContain(`| deploy | ${report.commands.find((c) => c.command === 'deploy')?.runs} |`);
    const bad = await runClitel(['report', '--db', 'r.duckdb', '--format', 'xml'], { cwd: dir });
    expect(bad.code).toBe(2);
  });

  it('scales counts by clitel.sample_rate', async () => {
    const sampled = runs.slice(0, 40).map((r) => ({ ...r, sampleRate: 0.25 }));
    writeFileSync(join(dir, 'sampled.json'), `${toOtlpRequests(sampled).map((r) => JSON.stringify(r)).join('\n')}\n`);
    await runClitel(['ingest', 'sampled.json', '--db', 's.duckdb'], { cwd: dir });
    const result = JSON.parse((await runClitel(['report', '--db', 's.duckdb', '--since', '21d', '--until', LAST_DAY, '--json'], { cwd: dir })).stdout) as Report;
    expect(result.totals.runs).toBe(160);
    expect(result.totals.installations).toBe(installations(sampled) * 4);
  });
});
