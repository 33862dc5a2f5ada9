// SPDX-License-Identifier: Apache-2.0
// The checked-in API reports (packages/*/api.md) match what the built packages export, so a change
// to a public surface shows as a diff in review. After a deliberate change: `npm run api`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/run-cli.js';

const reports = JSON.parse(execFileSync(process.execPath, [join(REPO, 'scripts/api-report.mjs'), '--print'], { encoding: 'utf8' })) as Record<string, string>;

describe('API reports', () => {
  it('cover every package with typed entry points', () => {
    expect(Object.keys(reports).length).toBeGreaterThanOrEqual(12);
  });

  for (const [path, text] of Object.entries(reports)) {
    it(`${path} is up to date (npm run api rewrites it)`, () => {
      const file = join(REPO, path);
      expect(existsSync(file), `${path} is missing: run npm run api`).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(text);
    });
  }

  it('keeps core internals out of the public entry point', () => {
    const core = reports['packages/core/api.md'] ?? '';
    const publicPart = core.slice(0, core.indexOf('## `@clitel/core/internal`'));
    for (const name of ['resolveTelemetry', 'ATTR_CLITEL_COMMAND', 'findOwningPackage', 'platformResource']) {
      expect(publicPart).not.toContain(name);
      expect(core).toContain(name);
    }
  });
});
