// SPDX-License-Identifier: Apache-2.0
// What the report needs from a backend: run one SELECT in that backend's dialect.
import type { Dialect } from '../report/dialect.js';

/** A row as returned by a backend; 64-bit numbers may come back as strings. */
export type ResultRow = Record<string, unknown>;

/** A read-only connection the report queries run on. */
export interface QueryRunner {
  /** The SQL dialect of this backend. */
  readonly dialect: Dialect;
  /** Runs one SELECT and returns its rows. */
  query(sql: string): Promise<ResultRow[]>;
  /** Releases the connection. */
  close(): Promise<void>;
}
