// SPDX-License-Identifier: Apache-2.0
// The one error type of the maintainer command: a stable code, an exit code and a message for people.

/** Stable error codes, `clitel.<area>.<reason>`. Tests assert on these, never on message text. */
export type CliErrorCode =
  | 'clitel.cli.usage'
  | 'clitel.cli.unknown-command'
  | 'clitel.store.missing'
  | 'clitel.store.locked'
  | 'clitel.store.corrupt'
  | 'clitel.dev.port-in-use'
  | 'clitel.dev.listen'
  | 'clitel.ingest.missing'
  | 'clitel.ingest.corrupt'
  | 'clitel.ingest.unreadable'
  | 'clitel.schema.missing'
  | 'clitel.schema.invalid'
  | 'clitel.schema.no-tree'
  | 'clitel.schema.tree-invalid'
  | 'clitel.clickhouse.unreachable'
  | 'clitel.clickhouse.query'
  | 'clitel.clickhouse.no-tables'
  | 'clitel.init.no-package'
  | 'clitel.init.no-framework'
  | 'clitel.init.parse'
  | 'clitel.collector.unavailable';

/** An expected failure: printed as one `clitel:` line, never as a stack trace. */
export class CliError extends Error {
  /** Machine-readable code, e.g. `clitel.store.missing`. */
  readonly code: CliErrorCode;
  /** Exit code: 2 for usage errors, 1 otherwise. */
  readonly exitCode: number;

  constructor(code: CliErrorCode, message: string, exitCode = code === 'clitel.cli.usage' || code === 'clitel.cli.unknown-command' ? 2 : 1) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** Whether `error` is a CliError (also across module copies). */
export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError || (error instanceof Error && error.name === 'CliError' && typeof (error as CliError).code === 'string');
}
