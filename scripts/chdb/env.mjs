#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// The Python environment with chDB (the ClickHouse engine in process) that the ClickHouse tests
// run on. `npm run chdb:install` creates it from requirements.txt in a cache outside the tree,
// keyed by the requirements' hash (a new install only when a pin changes); the tests find it
// through chdbPython(). CLITEL_CHDB_PYTHON names another interpreter that has chdb installed.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The pinned packages. */
export const REQUIREMENTS = fileURLToPath(new URL('./requirements.txt', import.meta.url));
/** The chDB-backed HTTP server the tests start. */
export const CHDB_SERVER = fileURLToPath(new URL('./http-server.py', import.meta.url));
/** How to install the environment, for skip and failure messages. */
export const CHDB_INSTALL_HINT = 'run `npm run chdb:install` (a Python 3 venv with chdb from PyPI)';

const MARKER = '.clitel-complete';

/** Where the environment for the current requirements lives. */
export function chdbEnvDir() {
  const hash = createHash('sha256').update(readFileSync(REQUIREMENTS)).digest('hex').slice(0, 12);
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'clitel', `chdb-${hash}`);
}

/** The interpreter with chdb, or undefined when the environment is not installed. */
export function chdbPython() {
  const explicit = process.env.CLITEL_CHDB_PYTHON;
  if (explicit != null && explicit !== '') return explicit;
  const dir = chdbEnvDir();
  return existsSync(join(dir, MARKER)) ? join(dir, 'bin', 'python') : undefined;
}

/** Creates the environment unless it is there; returns its interpreter. */
export function installChdb() {
  const dir = chdbEnvDir();
  const python = join(dir, 'bin', 'python');
  if (existsSync(join(dir, MARKER))) return python;
  rmSync(dir, { recursive: true, force: true });
  const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  run('python3', ['-m', 'venv', dir]);
  run(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '-r', REQUIREMENTS]);
  run(python, ['-c', 'import chdb; print("chdb", chdb.__version__, "engine", chdb.engine_version)']);
  writeFileSync(join(dir, MARKER), `${readFileSync(REQUIREMENTS, 'utf8')}`);
  return python;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const cached = chdbPython() != null && process.env.CLITEL_CHDB_PYTHON == null;
  try {
    const python = installChdb();
    console.error(`chdb: ${cached ? 'cached' : 'installed'} at ${python} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`chdb: install failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exit(1);
  }
}
