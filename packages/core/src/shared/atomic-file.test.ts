// SPDX-License-Identifier: Apache-2.0
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExclusive, removeFile, writeAtomic } from './atomic-file.js';

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

  it('removes its temp file when the rename fails', () => {
    const d = dir();
    mkdirSync(join(d, 'state', 'inside'), { recursive: true });
    expect(() => writeAtomic(join(d, 'state'), 'x')).toThrow();
    expect(readdirSync(d)).toEqual(['state']);
  });
});

describe('removeFile', () => {
  it('deletes a file, takes a missing one as done, and throws on anything else', () => {
    const d = dir();
    writeFileSync(join(d, 'f'), 'x');
    removeFile(join(d, 'f'));
    removeFile(join(d, 'f'));
    expect(readdirSync(d)).toEqual([]);
    mkdirSync(join(d, 'sub'));
    expect(() => removeFile(join(d, 'sub'))).toThrow();
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
