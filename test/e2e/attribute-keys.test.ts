// SPDX-License-Identifier: Apache-2.0
// Each attribute key is written once: an `ATTR_*` constant with the same value in two source
// files is a copy that can drift, and fails here. (Core's attribute table, which lists every key
// with its place and type, is checked against real runs in attribute-table.test.ts.)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/run-cli.js';

describe('attribute keys', () => {
  it('are each defined by one ATTR_ constant in packages/*/src', () => {
    const files = execFileSync('git', ['ls-files', 'packages/*/src/*.ts', 'packages/*/src/**/*.ts'], { cwd: REPO, encoding: 'utf8' })
      .trim().split('\n').filter((f) => !f.endsWith('.test.ts'));
    const owners = new Map<string, string[]>();
    for (const file of files) {
      for (const m of readFileSync(join(REPO, file), 'utf8').matchAll(/^export const ATTR_[A-Z0-9_]+ = '([^']+)';$/gm)) {
        owners.set(m[1], [...(owners.get(m[1]) ?? []), file]);
      }
    }
    expect(owners.size).toBeGreaterThan(20);
    const copied = [...owners].filter(([, where]) => where.length > 1).map(([key]) => key).sort();
    expect(copied).toEqual([]);
  });
});
