// SPDX-License-Identifier: Apache-2.0
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnvDirs } from './env.js';
import { resolvePaths } from './paths.js';

const NONE: EnvDirs = { configHome: undefined, stateHome: undefined, appData: undefined, localAppData: undefined };

describe('resolvePaths', () => {
  it('gives what joining every segment would give, for odd homes, tool names and XDG values', () => {
    const homes = ['/home/u', '/home/u/', '', '/', 'rel/dir', '/a//b/../c'];
    const tools = ['acme', '..', '.', '', 'a b/c'];
    const dirs: EnvDirs[] = [NONE, { ...NONE, configHome: '/x/conf/', stateHome: '/y//state' }, { ...NONE, configHome: '', stateHome: 'rel' }];
    for (const homeDir of homes) for (const tool of tools) for (const env of dirs) {
      const safe = tool.replace(/[^A-Za-z0-9._-]/g, '_');
      const configDir = join(env.configHome ?? join(homeDir, '.config'), 'clitel');
      const stateDir = join(env.stateHome ?? join(homeDir, '.local', 'state'), 'clitel', safe);
      expect(resolvePaths(env, tool, homeDir, 'linux'), JSON.stringify({ homeDir, tool, env })).toEqual({
        configDir,
        machineConfigFile: join(configDir, 'config.json'),
        toolConfigFile: join(configDir, 'tools', `${safe}.json`),
        stateDir,
        spoolDir: join(stateDir, 'spool'),
      });
    }
  });

  it('uses APPDATA and LOCALAPPDATA on Windows, else the home\'s AppData folders', () => {
    expect(resolvePaths({ ...NONE, appData: '/r', localAppData: '/l' }, 'acme', '/h', 'win32')).toMatchObject({ configDir: join('/r', 'clitel'), stateDir: join('/l', 'clitel', 'acme') });
    expect(resolvePaths(NONE, 'acme', '/h', 'win32')).toMatchObject({ configDir: join('/h', 'AppData', 'Roaming', 'clitel'), stateDir: join('/h', 'AppData', 'Local', 'clitel', 'acme') });
  });
});
