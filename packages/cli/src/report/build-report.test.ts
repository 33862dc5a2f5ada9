// SPDX-License-Identifier: Apache-2.0
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRuns, installations, quantile, toOtlpRequests, type GeneratedRun } from '../../test/helpers/dataset.js';
import { decodeTraceRequestObject } from '../otlp/decode-json.js';
import { openDuckDbStore, type DuckDbStore } from '../store/duckdb-store.js';
import { buildReport } from './build-report.js';
import type { Report } from '../types.js';

const LAST_DAY = '2026-03-14';
const until = new Date(`${LAST_DAY}T23:59:59.999Z`);

describe('buildReport on DuckDB', () => {
  let dir: string;
  let store: DuckDbStore;
  let runs: GeneratedRun[];
  let report: Report;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clitel-report-'));
    store = await openDuckDbStore(join(dir, 'r.duckdb'), { create: true });
    runs = generateRuns({ lastDay: LAST_DAY, days: 14, installations: 40, spikeDay: 12 });
    for (const request of toOtlpRequests(runs)) await store.insert(decodeTraceRequestObject(request));
    report = await buildReport(store, { days: 14, until });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts runs and installations', () => {
    expect(report.service).toBe('acme');
    expect(report.totals.runs).toBe(runs.length);
    expect(report.totals.installations).toBe(installations(runs));
    expect(report.totals.errors).toBe(runs.filter((r) => r.exitCode !== 0).length);
  });

  it('ranks commands with their installations', () => {
    const commands = [...new Set(runs.map((r) => r.command))];
    for (const command of commands) {
      const these = runs.filter((r) => r.command === command);
      expect(report.commands.find((c) => c.command === command)).toMatchObject({ runs: these.length, installations: installations(these) });
    }
    expect(report.commands.map((c) => c.runs)).toEqual([...report.commands.map((c) => c.runs)].sort((a, b) => b - a));
  });

  it('counts options and option values', () => {
    const force = runs.filter((r) => r.command === 'deploy' && r.options.includes('force'));
    expect(report.options.find((o) => o.command === 'deploy' && o.option === 'force')).toMatchObject({ runs: force.length, installations: installations(force) });
    const prod = runs.filter((r) => r.values.env === 'prod');
    expect(report.optionValues.find((o) => o.option === 'env' && o.value === 'prod')).toMatchObject({ runs: prod.length, installations: installations(prod) });
    expect(report.options.find((o) => o.option === 'template')?.runs).toBe(runs.filter((r) => r.options.includes('template')).length);
  });

  it('gives platform shares by installation', () => {
    const linux = runs.filter((r) => r.os === 'linux');
    expect(report.platforms.os.find((o) => o.value === 'linux')).toMatchObject({ runs: linux.length, installations: installations(linux) });
    const node22 = runs.filter((r) => r.node.startsWith('22.'));
    expect(report.platforms.runtime.find((o) => o.value === 'nodejs 22')?.installations).toBe(installations(node22));
  });

  it('gives daily active installations and runs', () => {
    expect(report.growth).toHaveLength(14);
    for (const row of report.growth) {
      const these = runs.filter((r) => r.day === row.day);
      expect(row).toMatchObject({ runs: these.length, installations: installations(these) });
    }
    const first = new Map<string, string>();
    for (const r of [...runs].sort((a, b) => a.day.localeCompare(b.day))) if (!first.has(r.installation)) first.set(r.installation, r.day);
    expect(report.growth.reduce((a, g) => a + g.newInstallations, 0)).toBe(first.size);
  });

  it('measures runs on old versions', () => {
    expect(report.versions.newest).toBe('1.4.0');
    const older = runs.filter((r) => r.version !== '1.4.0').length;
    expect(report.versions.olderRunsShare).toBeCloseTo(older / runs.length, 3);
  });

  it('reports error rates, durations and a spike of the new version', () => {
    const deploy = runs.filter((r) => r.command === 'deploy');
    const errors = deploy.filter((r) => r.exitCode !== 0).length;
    expect(report.errors.byCommand.find((e) => e.command === 'deploy')).toMatchObject({ runs: deploy.length, errors });
    const durations = deploy.map((r) => r.durationMs);
    const row = report.durations.find((d) => d.command === 'deploy');
    expect(row?.p50Ms).toBeCloseTo(quantile(durations, 0.5), 0);
    expect(row?.p95Ms).toBeCloseTo(quantile(durations, 0.95), 0);
    expect(report.errors.spikes.some((s) => s.command === 'deploy' && s.day === '2026-03-13')).toBe(true);
  });
});
