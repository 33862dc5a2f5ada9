// SPDX-License-Identifier: Apache-2.0
// `clitel collector-config` as a real process, wired to the generator in src/collector.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runClitel } from './helpers/clitel-process.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCHEMA = 'examples/acme/telemetry.schema.json';

describe('clitel collector-config', () => {
  it('writes the generated collector configuration for the example schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clitel-collector-'));
    try {
      const run = await runClitel(['collector-config', '--schema', join(ROOT, SCHEMA), '--out', 'otel', '--retention-days', '7', '--json'], { cwd: dir });
      expect(run.code).toBe(0);
      const { files } = JSON.parse(run.stdout) as { files: string[] };
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(existsSync(file)).toBe(true);
      expect(files.map((f) => readFileSync(f, 'utf8')).join('\n')).toContain('clitel.command');
      const bad = await runClitel(['collector-config', '--schema', join(ROOT, SCHEMA), '--out', 'otel', '--retention-days', '0', '--json'], { cwd: dir });
      expect(bad.code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
