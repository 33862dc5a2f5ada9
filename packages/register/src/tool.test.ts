// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dependsOn, findTool } from './tool.js';
import { readRegisterConfig } from './config.js';

function packageDir(pkg: object): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'clitel-tool-')));
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  writeFileSync(join(dir, 'bin/run.js'), '');
  return dir;
}

describe('findTool', () => {
  it('names the tool after the bin entry that runs the script, through symlinks', () => {
    const dir = packageDir({ name: '@acme/pkg', version: '2.0.0', bin: { other: './x.js', acme: './bin/run.js' } });
    const link = join(dir, 'link.js');
    symlinkSync(join(dir, 'bin/run.js'), link);
    expect(findTool(link)).toEqual({ root: dir, pkg: expect.any(Object), name: 'acme', version: '2.0.0', entry: join(dir, 'bin/run.js') });
  });

  it('falls back to the unscoped package name, then the script name', () => {
    expect(findTool(join(packageDir({ name: '@acme/tool', bin: './bin/run.js' }), 'bin/run.js'))?.name).toBe('tool');
    expect(findTool(join(packageDir({ version: '1.0.0' }), 'bin/run.js'))?.name).toBe('run');
    expect(findTool(undefined)).toBeUndefined();
  });

  it('counts runtime dependencies only', () => {
    expect(dependsOn({ dependencies: { commander: '^14' } }, 'commander')).toBe(true);
    expect(dependsOn({ devDependencies: { commander: '^14' } } as object, 'commander')).toBe(false);
  });
});

describe('readRegisterConfig', () => {
  it('reads clitel.config.json before the "clitel" key, and a schema path relative to the root', () => {
    const dir = packageDir({});
    writeFileSync(join(dir, 'schema.json'), JSON.stringify({ tool: 'acme', commands: {} }));
    expect(readRegisterConfig(dir, { clitel: { schema: './schema.json', mode: 'opt-in', endpoint: 7 } }))
      .toEqual({ schema: { tool: 'acme', commands: {} }, mode: 'opt-in' });
    writeFileSync(join(dir, 'clitel.config.json'), JSON.stringify({ endpoint: 'https://t.example', docsUrl: 'https://d.example' }));
    expect(readRegisterConfig(dir, { clitel: { mode: 'opt-in' } })).toEqual({ endpoint: 'https://t.example', docsUrl: 'https://d.example' });
  });

  it('reads an explicit tool name and version, ignoring a name that is not one', () => {
    expect(readRegisterConfig(packageDir({}), { clitel: { toolName: 'acme', toolVersion: '9.1.0' } })).toEqual({ toolName: 'acme', toolVersion: '9.1.0' });
    expect(readRegisterConfig(packageDir({}), { clitel: { toolName: '../etc' } })).toEqual({});
  });

  it('reads telemetryCommand only as a boolean', () => {
    expect(readRegisterConfig(packageDir({}), { clitel: { telemetryCommand: true } })).toEqual({ telemetryCommand: true });
    expect(readRegisterConfig(packageDir({}), { clitel: { telemetryCommand: 'yes' } })).toEqual({});
  });

  it('throws on a config file that is not JSON (the caller turns telemetry off)', () => {
    const dir = packageDir({});
    writeFileSync(join(dir, 'clitel.config.json'), '{');
    expect(() => readRegisterConfig(dir, {})).toThrow(SyntaxError);
  });
});

describe('findTool in a package whose bin folder has a type marker', () => {
  it('names the package that owns the bin, not the marker', () => {
    const dir = packageDir({ name: 'real-tool', version: '3.0.1', bin: { rt: './bin/run.js' } });
    writeFileSync(join(dir, 'bin/package.json'), JSON.stringify({ name: 'bin', type: 'commonjs' }));
    expect(findTool(join(dir, 'bin/run.js'))).toMatchObject({ root: dir, name: 'rt', version: '3.0.1' });
  });
});
