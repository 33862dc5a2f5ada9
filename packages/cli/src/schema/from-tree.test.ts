// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import type { CommandTree, Schema } from '@clitel/core';
import { describeChange, schemaFromTree } from './from-tree.js';
import { formatSchema } from './format-schema.js';

const tree: CommandTree = {
  v: 1,
  framework: 'test',
  commands: [
    { path: '', options: [{ name: 'verbose', kind: 'boolean' }, { name: 'version', kind: 'boolean', builtin: true }] },
    { path: 'deploy', aliases: ['d'], options: [{ name: 'env', kind: 'string', choices: ['dev', 'prod'] }, { name: 'force', kind: 'boolean' }] },
    { path: 'remote', options: [{ name: 'config', kind: 'string' }] },
    { path: 'remote add', options: [{ name: 'url', kind: 'string' }] },
    { path: 'debug', hidden: true, options: [] },
  ],
};

describe('schemaFromTree', () => {
  it('makes a names-only schema from a tree, root options global and builtins left out', () => {
    const { schema, changes } = schemaFromTree(tree, undefined, { tool: 'fx' });
    expect(schema).toEqual({
      tool: 'fx',
      commands: { '': {}, deploy: { options: { env: {}, force: {} } }, remote: { options: { config: {} } }, 'remote add': { options: { url: {} } }, debug: {} },
      options: { verbose: {} },
    });
    expect(changes.filter((c) => c.change === 'removed')).toEqual([]);
    expect(schemaFromTree(tree, undefined, { tool: 'fx', allowChoices: true }).schema.commands.deploy?.options?.env).toEqual({ values: ['dev', 'prod'] });
  });

  it('keeps every decision of the existing schema, adds what is new, drops what has nothing behind it', () => {
    const existing: Schema = {
      tool: 'fx',
      mode: 'opt-in',
      commands: { '': {}, deploy: { options: { env: { values: ['prod'] }, gone: {} } }, 'remote add': { options: { url: {}, config: { boolean: true } } }, old: {} },
      stages: ['build'],
      options: { verbose: { boolean: true } },
    };
    const { schema, changes } = schemaFromTree(tree, existing, { tool: 'ignored', allowChoices: true });
    expect(schema.mode).toBe('opt-in');
    expect(schema.stages).toEqual(['build']);
    expect(schema.options).toEqual({ verbose: { boolean: true } });
    expect(schema.commands.deploy?.options).toEqual({ env: { values: ['prod'] }, force: {} });
    // a parent's option listed under its subcommand is kept: runs of `remote add` can set it
    expect(schema.commands['remote add']?.options).toEqual({ url: {}, config: { boolean: true } });
    expect(Object.keys(schema)).toEqual(['tool', 'mode', 'commands', 'stages', 'options']);
    expect(changes.map(describeChange).sort()).toEqual([
      '+ command "debug": declared by the tool, not in the schema',
      '+ command "remote": declared by the tool, not in the schema',
      '+ option --config of "remote": declared by the tool, not in the schema',
      '+ option --force of "deploy": declared by the tool, not in the schema',
      '- command "old": in the schema, nothing behind it in the tool',
      '- option --gone of "deploy": in the schema, nothing behind it in the tool',
    ]);
  });

  it('reports nothing for a schema already in step, and formats it one line per command', () => {
    const first = schemaFromTree(tree, undefined, { tool: 'fx' }).schema;
    expect(schemaFromTree(tree, first, { tool: 'fx' }).changes).toEqual([]);
    expect(formatSchema(first)).toContain('\n    "deploy": { "options": { "env": {}, "force": {} } },\n');
    expect(JSON.parse(formatSchema(first))).toEqual(first);
  });
});
