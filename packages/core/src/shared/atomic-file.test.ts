// SPDX-License-Identifier: Apache-2.0
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExclusive, writeAtomic } from './atomic-file.js';

const dir = (): string => mkdtempSync(join(tmpdir(), 'clitel-atomic-'));

describe('writeAtomic', () => {
  it('replaces the file whole, private to the user, leaving no temp file', () => {
    const d = dir();
    const file = join(d, 'state');
    writeFileSync(file, 'old');
    writeAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(d)).toEqual(['state']);
  });

  it('throws when the directory is gone, and leaves nothing behind', () => {
    const d = dir();
    expect(() => writeAtomic(join(d, 'missing', 'state'), 'x')).toThrow(/ENOENT/);
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('createExclusive', () => {
  it('creates the file with its text once, then fails with EEXIST keeping the first text', () => {
    const d = dir();
    const file = join(d, 'lock');
    createExclusive(file, '123');
    expect(() => createExclusive(file, '456')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(file, 'utf8')).toBe('123');
    expect(readdirSync(d)).toEqual(['lock']);
  });

  it('creates an empty marker with one exclusive open', () => {
    const d = dir();
    const file = join(d, 'claim');
    createExclusive(file, '');
    expect(() => createExclusive(file, '')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
