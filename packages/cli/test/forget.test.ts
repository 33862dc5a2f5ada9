// SPDX-License-Identifier: Apache-2.0
// `clitel forget` as a real process: one installation's rows go, idempotently.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/types.js';
import { JsonMetricsSerializer } from '@opentelemetry/otlp-transformer';
import { generateRuns, toOtlpRequests } from './helpers/dataset.js';
import { usageMetrics } from './helpers/resource-metrics.js';
import { runClitel } from './helpers/clitel-process.js';

describe('clitel forget', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clitel-forget-'));
    const runs = generateRuns({ lastDay: '2026-02-10', days: 10, installations: 8 });
    const metrics = Buffer.from(JsonMetricsSerializer.serializeRequest(usageMetrics('00000000-0000-4000-8000-000000000003', 1_790_000_000_000, { parse: 4 })) as Uint8Array).toString('utf8');
    writeFileSync(join(dir, 'spans.json'), [...toOtlpRequests(runs).map((r) => JSON.stringify(r)), metrics].join('\n'));
    await runClitel(['ingest', 'spans.json', '--db', 'f.duckdb'], { cwd: dir });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('deletes every row of one installation, once', async () => {
    const report = async (): Promise<Report> => JSON.parse((await runClitel(['report', '--db', 'f.duckdb', '--since', '10d', '--until', '2026-02-10', '--json'], { cwd: dir })).stdout) as Report;
    const before = await report();
    const id = '00000000-0000-4000-8000-000000000003';
    const first = await runClitel(['forget', id, '--db', 'f.duckdb', '--json'], { cwd: dir });
    const { deleted } = JSON.parse(first.stdout) as { deleted: number };
    expect(deleted).toBeGreaterThan(0);
    const after = await report();
    expect(after.totals.runs).toBe(before.totals.runs - deleted + 3); // 3 metric points went too
    expect(after.totals.installations).toBe(before.totals.installations - 1);
    const again = await runClitel(['forget', id, '--db', 'f.duckdb', '--json'], { cwd: dir });
    expect(JSON.parse(again.stdout).deleted).toBe(0);
    const missing = await runClitel(['forget', id, '--db', 'nope.duckdb', '--json'], { cwd: dir });
    expect(JSON.parse(missing.stdout).error.code).toBe('clitel.store.missing');
  });
});
