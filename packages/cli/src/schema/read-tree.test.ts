// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { parseTree } from './read-tree.js';

const codeOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: unknown }).code;
  }
  return undefined;
};

describe('parseTree', () => {
  it('accepts the tree an adapter writes', () => {
    const tree = { v: 1, framework: 'commander', commands: [{ path: '', options: [{ name: 'verbose', kind: 'boolean' }] }] };
    expect(parseTree(JSON.stringify(tree), 'bin/x.js')).toEqual(tree);
  });

  it('rejects anything else with clitel.schema.tree-invalid', () => {
    for (const text of ['not json', '{}', '{"v":2,"framework":"x","commands":[]}', '{"v":1,"framework":"x","commands":[{"path":""}]}', '{"v":1,"framework":"x","commands":[{"path":"","options":[{}]}]}']) {
      expect(codeOf(() => parseTree(text, 'bin/x.js'))).toBe('clitel.schema.tree-invalid');
    }
  });
});
