// SPDX-License-Identifier: Apache-2.0
// `clitel forget --clickhouse` as a real process where no engine is needed or none behaves as the
// case needs: argument checks, an unreachable server, and a server that accepts the deletes but
// applies them in the background (a stand-in of the HTTP interface; the ClickHouse engine applies a
// lightweight DELETE before it answers). Everything else runs on the real engine in
// forget-clickhouse.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runClitel } from './helpers/clitel-process.js';
import { startClickHouseStandIn, type ClickHouseStandIn } from './helpers/clickhouse-stand-in.js';

const A = '0b6f0c1e-4c9a-4f51-9d8e-2f4b7c1d2e3f';
const MAP = 'Map(LowCardinality(String), String)';

interface ForgetJson { tables: { table: string; deleted?: number; skipped?: string; remaining?: number }[] }

describe('clitel forget --clickhouse (no server needed)', () => {
  let dir: string;
  let standIn: ClickHouseStandIn | undefined;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'clitel-forget-ch-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
  });

  it('rejects a malformed id, URL, database or table before connecting', async () => {
    const cases: string[][] = [
      ['forget', 'not-a-uuid', '--clickhouse', 'http://127.0.0.1:9'],
      ['forget', `${A}' OR 1=1`, '--clickhouse', 'http://127.0.0.1:9'],
      ['forget', A, '--clickhouse', 'tcp://127.0.0.1:9000'],
      ['forget', A, '--clickhouse', 'not a url'],
      ['forget', A, '--clickhouse', 'http://127.0.0.1:9', '--database', 'a`b'],
      ['forget', A, '--clickhouse', 'http://127.0.0.1:9/a.b'],
      ['forget', A, '--clickhouse', 'http://127.0.0.1:9', '--table', 'x;DROP'],
      ['forget', A, '--clickhouse', 'http://127.0.0.1:9', '--db', 'f.duckdb'],
      ['forget', A, '--database', 'clitel'],
      ['forget', A, '--user', 'someone'],
    ];
    for (const args of cases) {
      const run = await runClitel([...args, '--json'], { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(JSON.parse(run.stdout).error.code, args.join(' ')).toBe('clitel.cli.usage');
    }
  });

  it('fails in one line when nothing answers', async () => {
    const run = await runClitel(['forget', A, '--clickhouse', 'http://user:secret@127.0.0.1:9/clitel'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^clitel: cannot reach ClickHouse at http:\/\/127\.0\.0\.1:9\/clitel \(.+\)\n$/);
    expect(run.stderr).not.toContain('secret');
  });

  it('says which rows are still visible when the server deletes in the background', async () => {
    standIn = await startClickHouseStandIn('default', { otel_metrics_gauge: { columns: { ResourceAttributes: MAP }, rows: { [A]: 2 } } }, { lagging: true });
    const run = await runClitel(['forget', A, '--clickhouse', standIn.url], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('clitel: 2 rows of otel_metrics_gauge are still visible');
    const json = JSON.parse((await runClitel(['forget', A, '--clickhouse', standIn.url, '--json'], { cwd: dir })).stdout) as ForgetJson;
    expect(json.tables.find((t) => t.table === 'otel_metrics_gauge')).toEqual({ table: 'otel_metrics_gauge', deleted: 2, remaining: 2 });
  });
});
