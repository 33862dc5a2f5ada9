// SPDX-License-Identifier: Apache-2.0
import type { Run, TelemetryOptions } from '@clitel/core';
import type { parseArgs, ParseArgsConfig } from 'node:util';

/** Options of `parseArgs()` and `telemetryCommand()`: clitel's options, with the tool name read from the schema. */
export interface ParseArgsTelemetryOptions extends Omit<TelemetryOptions, 'toolName'> {
  /** The tool's name. Default: `schema.tool`. */
  toolName?: string;
  /** The tool's command paths, e.g. `['greet', 'remote add']`. Default: the schema's command paths. */
  commands?: readonly string[];
  /** How many leading positionals can name the command. Default: the most words in a command path (0 without commands). */
  commandPositionals?: number;
}

/** What node's `parseArgs(config)` returns, plus the run; `tokens` only when the config asked for them. */
export type ParsedArgsWithTelemetry<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>> & {
  /** This process's run: `telemetry.stage('build')`, `telemetry.recordError(error)`. */
  telemetry: Run;
};
