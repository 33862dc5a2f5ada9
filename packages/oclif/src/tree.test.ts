// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import type { ConfigLike, LoadableLike } from './internal-types.js';
import { commandPath, declaredCommands, requestedPath, usedFlags } from './tree.js';

const commands: LoadableLike[] = [
  { id: 'deploy', flags: { env: {}, force: {} } },
  { id: 'remote:add', flags: { url: {} } },
];
const config: ConfigLike = {
  root: '/tool',
  bin: 'tool',
  version: '1.0.0',
  commands,
  topics: [{ name: 'remote' }],
  findCommand: (id) => commands.find((c) => c.id === id || (id === 'remote:new' && c.id === 'remote:add')),
  findTopic: (id) => (id === 'remote' ? { name: 'remote' } : undefined),
};

describe('tree', () => {
  it('turns colon ids into paths', () => {
    expect(commandPath('remote:add')).toEqual(['remote', 'add']);
    expect(commandPath(undefined)).toEqual([]);
    expect(commandPath('Symbol(SINGLE_COMMAND_CLI)')).toEqual([]);
  });

  it('declares commands, topics and the root with their flag names', () => {
    expect(declaredCommands(config)).toEqual({ commands: { '': [], remote: [], deploy: ['env', 'force'], 'remote add': ['url'] } });
  });

  it('reads the requested path: command, alias, topic, root flag, unknown', () => {
    expect(requestedPath(config, 'deploy')).toEqual(['deploy']);
    expect(requestedPath(config, 'remote:new')).toEqual(['remote', 'add']);
    expect(requestedPath(config, 'remote')).toEqual(['remote']);
    expect(requestedPath(config, '--version')).toEqual([]);
    expect(requestedPath(config, undefined)).toEqual([]);
    expect(requestedPath(config, 'frobnicate')).toEqual(['_unknown']);
    expect(requestedPath({ ...config, isSingleCommandCLI: true }, 'anything')).toEqual([]);
  });

  it('keeps only flags the user set, never defaults', () => {
    const output = {
      flags: { env: 'prod', region: 'eu-west-1', force: true, quiet: undefined },
      metadata: { flags: { region: { setFromDefault: true }, quiet: { setFromDefault: true } } },
    };
    expect(usedFlags(output)).toEqual({ env: 'prod', force: true });
    expect(usedFlags({})).toEqual({});
  });
});
