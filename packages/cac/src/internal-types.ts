// SPDX-License-Identifier: Apache-2.0
// The parts of cac's CAC, Command and Option the adapter uses, so cac is never imported at run time.

export interface OptionLike {
  /** The longest name, camel-cased: `--dry-run` gives `dryRun`. */
  readonly name: string;
  /** Every name, without dashes or a `no-` prefix. */
  readonly names: readonly string[];
}

export interface CommandLike {
  /** The command's name; `''` for the default command. */
  readonly name: string;
  readonly aliasNames: readonly string[];
  readonly options: readonly OptionLike[];
  readonly versionNumber?: string;
  option(rawName: string, description: string): CommandLike;
  allowUnknownOptions(): CommandLike;
  usage(text: string): CommandLike;
  action(callback: (...args: never[]) => unknown): CommandLike;
}

export interface CacLike {
  readonly name: string;
  readonly commands: readonly CommandLike[];
  readonly globalCommand: CommandLike;
  /** The argv given to `parse()`, node and script included. */
  readonly rawArgs: readonly string[];
  /** Parsed options, defaults included. */
  readonly options: Readonly<Record<string, unknown>>;
  /** cac 6 (an EventEmitter). */
  on?(event: string, listener: () => void): unknown;
  /** cac 7 (an EventTarget). */
  addEventListener?(event: string, listener: () => void): unknown;
  command(rawName: string, description: string): CommandLike;
  runMatchedCommand(...args: unknown[]): unknown;
}
