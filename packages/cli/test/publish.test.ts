// SPDX-License-Identifier: Apache-2.0
// `clitel publish` as a real process: small cells are suppressed, no ids, nothing finer than a day.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/types.js';
import type { PublicAggregates } from '../src/publish/public-aggregates.js';
import { generateRuns, toOtlpRequests, type GeneratedRun } from './helpers/dataset.js';
import { runClitel } from './helpers/clitel-process.js';

const LAST_DAY = '2026-06-30';
const WINDOW = ['--window', '30d', '--until', LAST_DAY];

describe('clitel publish', () => {
  let dir: string;
  let runs: GeneratedRun[];
  let report: Report;
  let data: PublicAggregates;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clitel-publish-'));
    runs = generateRuns({ lastDay: LAST_DAY, days: 30, installations: 45, seed: 5 });
    // A rare value used by only two installations: it must not be published.
    const deploys = runs.filter((r) => r.command === 'deploy');
    const rare = [deploys[0], deploys.find((r) => r.installation !== deploys[0]?.installation)].map((r) => ({ ...(r as GeneratedRun), values: { env: 'qa' } }));
    runs = [...runs, ...rare];
    writeFileSync(join(dir, 'spans.json'), toOtlpRequests(runs).map((r) => JSON.stringify(r)).join('\n'));
    await runClitel(['ingest', 'spans.json', '--db', 'p.duckdb'], { cwd: dir });
    report = JSON.parse((await runClitel(['report', '--db', 'p.duckdb', '--since', '30d', '--until', LAST_DAY, '--json'], { cwd: dir })).stdout) as Report;
    const result = await runClitel(['publish', '--db', 'p.duckdb', ...WINDOW, '--min-installations', '10', '--out', 'public', '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    data = JSON.parse(readFileSync(join(dir, 'public', 'aggregates.json'), 'utf8')) as PublicAggregates;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('publishes no cell counted from fewer than 10 installations', () => {
    for (const table of data.tables) for (const row of table.rows) expect(row.installations).toBeGreaterThanOrEqual(10);
    expect(data.totals).toEqual({ installations: report.totals.installations, runs: report.totals.runs });
  });

  it('suppresses the small cells the report has, and says how many', () => {
    const small = report.optionValues.filter((v) => v.installations < 10);
    expect(small.map((v) => v.value)).toContain('qa');
    const values = data.tables.find((t) => t.name === 'option_values');
    for (const cell of small) expect(values?.rows.some((r) => r.option === cell.option && r.value === cell.value)).toBe(false);
    expect(values?.suppressed).toBeGreaterThanOrEqual(small.length);
    const daily = data.tables.find((t) => t.name === 'daily');
    expect(daily?.rows.map((r) => r.day)).toEqual(report.growth.filter((g) => g.installations >= 10).map((g) => g.day));
  });

  it('writes CSV and a static page with no ids and nothing finer than a day', () => {
    const files = readdirSync(join(dir, 'public')).sort();
    expect(files).toContain('index.html');
    expect(files).toContain('commands.csv');
    const csv = readFileSync(join(dir, 'public', 'commands.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('command,installations,runs');
    expect(csv.length - 1).toBe(data.tables.find((t) => t.name === 'commands')?.rows.length);
    for (const file of files) {
      const text = readFileSync(join(dir, 'public', file), 'utf8');
      for (const id of new Set(runs.map((r) => r.installation))) expect(text).not.toContain(id);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
      expect(text).not.toMatch(/<script/);
    }
  });

  it('refuses a threshold below 2', async () => {
    const bad = await runClitel(['publish', '--db', 'p.duckdb', '--min-installations', '1', '--json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error.code).toBe('clitel.cli.usage');
  });
});
