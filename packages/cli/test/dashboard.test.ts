// SPDX-License-Identifier: Apache-2.0
// The dashboard in real headless Chromium: it loads from disk with no console errors, and the
// figures and chart data on the page equal `clitel report --json`. Saves a screenshot.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import type { Report } from '../src/types.js';
import { generateRuns, toOtlpRequests } from './helpers/dataset.js';
import { BIN, cleanEnv, runClitel } from './helpers/clitel-process.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../../test/.artifacts/', import.meta.url));
const LAST_DAY = '2026-04-30';
const WINDOW = ['--since', '14d', '--until', LAST_DAY];

describe('clitel dashboard', () => {
  let dir: string;
  let report: Report;
  let browser: BrowserContext | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clitel-dashboard-'));
    const runs = generateRuns({ lastDay: LAST_DAY, days: 14, installations: 30, seed: 3, spikeDay: 12 });
    writeFileSync(join(dir, 'spans.json'), toOtlpRequests(runs).map((r) => JSON.stringify(r)).join('\n'));
    expect((await runClitel(['ingest', 'spans.json', '--db', 'd.duckdb'], { cwd: dir })).code).toBe(0);
    report = JSON.parse((await runClitel(['report', '--db', 'd.duckdb', ...WINDOW, '--json'], { cwd: dir })).stdout) as Report;
    const written = await runClitel(['dashboard', '--db', 'd.duckdb', ...WINDOW, '--out', 'out', '--json'], { cwd: dir });
    expect(written.code).toBe(0);
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the page, its data and the bundled Chart.js, with no remote URLs', async () => {
    for (const file of ['index.html', 'report.json', 'chart.umd.min.js']) expect(existsSync(join(dir, 'out', file))).toBe(true);
    const html = await import('node:fs').then((fs) => fs.readFileSync(join(dir, 'out', 'index.html'), 'utf8'));
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it.skipIf(!existsSync(CHROMIUM))('renders in headless Chromium with the report\'s numbers (needs /usr/bin/chromium; .ci/run installs it)', async () => {
    // A fresh profile directory per run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => { if (!request.url().startsWith('file:')) errors.push(`network request to ${request.url()}`); });
    await page.goto(pathToFileURL(join(dir, 'out', 'index.html')).href);
    await page.waitForSelector('body[data-ready="true"]');
    expect(errors).toEqual([]);

    const figures = await page.$$eval('[data-metric]', (els) => Object.fromEntries(els.map((el) => [el.getAttribute('data-metric'), el.textContent])));
    const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
    expect(figures).toEqual({
      'totals.runs': String(report.totals.runs),
      'totals.installations': String(report.totals.installations),
      'totals.errors': String(report.totals.errors),
      'totals.errorRate': pct(report.totals.errorRate),
      'versions.newest': report.versions.newest,
      'versions.olderRunsShare': pct(report.versions.olderRunsShare),
      'versions.olderInstallationsShare': pct(report.versions.olderInstallationsShare),
    });
    const chart = (id: string): Promise<{ labels: unknown[]; data: unknown[][] }> => page.evaluate((canvas) => {
      const c = (globalThis as unknown as { Chart: { getChart(id: string): { data: { labels: unknown[]; datasets: { data: unknown[] }[] } } } }).Chart.getChart(canvas);
      return { labels: c.data.labels, data: c.data.datasets.map((d) => d.data) };
    }, id);
    const label = (c: string): string => (c === '' ? '(root)' : c);
    expect(await chart('chart-commands')).toEqual({ labels: report.commands.map((c) => label(c.command)), data: [report.commands.map((c) => c.runs), report.commands.map((c) => c.installations)] });
    expect(await chart('chart-growth')).toEqual({ labels: report.growth.map((g) => g.day), data: [report.growth.map((g) => g.installations), report.growth.map((g) => g.runs), report.growth.map((g) => g.newInstallations)] });
    expect((await chart('chart-os')).data[0]).toEqual(report.platforms.os.map((o) => o.installations));
    expect((await chart('chart-versions')).data[0]).toEqual(report.versions.list.map((v) => v.latestInstallations));
    expect((await chart('chart-durations')).data[1]).toEqual(report.durations.map((d) => d.p95Ms));
    const spikeRows = await page.$$eval('#table-spikes tbody tr', (rows) => rows.map((r) => r.firstElementChild?.textContent));
    expect(spikeRows).toEqual(report.errors.spikes.length > 0 ? report.errors.spikes.map((s) => s.day) : ['none']);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
    expect(existsSync(join(ARTIFACTS, 'dashboard.png'))).toBe(true);
  });

  it('serves the dashboard on loopback with --serve until stopped', async () => {
    const child = spawn(process.execPath, [BIN, 'dashboard', '--db', 'd.duckdb', ...WINDOW, '--serve', '--port', '0', '--json'], { cwd: dir, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const [line] = await new Promise<string[]>((resolve) => createInterface({ input: child.stdout }).once('line', (l) => resolve([l])));
    const { url } = JSON.parse(line as string) as { url: string };
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(`${url}chart.umd.min.js`)).headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${url}..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
  });
});
