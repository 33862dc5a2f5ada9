// SPDX-License-Identifier: Apache-2.0
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearBackoff, failingSince, readBackoff, recordFailure } from './backoff.js';

const file = () => join(mkdtempSync(join(tmpdir(), 'clitel-backoff-')), 'sender.backoff');

describe('backoff', () => {
  it('keeps the time of the first failure of a streak, and forgets it after a success', () => {
    const f = file();
    expect(failingSince(f)).toBeUndefined();
    recordFailure(f, 1_000, { reason: 'ECONNREFUSED' });
    recordFailure(f, 9_000);
    expect(readBackoff(f)).toEqual({ until: 9_000 + 4_000, failures: 2, since: 1_000 });
    clearBackoff(f);
    expect(failingSince(f)).toBeUndefined();
    recordFailure(f, 20_000);
    expect(failingSince(f)).toBe(20_000);
  });
  it('reads a file of an older version (no since) or a corrupt one as no streak start', () => {
    const f = file();
    writeFileSync(f, JSON.stringify({ until: 5, failures: 3 }));
    expect(failingSince(f)).toBeUndefined();
    recordFailure(f, 100);
    expect(readBackoff(f)).toMatchObject({ failures: 4, since: 100 });
    writeFileSync(f, '{"until":');
    expect(failingSince(f)).toBeUndefined();
  });
});
