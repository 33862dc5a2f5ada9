// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import type { CommandDefLike } from './internal-types.js';
import { subCommandIndex, usedArgs, walk } from './tree.js';

const add: CommandDefLike = { meta: { alias: ['new'] }, args: { name: { type: 'positional' }, url: { type: 'string' } } };
const root: CommandDefLike = {
  args: { profile: { type: 'string', alias: 'p' }, verbose: { type: 'boolean' } },
  subCommands: { remote: () => Promise.resolve({ args: { dryRun: { type: 'boolean' } }, subCommands: { add } }), greet: {} },
};
const walkOf = (args: string[]) => walk(root, args, async () => (typeof root.subCommands === 'object' ? root.subCommands as never : undefined));

describe('subCommandIndex', () => {
  it('skips options and the values of string options, as citty does', () => {
    expect(subCommandIndex(['--profile', 'x', '-p', 'y', '--verbose', 'remote'], { profile: { type: 'string', alias: 'p' } })).toBe(5);
    expect(subCommandIndex(['--profile=x', 'remote'], { profile: { type: 'string' } })).toBe(1);
    expect(subCommandIndex(['--verbose', '--', 'remote'], {})).toBe(-1);
  });
});

describe('usedArgs', () => {
  it('returns only the options given, under their defined names, with camel, kebab, alias and --no- forms', () => {
    const def = { dryRun: { type: 'boolean' }, lang: { type: 'enum' }, out: { type: 'string', alias: ['o'] }, file: { type: 'positional' } };
    expect(usedArgs(['--dry-run', '--lang', 'fr', 'pos', '-o', 'x', '--other', '--', '--lang', 'de'], def)).toEqual({ dryRun: true, lang: 'fr', out: 'x' });
    expect(usedArgs(['--no-dry-run', '--file', 'f'], def)).toEqual({ dryRun: false });
    expect(usedArgs([], def)).toEqual({});
  });
});

describe('walk', () => {
  it('follows subcommands (lazy ones and aliases) and collects declared and used options per level', async () => {
    const w = await walkOf(['-p', 'prod', 'remote', 'new', 'origin', '--url', 'u', '--dry-run']);
    expect(w.path).toEqual(['remote', 'add']);
    expect(w.unknown).toBe(false);
    expect(w.declared).toEqual({ '': ['profile', 'verbose'], remote: ['profile', 'verbose', 'dryRun'], 'remote add': ['profile', 'verbose', 'dryRun', 'url'] });
    expect(w.used).toEqual({ profile: 'prod', dryRun: true, url: 'u' });
  });

  it('marks a name that matches no subcommand as unknown', async () => {
    expect((await walkOf(['remote', 'frob'])).unknown).toBe(true);
    expect((await walkOf(['toString'])).unknown).toBe(true);
    expect((await walkOf(['--verbose'])).path).toEqual([]);
  });
});
