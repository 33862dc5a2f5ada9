// SPDX-License-Identifier: Apache-2.0
// `clitel dev` under load: a second process sends 2 000 recorded OTLP/JSON bodies (5 new spans
// each) over 32 parallel connections on loopback, while `clitel report` is run against the same
// database again and again. Every span answered 2xx is stored exactly once; report gets either a
// report or one clear line (the DuckDB file is held by dev), and never disturbs the receiver.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbStore } from '../src/store/duckdb-store.js';
import { runClitel, startDev } from './helpers/clitel-process.js';

const SENDER = fileURLToPath(new URL('./fixtures/load-sender.mjs', import.meta.url));
const REQUESTS = 2_000;
const CONCURRENCY = 32;
const SPANS_PER_BODY = 5;

interface LoadResult { ok: number; sent: number; statuses: Record<string, number>; spansPerBody: number }

function load(url: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [SENDER, url, String(REQUESTS), String(CONCURRENCY), String(SPANS_PER_BODY)], { timeout: 180_000 }, (error, stdout, stderr) => {
      if (error != null) reject(new Error(`the sender failed: ${stderr}`));
      else resolve(JSON.parse(stdout) as LoadResult);
    });
  });
}

describe('clitel dev under concurrent senders while report runs', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'clitel-load-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores every accepted span exactly once', async () => {
    const dev = await startDev(dir, ['--db', 'load.duckdb']);
    let done = false;
    const sending = load(dev.url).finally(() => { done = true; });
    const reports = { ok: 0, locked: 0 };
    while (!done) {
      const report = await runClitel(['report', '--db', 'load.duckdb', '--until', '2026-04-30', '--json'], { cwd: dir });
      if (report.code === 0) reports.ok += 1;
      else {
        expect(JSON.parse(report.stdout).error.code).toBe('clitel.store.locked');
        expect(report.stderr.trim().split('\n')).toHaveLength(1);
        reports.locked += 1;
      }
      expect(dev.alive()).toBe(true);
    }
    const result = await sending;
    const peakKb = dev.peakRssKb();
    const stopped = await dev.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toBe('');

    expect(result.sent).toBe(REQUESTS);
    expect(result.ok).toBe(REQUESTS);
    const store = await openDuckDbStore(join(dir, 'load.duckdb'), { readOnly: true });
    const [counts] = await store.query('SELECT count(*)::INTEGER AS spans, count(DISTINCT ("TraceId", "SpanId"))::INTEGER AS distinct_spans FROM otel_traces') as { spans: number; distinct_spans: number }[];
    await store.close();
    expect(counts).toEqual({ spans: result.ok * SPANS_PER_BODY, distinct_spans: result.ok * SPANS_PER_BODY });
    expect(dev.events.at(-1)).toMatchObject({ event: 'stopped', spans: result.ok * SPANS_PER_BODY });
    expect(reports.ok + reports.locked).toBeGreaterThan(0);
    const after = await runClitel(['report', '--db', 'load.duckdb', '--until', '2026-04-30', '--json'], { cwd: dir });
    expect(JSON.parse(after.stdout).totals.runs).toBe(result.ok * SPANS_PER_BODY);
    // The figures docs/reliability.md quotes.
    process.stdout.write(`dev load: ${result.ok}/${result.sent} requests 2xx, ${counts?.spans} spans stored, ${reports.ok + reports.locked} report runs (${reports.locked} refused: locked), peak RSS ${peakKb ?? '?'} kB\n`);
  }, 240_000);
});
