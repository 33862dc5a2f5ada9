// SPDX-License-Identifier: Apache-2.0
// `otelcol-clitel validate` on base.yaml alone and with each overlay (and the Prometheus overlay
// with each backend), for the committed acme files and for schemas with edge cases.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCollectorConfig } from '@clitel/collector-config';
import type { Schema } from '@clitel/core';
import { REPO } from '../helpers/run-cli.js';
import { skipWithoutCollector, validate } from '../helpers/otelcol.js';

const skip = skipWithoutCollector('the collector validate tests');
const acme = JSON.parse(readFileSync(join(REPO, 'examples/acme/telemetry.schema.json'), 'utf8')) as Schema;
const BACKENDS = ['overlay-clickhouse.yaml', 'overlay-file.yaml', 'overlay-otlp-http.yaml'];
const COMBINATIONS: string[][] = [
  [],
  ...['overlay-debug.yaml', 'overlay-prometheus.yaml', ...BACKENDS].map((o) => [o]),
  ...BACKENDS.flatMap((o) => [[o, 'overlay-prometheus.yaml'], ['overlay-prometheus.yaml', o]]),
];
const ENV = { CLITEL_OTLP_EXPORT_ENDPOINT: 'http://127.0.0.1:1', CLITEL_OTLP_EXPORT_TOKEN: 'unused', CLITEL_FILE_PATH: join(tmpdir(), 'clitel-unused.jsonl') };

const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`opt${i}`, i % 3 === 0 ? { values: ['a', 'b'] } : i % 3 === 1 ? { boolean: true } : {}]));
const SCHEMAS: Record<string, Schema> = {
  'no commands': { tool: 'bare', commands: {} },
  'many options': { tool: 'wide', commands: { run: { options: many }, 'a b c': { options: many } }, options: { verbose: { boolean: true } } },
  'every option kind': {
    tool: 'kinds',
    mode: 'opt-in',
    commands: { '': {}, 'remote add': { options: { depth: { buckets: [1, 10, 100] }, mode: { values: ['fast', 'slow'] }, dry: { boolean: true }, name: {} } } },
    options: { level: { values: ['1', '2'] }, quiet: { boolean: true } },
    stages: ['fetch', 'link'],
  },
};

const temp = mkdtempSync(join(tmpdir(), 'clitel-validate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function writeFiles(name: string, schema: Schema): string {
  const dir = mkdtempSync(join(temp, `${name.replace(/\W/g, '-')}-`));
  for (const [file, text] of Object.entries(generateCollectorConfig(schema))) writeFileSync(join(dir, file), text);
  return dir;
}

function expectValid(dir: string): void {
  for (const overlays of COMBINATIONS) {
    const result = validate([join(dir, 'base.yaml'), ...overlays.map((o) => join(dir, o))], ENV);
    expect(result.status, `${['base.yaml', ...overlays].join(' + ')}: ${result.output}`).toBe(0);
  }
}

describe.skipIf(skip)('otelcol-clitel validate', () => {
  it('accepts the committed acme files alone and with every overlay', () => {
    expectValid(join(REPO, 'collector-config/acme'));
  });

  it.each(Object.keys(SCHEMAS))('accepts the files generated for a schema with %s', (name) => {
    expectValid(writeFiles(name, SCHEMAS[name]));
  });

  it('rejects a config with an unknown processor field (validate can fail)', () => {
    const dir = writeFiles('broken', acme);
    const base = join(dir, 'base.yaml');
    writeFileSync(base, readFileSync(base, 'utf8').replace('summary: silent', 'summary: silent\n    not_a_field: true'));
    expect(validate([base], ENV).status).not.toBe(0);
  });
});
