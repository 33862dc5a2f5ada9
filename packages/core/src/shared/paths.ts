// SPDX-License-Identifier: Apache-2.0
import { join } from 'node:path';
import type { EnvDirs } from './env.js';

/** Where clitel keeps choices and state for one tool. */
export interface ClitelPaths {
  /** Directory of choices (`$XDG_CONFIG_HOME/clitel`). */
  configDir: string;
  /** Machine-wide choice file, shared by every tool. */
  machineConfigFile: string;
  /** This tool's choice file. */
  toolConfigFile: string;
  /** This tool's state directory (`$XDG_STATE_HOME/clitel/<tool>`). */
  stateDir: string;
  /** The spool of finished runs waiting to be sent. */
  spoolDir: string;
}

/** Resolves the directories; on Windows `%APPDATA%` and `%LOCALAPPDATA%`, elsewhere XDG. */
export function resolvePaths(env: EnvDirs, toolName: string, homeDir: string, platform: NodeJS.Platform): ClitelPaths {
  const safeTool = toolName.replace(/[^A-Za-z0-9._-]/g, '_');
  const windows = platform === 'win32';
  const configRoot = windows ? env.appData ?? join(homeDir, 'AppData', 'Roaming') : env.configHome ?? join(homeDir, '.config');
  const stateRoot = windows ? env.localAppData ?? join(homeDir, 'AppData', 'Local') : env.stateHome ?? join(homeDir, '.local', 'state');
  const configDir = join(configRoot, 'clitel');
  const stateDir = join(stateRoot, 'clitel', safeTool);
  return {
    configDir,
    machineConfigFile: join(configDir, 'config.json'),
    toolConfigFile: join(configDir, 'tools', `${safeTool}.json`),
    stateDir,
    spoolDir: join(stateDir, 'spool'),
  };
}
