// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findOwningPackage, findPackageRoot } from './package-root.js';

/** A directory tree from `{ 'a/package.json': {...}, 'a/bin/cli.js': '' }`; returns its root. */
function tree(files: Record<string, object | string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'clitel-owner-')));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

describe('findOwningPackage', () => {
  it('skips a bin folder type marker and finds the package that declares the bin', () => {
    const root = tree({
      'node_modules/tool/package.json': { name: 'tool', version: '2.3.4', bin: { tool: 'bin/tool.js' } },
      'node_modules/tool/bin/package.json': { name: 'bin', type: 'commonjs' },
      'node_modules/tool/bin/tool.js': '',
    });
    expect(findOwningPackage(join(root, 'node_modules/tool/bin/tool.js'))).toEqual({
      root: join(root, 'node_modules/tool'),
      manifest: { name: 'tool', version: '2.3.4', bin: { tool: 'bin/tool.js' } },
    });
  });

  it('skips a marker that carries a version inside an installed package', () => {
    const root = tree({
      'node_modules/tool/package.json': { name: 'tool', version: '2.3.4' },
      'node_modules/tool/dist/cjs/package.json': { name: 'cjs', version: '1.0.0', type: 'commonjs' },
      'node_modules/tool/dist/cjs/cli.js': '',
    });
    expect(findPackageRoot(join(root, 'node_modules/tool/dist/cjs/cli.js'))).toBe(join(root, 'node_modules/tool'));
  });

  it('stops at the node_modules/<pkg> and node_modules/@scope/<pkg> boundary', () => {
    const root = tree({
      'package.json': { name: 'app', version: '1.0.0', bin: 'app.js' },
      'node_modules/lib/package.json': { name: 'lib', version: '0.1.0' },
      'node_modules/lib/index.js': '',
      'node_modules/@acme/cli/package.json': { name: '@acme/cli', version: '5.0.0' },
      'node_modules/@acme/cli/lib/run.js': '',
      'node_modules/bare/lib/run.js': '',
    });
    expect(findPackageRoot(join(root, 'node_modules/lib/index.js'))).toBe(join(root, 'node_modules/lib'));
    expect(findPackageRoot(join(root, 'node_modules/@acme/cli/lib/run.js'))).toBe(join(root, 'node_modules/@acme/cli'));
    // a package folder without a package.json never borrows the project's
    expect(findOwningPackage(join(root, 'node_modules/bare/lib/run.js'))).toBeUndefined();
  });

  it('finds the nearest package with a version in a checkout, else the nearest package.json', () => {
    const root = tree({
      'tool/package.json': { name: 'tool', version: '0.0.1' },
      'tool/esm/package.json': { type: 'module' },
      'tool/esm/cli.js': '',
      'loose/package.json': { type: 'module' },
      'loose/cli.js': '',
    });
    expect(findPackageRoot(join(root, 'tool/esm/cli.js'))).toBe(join(root, 'tool'));
    expect(findOwningPackage(join(root, 'loose/cli.js'))?.manifest).toEqual({ type: 'module' });
  });

  it('ignores a package.json that is not a JSON object', () => {
    const root = tree({
      'tool/package.json': { name: 'tool', version: '1.2.0', bin: 'cli.js' },
      'tool/lib/package.json': '{ not json',
      'tool/lib/deep/package.json': '[1, 2]',
      'tool/lib/deep/cli.js': '',
    });
    expect(findPackageRoot(join(root, 'tool/lib/deep/cli.js'))).toBe(join(root, 'tool'));
  });
});
