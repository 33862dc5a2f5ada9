// SPDX-License-Identifier: Apache-2.0
// The tool's command tree for `clitel schema` (tree mode): node's parseArgs has no commands, so
// they are the ones the tool declares (`commands`, else the schema's); every option is global.
import type { ParseArgsConfig } from 'node:util';
import type { CommandTree, TreeOption } from '@clitel/core';
import type { ParseArgsTelemetryOptions } from './types.js';

/** The declared commands, each without options of its own, and the config's options on the root. */
export function commandTree(config: ParseArgsConfig, options: ParseArgsTelemetryOptions): CommandTree {
  const paths = [...new Set(options.commands ?? Object.keys(options.schema?.commands ?? {}))].filter((p) => p !== '');
  const rootOptions: TreeOption[] = Object.entries(config.options ?? {}).map(([name, o]) => ({
    name,
    kind: o.type === 'boolean' ? 'boolean' : 'string',
    ...(o.short != null ? { aliases: [o.short] } : {}),
  }));
  const tool = options.toolName ?? options.schema?.tool;
  return { v: 1, framework: 'parseargs', ...(tool != null ? { tool } : {}), commands: [{ path: '', options: rootOptions }, ...paths.map((path) => ({ path, options: [] }))] };
}
