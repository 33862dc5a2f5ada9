// SPDX-License-Identifier: Apache-2.0
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binOwner, resolveToolIdentity } from './tool-identity.js';

function tool(pkg: object, marker?: object): string {
  const root = mkdtempSync(join(tmpdir(), 'clitel-identity-'));
  mkdirSync(join(root, 'bin'));
  writeFileSync(join(root, 'package.json'), JSON.stringify(pkg));
  if (marker != null) writeFileSync(join(root, 'bin/package.json'), JSON.stringify(marker));
  writeFileSync(join(root, 'bin/cli.js'), '');
  return join(root, 'bin/cli.js');
}

describe('resolveToolIdentity', () => {
  const entryPath = tool({ name: '@acme/tools', version: '3.1.0', bin: { acme: './bin/cli.js' } });
  const none = { explicit: {}, framework: {}, schemaTool: undefined, entryPath };

  it('takes the explicit name, then the framework\'s, then schema.tool, then the bin that runs', () => {
    expect(resolveToolIdentity({ ...none, explicit: { name: 'x' }, framework: { name: 'y' }, schemaTool: 'z' }).name).toBe('x');
    expect(resolveToolIdentity({ ...none, framework: { name: 'y' }, schemaTool: 'z' }).name).toBe('y');
    expect(resolveToolIdentity({ ...none, framework: { name: '' }, schemaTool: 'z' }).name).toBe('z');
    expect(resolveToolIdentity(none)).toEqual({ name: 'acme', version: '3.1.0' });
  });

  it('takes the version given, else the framework\'s, else the owning package\'s', () => {
    expect(resolveToolIdentity({ ...none, explicit: { version: '1.0.0' }, framework: { version: '2.0.0' } }).version).toBe('1.0.0');
    expect(resolveToolIdentity({ ...none, framework: { version: '2.0.0' } }).version).toBe('2.0.0');
    expect(resolveToolIdentity({ ...none, schemaTool: 'z' }).version).toBe('3.1.0');
  });

  it('ignores names that are paths or empty', () => {
    expect(resolveToolIdentity({ ...none, explicit: { name: 'bin/acme.js' }, framework: { name: '' } }).name).toBe('acme');
  });
});

describe('binOwner', () => {
  it('skips a type marker in the bin folder and uses the unscoped name when no bin points at the entry', () => {
    expect(binOwner(tool({ name: '@acme/deploy', version: '0.4.0', bin: 'bin/other.js' }, { name: 'bin', type: 'commonjs' }))).toEqual({ name: 'deploy', version: '0.4.0' });
  });

  it('names the bin after the file when several bins share it, else the first that points at it', () => {
    expect(binOwner(tool({ name: 'kit', version: '1.0.0', bin: { cli: './bin/cli.js', c: './bin/cli.js' } })).name).toBe('cli');
    expect(binOwner(tool({ name: 'kit', version: '1.0.0', bin: { kit: './bin/cli.js', k: './bin/cli.js' } })).name).toBe('kit');
  });

  it('knows nothing without an entry or a package', () => {
    expect(binOwner(undefined)).toEqual({ name: undefined, version: undefined });
    expect(binOwner('/nonexistent/cli.js')).toEqual({ name: undefined, version: undefined });
  });
});
