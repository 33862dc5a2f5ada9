// SPDX-License-Identifier: Apache-2.0
// Every thin package ships a CommonJS build beside the ESM one: a CommonJS host's require() gets
// dist/index.cjs (no require(esm)), with the same exports, and that build finds core's runtime
// and records a run (the example CLI as a CommonJS host, spooling into a fresh HOME).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/run-cli.js';

const THIN = readdirSync(join(REPO, 'packages')).filter((dir) => {
  const pkg = JSON.parse(readFileSync(join(REPO, 'packages', dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  // @clitel/register is bundled the same way but is an `--import` hook: ESM only (--esm-only).
  return pkg.scripts?.build?.includes('build-package.mjs') === true && !pkg.scripts.build.includes('--esm-only');
});

describe('CommonJS builds of the thin packages', () => {
  it('finds the packages built by build-package.mjs', () => {
    expect(THIN).toContain('commander');
    expect(THIN).toContain('library');
  });

  for (const dir of THIN) {
    it(`@clitel/${dir}: require() loads dist/index.cjs with the exports of dist/index.js`, async () => {
      const name = `@clitel/${dir}`;
      const probe = `const m = require(${JSON.stringify(name)}); process.stdout.write(JSON.stringify({ file: require.resolve(${JSON.stringify(name)}), keys: Object.keys(m).sort() }));`;
      const out = JSON.parse(execFileSync(process.execPath, ['-e', probe], { cwd: join(REPO, 'examples/acme'), encoding: 'utf8' })) as { file: string; keys: string[] };
      expect(out.file).toBe(join(REPO, 'packages', dir, 'dist/index.cjs'));
      const esm = (await import(join(REPO, 'packages', dir, 'dist/index.js'))) as Record<string, unknown>;
      expect(out.keys).toEqual(Object.keys(esm).sort());
    });
  }

  it('a CommonJS host records its run through the CommonJS build', () => {
    const source = readFileSync(join(REPO, 'examples/acme/bin/acme.js'), 'utf8');
    const cjs = source
      .replace(/^import \{ (.+) \} from '(.+)';$/gm, "const { $1 } = require('$2');")
      .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename)")
      .replace(/^await (program\.parseAsync\(\));$/m, '$1;');
    expect(cjs).toContain("require('@clitel/commander')");
    const script = join(REPO, 'examples/acme/bin', `.test-commonjs-${process.pid}.cjs`);
    const home = mkdtempSync(join(tmpdir(), 'clitel-cjs-'));
    writeFileSync(script, cjs);
    try {
      const env = { PATH: process.env.PATH, HOME: home, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' };
      // The first run shows the notice and records nothing; the second is recorded and spooled.
      for (let i = 0; i < 2; i++) expect(execFileSync(process.execPath, [script, 'greet', '--name', 'Cjs'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).toBe('Hello, Cjs!\n');
      const spool = readdirSync(join(home, '.local/state/clitel/acme/spool')).filter((f) => f.endsWith('.json'));
      expect(spool).toHaveLength(1);
      expect(readFileSync(join(home, '.local/state/clitel/acme/spool', spool[0]!), 'utf8')).toContain('acme greet');
    } finally {
      rmSync(script, { force: true });
      rmSync(home, { recursive: true, force: true });
    }
  });
});
