// SPDX-License-Identifier: Apache-2.0
// What a command gets from the entry point: argv, env, cwd, writers and the clock. Nothing in
// src/ reads process.* except bin.ts, so every command runs the same in a test and in a terminal.
import type { Env } from '@clitel/core';

/** Where output goes. */
export interface Writer {
  /** Writes text as is (no newline added). */
  write(text: string): void;
  /** Whether this writer is a terminal. */
  readonly isTTY: boolean;
}

/** Everything a command may use from its environment. */
export interface CliContext {
  /** Arguments after the subcommand name. */
  readonly args: readonly string[];
  /** The environment, read once by the entry point. */
  readonly env: Env;
  /** The working directory; relative paths resolve against it. */
  readonly cwd: string;
  /** Results: tables, JSON, generated text. */
  readonly stdout: Writer;
  /** Progress, live views and errors. */
  readonly stderr: Writer;
  /** Aborted on SIGINT/SIGTERM; long-running commands stop cleanly. */
  readonly signal: AbortSignal;
  /** The clock. */
  now(): Date;
}

/** A subcommand: runs and resolves to its exit code, or throws a CliError. */
export type Command = (context: CliContext) => Promise<number>;
