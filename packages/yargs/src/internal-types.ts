// SPDX-License-Identifier: Apache-2.0
// The parts of a yargs instance the adapter uses, so yargs is never imported at run time. Most
// of them come from `getInternalMethods()`, which yargs 17 and 18 expose to its own helpers.

export type ArgvLike = Record<string, unknown> & { _?: unknown[] };

interface ParsedLike {
  argv: ArgvLike;
  /** Keys whose value came from their default. */
  defaulted?: Record<string, boolean>;
}

interface UsageLike {
  fail(message?: string | null, error?: unknown): unknown;
}

interface InternalMethodsLike {
  /** The commands being run: `fullCommands` holds each matched command's own definition string. */
  getContext(): { commands: string[]; fullCommands: string[] };
  getCommandInstance(): { getCommands(): string[]; hasDefaultCommand(): boolean };
  getUsageInstance(): UsageLike;
  getLoggerInstance(): { log(...text: unknown[]): void };
}

export interface YargsLike {
  readonly $0?: string;
  readonly parsed: ParsedLike | false;
  getInternalMethods(): InternalMethodsLike;
  getOptions(): { key: Record<string, unknown>; alias: Record<string, string[] | undefined> };
  middleware(fn: (argv: ArgvLike) => void, applyBeforeValidation?: boolean): unknown;
  showHelp(...args: unknown[]): unknown;
  command(command: string, description: string, builder: (y: YargsLike) => YargsLike, handler: (argv: ArgvLike) => void): unknown;
  strict(enabled: boolean): YargsLike;
  parserConfiguration(config: Record<string, unknown>): YargsLike;
  getParserConfiguration?(): Record<string, unknown>;
}
