// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { commandOf, depthOf } from './command.js';

const known = new Set(['', 'greet', 'remote', 'remote add']);

describe('commandOf', () => {
  it('takes the longest known path among the leading positionals', () => {
    expect(commandOf(['remote', 'add', 'origin'], known, 2)).toEqual(['remote', 'add']);
    expect(commandOf(['remote', 'frob'], known, 2)).toEqual(['remote']);
    expect(commandOf(['greet', 'Ada'], known, 2)).toEqual(['greet']);
    expect(commandOf(['remote', 'add'], known, 1)).toEqual(['remote']);
  });

  it('records positionals that name no command as _unknown, and no positionals as the root', () => {
    expect(commandOf(['frob', 'add'], known, 2)).toEqual(['_unknown']);
    expect(commandOf([], known, 2)).toEqual([]);
    expect(commandOf(['file.txt'], new Set(), 0)).toEqual([]);
  });
});

describe('depthOf', () => {
  it('is the most words in a command path', () => {
    expect(depthOf(known)).toBe(2);
    expect(depthOf(new Set(['']))).toBe(0);
  });
});
