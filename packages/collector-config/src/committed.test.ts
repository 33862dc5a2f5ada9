// SPDX-License-Identifier: Apache-2.0
// collector-config/acme/ is generated: it must equal the generator's output for the example schema.
// Regenerate with `node scripts/generate-collector-config.mjs`.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Schema } from '@clitel/core';
import { generateCollectorConfig, writeCollectorConfig } from './index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const schema = JSON.parse(readFileSync(join(root, 'examples/acme/telemetry.schema.json'), 'utf8')) as Schema;
const committedDir = join(root, 'collector-config/acme');

describe('committed collector-config/acme', () => {
  const generated = generateCollectorConfig(schema, { schemaFileName: 'telemetry.schema.json' });

  it('has exactly the generated files', () => {
    expect(readdirSync(committedDir).sort()).toEqual(Object.keys(generated).sort());
  });

  it.each(Object.keys(generated))('%s equals the generator output (run node scripts/generate-collector-config.mjs)', (name) => {
    expect(readFileSync(join(committedDir, name), 'utf8')).toBe(generated[name]);
  });
});

describe('writeCollectorConfig', () => {
  it('writes every generated file into a new directory and returns the paths', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clitel-collector-config-'));
    try {
      const out = join(dir, 'nested', 'acme');
      const paths = writeCollectorConfig(schema, out);
      expect(paths).toEqual(Object.keys(generateCollectorConfig(schema)).map((name) => join(out, name)));
      for (const path of paths) expect(readFileSync(path, 'utf8')).toBe(generateCollectorConfig(schema)[path.slice(out.length + 1)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
