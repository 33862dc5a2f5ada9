// SPDX-License-Identifier: Apache-2.0
// `clitel docs` as a real process: the committed data dictionary is exactly what it generates.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Schema } from '@clitel/core';
import { describeSchema } from '@clitel/core/describe';
import { runClitel } from './helpers/clitel-process.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCHEMA = 'examples/acme/telemetry.schema.json';

describe('clitel docs', () => {
  it('reproduces the committed docs/telemetry.md from the example schema', async () => {
    const run = await runClitel(['docs', '--schema', SCHEMA], { cwd: ROOT });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(ROOT, 'docs', 'telemetry.md'), 'utf8'));
  });

  it('lists every attribute and event a run can send', async () => {
    const schema = JSON.parse(readFileSync(join(ROOT, SCHEMA), 'utf8')) as Schema;
    const text = (await runClitel(['docs', '--schema', SCHEMA], { cwd: ROOT })).stdout;
    const d = describeSchema(schema);
    for (const a of [...d.span, ...d.resource, ...d.events.flatMap((e) => e.attributes)]) expect(text).toContain(`| \`${a.key}\` |`);
    for (const e of d.events) expect(text).toContain(`| \`${e.name}\` |`);
    for (const name of d.spanNames) expect(text).toContain(`\`${name}\``);
    expect(text).toContain('ACME_TELEMETRY_OPTOUT=1');
    expect(text).toContain('## How to ask for deletion');
  });

  it('rejects a missing or invalid schema with a stable code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clitel-docs-'));
    try {
      const missing = await runClitel(['docs', '--schema', 'none.json', '--json'], { cwd: dir });
      expect(JSON.parse(missing.stdout).error.code).toBe('clitel.schema.missing');
      writeFileSync(join(dir, 'bad.json'), JSON.stringify({ tool: '', commands: 3 }));
      const invalid = await runClitel(['docs', '--schema', 'bad.json', '--json'], { cwd: dir });
      expect(invalid.code).toBe(1);
      expect(JSON.parse(invalid.stdout).error.code).toBe('clitel.schema.invalid');
      const usage = await runClitel(['docs'], { cwd: dir });
      expect(usage.code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
