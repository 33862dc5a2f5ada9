// SPDX-License-Identifier: Apache-2.0
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendToSpool, enforceCaps, listSpool, readEntry } from './spool.js';
import { acquireLock, isLocked, releaseLock } from './lock.js';
import type { RunRecord } from './internal-types.js';

const record = (name: string): RunRecord => ({ v: 1, resource: {}, traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), name, start: 1, end: 2, status: 0, attributes: {}, events: [] });
const dir = () => mkdtempSync(join(tmpdir(), 'clitel-spool-'));
const nameOf = (d: string, entry: string): string | undefined => (readEntry(d, entry) as RunRecord | undefined)?.name;

describe('spool', () => {
  it('appends entries that list oldest first and read back', () => {
    const d = dir();
    appendToSpool(d, record('b'), 2_000);
    appendToSpool(d, record('a'), 1_000);
    const names = listSpool(d);
    expect(names.map((n) => nameOf(d, n))).toEqual(['a', 'b']);
    expect(readdirSync(d).some((n) => n.endsWith('.tmp'))).toBe(false);
  });
  it('removes a corrupt entry when reading it', () => {
    const d = dir();
    writeFileSync(join(d, '0000000001000-1-deadbeef.json'), '{"v":1,');
    expect(readEntry(d, '0000000001000-1-deadbeef.json')).toBeUndefined();
    expect(listSpool(d)).toEqual([]);
  });
  it('drops the oldest entries over the count, byte and age caps', () => {
    const d = dir();
    for (let i = 1; i <= 5; i++) appendToSpool(d, record(`r${i}`), i * 1000);
    expect(enforceCaps(d, { maxEntries: 3, maxBytes: 1e9, maxAgeMillis: 1e12 }, 10_000)).toBe(2);
    expect(listSpool(d).map((n) => nameOf(d, n))).toEqual(['r3', 'r4', 'r5']);
    expect(enforceCaps(d, { maxEntries: 10, maxBytes: 1e9, maxAgeMillis: 6_500 }, 10_000)).toBe(0);
    expect(enforceCaps(d, { maxEntries: 10, maxBytes: 1e9, maxAgeMillis: 6_500 }, 10_000, 1_000)).toBe(1);
    const size = JSON.stringify(record('r5')).length;
    expect(enforceCaps(d, { maxEntries: 10, maxBytes: size, maxAgeMillis: 1e12 }, 10_000)).toBe(1);
    expect(listSpool(d).map((n) => nameOf(d, n))).toEqual(['r5']);
  });
  it('ages entries out only by time spent failing, counted from the later of the write and the first failure', () => {
    const d = dir();
    const day = 86_400_000;
    for (let i = 1; i <= 3; i++) appendToSpool(d, record(`r${i}`), i * day);
    const caps = { maxEntries: 10, maxBytes: 1e9, maxAgeMillis: 7 * day };
    expect(enforceCaps(d, caps, 40 * day)).toBe(0);
    expect(enforceCaps(d, caps, 40 * day, 35 * day)).toBe(0);
    expect(enforceCaps(d, caps, 40 * day, 32.5 * day)).toBe(3);
  });
  it('treats a missing spool as empty', () => {
    expect(listSpool('/nonexistent/clitel')).toEqual([]);
    expect(enforceCaps('/nonexistent/clitel', { maxEntries: 1, maxBytes: 1, maxAgeMillis: 1 }, 0)).toBe(0);
  });
});

describe('sender lock', () => {
  it('admits one holder and takes over a stale lock', () => {
    const file = join(dir(), 'sender.lock');
    expect(acquireLock(file, 30_000, Date.now())).toBe(true);
    expect(acquireLock(file, 30_000, Date.now())).toBe(false);
    expect(isLocked(file, 30_000, Date.now())).toBe(true);
    expect(acquireLock(file, 30_000, Date.now() + 60_000)).toBe(true);
    releaseLock(file);
    expect(isLocked(file, 30_000, Date.now())).toBe(false);
  });
  it('takes over a lock whose owner is gone', () => {
    const file = join(dir(), 'sender.lock');
    writeFileSync(file, '999999999');
    expect(acquireLock(file, 30_000, Date.now())).toBe(true);
  });
});

describe('spawn claims', () => {
  it('removes claims of past windows and keeps the current ones', async () => {
    const { removeOldClaims, SPAWN_WINDOW_MILLIS } = await import('./sender-files.js');
    const d = dir();
    const now = 1_000 * SPAWN_WINDOW_MILLIS;
    for (const w of [990, 998, 999, 1000]) writeFileSync(join(d, `sender.spawn-${w}`), '');
    writeFileSync(join(d, 'installation-id'), 'x');
    removeOldClaims(d, now);
    expect(readdirSync(d).sort()).toEqual(['installation-id', 'sender.spawn-1000', 'sender.spawn-999']);
  });
});
