// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import type { CacLike, OptionLike } from './internal-types.js';
import { flagsOf, optionName, usedOptions } from './tree.js';

const option = (names: string[]): OptionLike => ({ name: names[names.length - 1], names });

describe('flagsOf', () => {
  it('returns the flags before --, keyed as cac keys them', () => {
    expect([...flagsOf(['greet', '--dry-run', '--lang=fr', '-xv', '--no-color', '--env.API', 'k', '--', '--late'])].sort())
      .toEqual(['color', 'dryRun', 'env', 'lang', 'noColor', 'v', 'x']);
  });
});

describe('usedOptions', () => {
  it('records the options given, under their long flag name, with cac\'s parsed value', () => {
    const cli = {
      rawArgs: ['node', 'fx', 'greet', '-n', 'Ada', '--dry-run'],
      options: { n: 'Ada', name: 'Ada', dryRun: true, lang: 'en' },
      globalCommand: { options: [option(['h', 'help'])] },
    } as unknown as CacLike;
    const greet = { options: [option(['n', 'name']), option(['dryRun']), option(['lang'])] } as unknown as CacLike['commands'][number];
    expect(usedOptions(cli, greet)).toEqual({ name: 'Ada', 'dry-run': true });
    expect(optionName(option(['dryRun']))).toBe('dry-run');
  });
});
