// SPDX-License-Identifier: Apache-2.0
// Every package keeps the shape the style guide asks for; checked here so it cannot drift.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/run-cli.js';

const PACKAGES = readdirSync(join(REPO, 'packages')).filter((d) => !d.startsWith('.'));
const HEADINGS = ['## Install', '## Usage', '## Options', '## What is collected', '## Supported versions', '## Opting out', '## License'];

interface Manifest {
  name: string;
  license?: string;
  files?: string[];
  engines?: { node?: string };
  sideEffects?: boolean | string[];
  exports?: Record<string, Record<string, string>>;
}

describe('package shape', () => {
  for (const dir of PACKAGES) {
    it(`packages/${dir}: manifest, README skeleton and public entry`, () => {
      const pkg = JSON.parse(readFileSync(join(REPO, 'packages', dir, 'package.json'), 'utf8')) as Manifest;
      expect(pkg.name).toBe(`@clitel/${dir}`);
      expect(pkg.license).toBe('Apache-2.0');
      expect(pkg.files).toContain('dist');
      expect(pkg.files).toContain('LICENSE');
      expect(pkg.files).toContain('CHANGELOG.md');
      expect(readFileSync(join(REPO, 'packages', dir, 'CHANGELOG.md'), 'utf8').startsWith(`# ${pkg.name}\n`)).toBe(true);
      expect(readFileSync(join(REPO, 'packages', dir, 'LICENSE'), 'utf8')).toBe(readFileSync(join(REPO, 'LICENSE'), 'utf8'));
      expect(pkg.engines?.node).toBeDefined();
      expect(dir === 'register' ? Array.isArray(pkg.sideEffects) : pkg.sideEffects).toBe(dir === 'register' ? true : false);
      for (const conditions of Object.values(pkg.exports ?? {})) {
        const keys = Object.keys(conditions);
        if (keys.includes('types')) expect(keys[0]).toBe('types');
      }
      const readme = readFileSync(join(REPO, 'packages', dir, 'README.md'), 'utf8');
      expect(readme.startsWith(`# ${pkg.name}`)).toBe(true);
      expect(HEADINGS.filter((h) => !readme.includes(`\n${h}\n`))).toEqual([]);
      const index = readFileSync(join(REPO, 'packages', dir, 'src', dir === 'register' ? 'register.ts' : 'index.ts'), 'utf8');
      expect(index).not.toMatch(/^export \* from/m);
      expect(index).not.toMatch(/^export default/m);
    });
  }
});

describe('source files', () => {
  const files = execFileSync('git', ['ls-files', '*.ts', '*.mjs', '*.js', '*.cjs'], { cwd: REPO, encoding: 'utf8' }).trim().split('\n');
  it('start with the SPDX licence line and stay under 400 lines', () => {
    const problems: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(REPO, file), 'utf8');
      if (!text.split('\n').slice(0, 3).some((l) => l.includes('SPDX-License-Identifier: Apache-2.0'))) problems.push(`${file}: no SPDX line`);
      if (text.split('\n').length > 400) problems.push(`${file}: over 400 lines`);
    }
    expect(problems).toEqual([]);
  });
});
