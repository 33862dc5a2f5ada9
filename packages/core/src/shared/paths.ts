// SPDX-License-Identifier: Apache-2.0
import { join, sep } from 'node:path';
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

/** `name` inside `dir`, where `dir` came from `join` and `name` is one plain path segment: what `join` would give, without normalizing again. */
function inside(dir: string, name: string): string {
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

/**
 * Resolves the directories; on Windows `%APPDATA%` and `%LOCALAPPDATA%`, elsewhere XDG. Called on
 * every run, so it joins twice only: each `join` is one more call of Node's path
 * normalization, whose optimization by V8 a start-up should not trigger.
 */
export function resolvePaths(env: EnvDirs, toolName: string, homeDir: string, platform: NodeJS.Platform): ClitelPaths {
  const safeTool = toolName.replace(/[^A-Za-z0-9._-]/g, '_');
  const windows = platform === 'win32';
  const configHome = windows ? env.appData : env.configHome;
  const stateHome = windows ? env.localAppData : env.stateHome;
  const configDir = configHome != null ? join(configHome, 'clitel') : join(homeDir, ...(windows ? ['AppData', 'Roaming'] : ['.config']), 'clitel');
  const stateDir = stateHome != null ? join(stateHome, 'clitel', safeTool) : join(homeDir, ...(windows ? ['AppData', 'Local'] : ['.local', 'state']), 'clitel', safeTool);
  return {
    configDir,
    machineConfigFile: inside(configDir, 'config.json'),
    toolConfigFile: inside(inside(configDir, 'tools'), `${safeTool}.json`),
    stateDir,
    spoolDir: inside(stateDir, 'spool'),
  };
}
