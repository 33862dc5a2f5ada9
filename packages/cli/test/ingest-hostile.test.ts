// SPDX-License-Identifier: Apache-2.0
// `clitel ingest` of hostile files, as a real process on a real DuckDB file that already holds
// data: each file starts with good lines and then breaks (cut short, corrupt or cut gzip, a huge
// line, bytes that are not UTF-8, JSON nested too deep, a binary file). Each run ends with one line
// on stderr and a stable code, and the store holds exactly what it held before: nothing half-way.
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRuns, toOtlpRequests } from './helpers/dataset.js';
import { runClitel } from './helpers/clitel-process.js';
import { openDuckDbStore } from '../src/store/duckdb-store.js';

const GOOD = toOtlpRequests(generateRuns({ lastDay: '2026-04-30', days: 3, installations: 5, seed: 11 })).map((r) => JSON.stringify(r));
const MORE = toOtlpRequests(generateRuns({ lastDay: '2026-03-30', days: 3, installations: 5, seed: 12 })).map((r) => JSON.stringify(r));
const goodText = `${MORE.join('\n')}\n`;

async function stored(dir: string): Promise<number> {
  const store = await openDuckDbStore(join(dir, 'h.duckdb'), { readOnly: true });
  const rows = await store.query('SELECT count(*)::INTEGER AS n FROM otel_traces');
  await store.close();
  return (rows[0] as { n: number }).n;
}

describe('clitel ingest of hostile files', () => {
  let dir: string;
  let before: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clitel-ingest-hostile-'));
    writeFileSync(join(dir, 'good.json'), GOOD.join('\n'));
    const first = await runClitel(['ingest', 'good.json', '--db', 'h.duckdb', '--json'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    before = await stored(dir);
    expect(before).toBeGreaterThan(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const deep = (levels: number): string => `{"resourceSpans":[{"resource":{"attributes":[{"key":"k","value":${'{"arrayValue":{"values":['.repeat(levels)}{"stringValue":"x"}${']}}'.repeat(levels)}}]},"scopeSpans":[]}]}`;
  const gz = gzipSync(Buffer.from(goodText));
  const flipped = Buffer.from(gz);
  for (let i = Math.floor(gz.length / 2); i < Math.floor(gz.length / 2) + 64; i++) flipped[i] = (flipped[i] as number) ^ 0xa5;
  const files: { name: string; write(path: string): void; code: string; says: RegExp }[] = [
    { name: 'truncated.json', write: (p) => writeFileSync(p, goodText.slice(0, Math.floor(goodText.length * 0.7))), code: 'clitel.ingest.corrupt', says: /line \d+ .* is not JSON/ },
    { name: 'corrupt.json.gz', write: (p) => writeFileSync(p, flipped), code: 'clitel.ingest.corrupt', says: /not valid gzip data/ },
    { name: 'cut.json.gz', write: (p) => writeFileSync(p, gz.subarray(0, Math.floor(gz.length * 0.8))), code: 'clitel.ingest.corrupt', says: /not valid gzip data \(cut short\)/ },
    { name: 'not-gzip.json.gz', write: (p) => writeFileSync(p, goodText), code: 'clitel.ingest.corrupt', says: /not valid gzip data/ },
    {
      name: 'huge-line.json',
      write: (p) => {
        const fd = openSync(p, 'w');
        writeSync(fd, goodText);
        writeSync(fd, '{"resourceSpans":[{"resource":{"attributes":[{"key":"k","value":{"stringValue":"');
        const mib = Buffer.alloc(1024 * 1024, 0x61);
        for (let i = 0; i < 80; i++) writeSync(fd, mib);
        writeSync(fd, '"}}]}}]}\n');
        closeSync(fd);
      },
      code: 'clitel.ingest.corrupt', says: /a line is longer than \d+ bytes/,
    },
    { name: 'latin1.json', write: (p) => writeFileSync(p, Buffer.concat([Buffer.from(goodText), Buffer.from('{"resourceSpans":[{"resource":{"attributes":[{"key":"os","value":{"stringValue":"'), Buffer.from([0xe9, 0xff, 0xc3, 0x28]), Buffer.from('"}}]}}]}\n')])), code: 'clitel.ingest.corrupt', says: /not valid UTF-8/ },
    { name: 'deep.json', write: (p) => writeFileSync(p, `${goodText}${deep(100_000)}\n`), code: 'clitel.ingest.corrupt', says: /line \d+ .*nested too deeply/ },
    { name: 'binary.json', write: (p) => writeFileSync(p, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256))), code: 'clitel.ingest.corrupt', says: /./ },
    { name: 'not-otlp.json', write: (p) => writeFileSync(p, `${goodText}{"resourceSpans": {"oops": 1}}\n`), code: 'clitel.ingest.corrupt', says: /line \d+/ },
  ];

  for (const file of files) {
    it(`${file.name}: one line of error, nothing stored`, async () => {
      const path = join(dir, file.name);
      file.write(path);
      const run = await runClitel(['ingest', file.name, '--db', 'h.duckdb', '--json'], { cwd: dir });
      rmSync(path);
      expect(run.code).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^clitel: /);
      expect(lines[0]).toMatch(file.says);
      expect(JSON.parse(run.stdout).error.code).toBe(file.code);
      expect(await stored(dir)).toBe(before);
    });
  }

  it('still loads a good file afterwards', async () => {
    writeFileSync(join(dir, 'more.json'), goodText);
    const run = await runClitel(['ingest', 'more.json', '--db', 'h.duckdb', '--json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { spans: number; stored: number };
    expect(result.stored).toBe(result.spans);
    expect(await stored(dir)).toBe(before + result.spans);
  });
});
