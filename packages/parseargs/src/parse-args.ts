// SPDX-License-Identifier: Apache-2.0
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
import { adapterTelemetry, emitTreeIfAsked, noopRun, startRun, type AdapterRun, type TelemetryOptions } from '@clitel/core';
import type { ParseArgsTelemetryOptions, ParsedArgsWithTelemetry } from './types.js';
import { commandOf, depthOf } from './command.js';
import { commandTree } from './command-tree.js';

interface Token { kind: string; name?: string }
interface Parsed { values: Record<string, unknown>; positionals: string[]; tokens?: Token[] }

/** clitel's options for a parseArgs tool, read once from the entry point's environment. */
export function telemetryOptions(options: ParseArgsTelemetryOptions): TelemetryOptions {
  const { commands: _commands, commandPositionals: _positionals, ...adapterOptions } = options;
  return adapterTelemetry(adapterOptions);
}

/**
 * node's `parseArgs(config)`, recording this run: the command from the leading positionals and
 * the options given on the command line (from parseArgs' own tokens, so defaults never count).
 * Returns exactly what node returns, plus `telemetry`; throws node's own parse errors unchanged.
 */
export function parseArgs<T extends ParseArgsConfig>(config: T, options: ParseArgsTelemetryOptions = {}): ParsedArgsWithTelemetry<T> {
  let run: AdapterRun = noopRun();
  try {
    void emitTreeIfAsked(options.env ?? process.env, () => commandTree(config, options));
    run = startRun(telemetryOptions(options));
  } catch {
    // Telemetry never breaks the tool.
  }
  let parsed: Parsed;
  try {
    parsed = nodeParseArgs({ ...config, tokens: true }) as Parsed;
  } catch (error) {
    if (run.recording) record(run, config, options, () => nodeParseArgs({ ...config, strict: false, tokens: true }) as Parsed);
    run.recordError(error);
    throw error;
  }
  if (run.recording) record(run, config, options, () => parsed);
  const { tokens, ...rest } = parsed;
  return { ...rest, ...(config.tokens === true ? { tokens } : undefined), telemetry: run } as unknown as ParsedArgsWithTelemetry<T>;
}

function record(run: AdapterRun, config: ParseArgsConfig, options: ParseArgsTelemetryOptions, parse: () => Parsed): void {
  try {
    const known = new Set(options.commands ?? Object.keys(options.schema?.commands ?? {}));
    const names = Object.keys(config.options ?? {});
    run.declare({ commands: Object.fromEntries(['', ...known].map((c) => [c, []])), options: names });
    const { values, positionals, tokens = [] } = parse();
    run.setCommand(commandOf(positionals, known, options.commandPositionals ?? depthOf(known)));
    const used: Record<string, unknown> = {};
    for (const token of tokens) if (token.kind === 'option' && token.name != null && names.includes(token.name)) used[token.name] = values[token.name];
    run.setOptions(used);
  } catch {
    // Nothing recorded beyond what was set; never into the host.
  }
}
