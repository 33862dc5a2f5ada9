// SPDX-License-Identifier: Apache-2.0
// Runs a tool's entry once in tree mode (CLITEL_SCHEMA_TREE=<file>) and reads the command tree its
// adapter wrote to that file. The tool's stdout is discarded, so nothing it prints can corrupt the tree.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import type { CommandTree, Env, TreeCommand, TreeOption } from '@clitel/core';
import { CliError } from '../cli-error.js';

/** How to run the tool's entry. */
export interface TreeRunOptions {
  /** The entry script, relative to `cwd`. */
  entry: string;
  cwd: string;
  env: Env;
  /** Node flags before the entry, e.g. `['--import', '@clitel/register']`. */
  nodeArgs?: readonly string[];
  /** Longest wait for the entry to exit. Default 30 s. */
  timeoutMs?: number;
}

/** A command tree and the entry it came from, named for readers. */
export interface ReadTree {
  tree: CommandTree;
  /** The entry, relative to the working directory, with forward slashes. */
  entry: string;
}

/** Runs the entry in tree mode and returns its tree; a tool that writes none is a CliError. */
export function readCommandTree(options: TreeRunOptions): ReadTree {
  const entryPath = resolve(options.cwd, options.entry);
  const display = relative(options.cwd, entryPath).split(sep).join('/');
  const dir = mkdtempSync(join(tmpdir(), 'clitel-tree-'));
  const file = join(dir, 'tree.json');
  try {
    const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), entryPath], {
      cwd: options.cwd,
      env: { ...options.env, CLITEL_SCHEMA_TREE: file },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: options.timeoutMs ?? 30_000,
      killSignal: 'SIGKILL',
      encoding: 'utf8',
    });
    let text: string | undefined;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = undefined;
    }
    if (text == null || result.status !== 0) {
      const how = result.error != null ? `could not run (${result.error.message})` : result.signal != null ? `was stopped (${result.signal})` : `exited with code ${result.status}`;
      const said = (result.stderr ?? '').trim().split('\n').at(-1);
      throw new CliError('clitel.schema.no-tree', `${display} ${how} without writing its command tree; is it instrumented with a clitel adapter (or run with --register)?${said != null && said !== '' ? ` It said: ${said}` : ''}`);
    }
    return { tree: parseTree(text, display), entry: display };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Parses and checks the tree an adapter wrote. */
export function parseTree(text: string, entry: string): CommandTree {
  const invalid = (what: string): never => {
    throw new CliError('clitel.schema.tree-invalid', `the command tree of ${entry} is invalid (${what})`);
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return invalid('not JSON');
  }
  const tree = value as Partial<CommandTree> | null;
  if (tree == null || tree.v !== 1 || typeof tree.framework !== 'string' || !Array.isArray(tree.commands)) return invalid('expected { v: 1, framework, commands }');
  for (const command of tree.commands as Partial<TreeCommand>[]) {
    if (typeof command?.path !== 'string' || !Array.isArray(command.options)) return invalid('a command without path or options');
    for (const option of command.options as Partial<TreeOption>[]) if (typeof option?.name !== 'string') invalid(`an option of "${command.path}" without a name`);
  }
  return tree as CommandTree;
}
