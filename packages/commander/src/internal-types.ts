// SPDX-License-Identifier: Apache-2.0
// The parts of commander's Command the adapter uses, so commander is never imported at run time.

interface OptionLike {
  name(): string;
  attributeName(): string;
}

interface OutputConfiguration {
  writeOut?: (str: string) => void;
  writeErr?: (str: string) => void;
  outputError?: (str: string, write: (str: string) => void) => void;
}

export interface CommandLike {
  readonly commands: readonly CommandLike[];
  readonly options: readonly OptionLike[];
  readonly parent: CommandLike | null;
  readonly args: string[];
  name(): string;
  aliases(): string[];
  version(): string | undefined;
  getOptionValue(key: string): unknown;
  getOptionValueSource(key: string): string | undefined;
  hook(event: 'preAction' | 'preSubcommand', fn: (thisCommand: CommandLike, other: CommandLike) => void): unknown;
  configureOutput(): OutputConfiguration;
  configureOutput(config: OutputConfiguration): unknown;
  command(nameAndArgs: string): CommandLike;
  description(text: string): CommandLike;
  usage(text: string): CommandLike;
  argument(name: string): CommandLike;
  allowUnknownOption(): CommandLike;
  allowExcessArguments(): CommandLike;
  helpOption(flags: false): CommandLike;
  action(fn: (...args: unknown[]) => void): CommandLike;
  error(message: string, options?: { exitCode?: number; code?: string }): never;
}
