// SPDX-License-Identifier: Apache-2.0
// The backend a reading command uses: the embedded store (--db) or ClickHouse (--clickhouse).
import type { CliContext } from '../context.js';
import { stringFlag, type ParsedArgs } from '../args.js';
import type { QueryRunner } from '../store/query-runner.js';
import { openDuckDbStore } from '../store/duckdb-store.js';
import { TRACES_TABLE } from '../store/duckdb-schema.js';
import { dbPath } from './shared.js';

/** Flags of every reading command. */
export const RUNNER_FLAGS = {
  db: { type: 'string' },
  clickhouse: { type: 'string' },
  table: { type: 'string' },
} as const;

/** Opens the backend the flags name. */
export async function openRunner(context: CliContext, parsed: ParsedArgs): Promise<QueryRunner> {
  const clickhouse = stringFlag(parsed, 'clickhouse') ?? undefined;
  if (clickhouse != null) {
    const { openClickHouseRunner } = await import('../store/clickhouse-runner.js');
    return openClickHouseRunner(clickhouse, stringFlag(parsed, 'table') ?? TRACES_TABLE);
  }
  return openDuckDbStore(dbPath(context, parsed), { readOnly: true });
}
