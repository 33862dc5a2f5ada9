// SPDX-License-Identifier: Apache-2.0
import type { AdapterOptions, Run } from '@clitel/core';
import type { parseArgs, ParseArgsConfig } from 'node:util';

/**
 * Options of `parseArgs()` and `telemetryCommand()`: every option of `@clitel/core`'s
 * `AdapterOptions` (`telemetryCommand` is not used). The tool's name defaults to `schema.tool`,
 * then the bin of the package that owns the entry script; its version to that package's version.
 */
export interface ParseArgsTelemetryOptions extends AdapterOptions {
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
