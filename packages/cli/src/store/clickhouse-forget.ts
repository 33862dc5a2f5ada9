// SPDX-License-Identifier: Apache-2.0
// Deletes one installation's rows from the tables the collector ClickHouse exporter writes:
// counts first, then deletes in order (trace id lookup, spans, metrics), skipping tables that are
// missing. Idempotent: a second run finds and deletes nothing.
import { CliError } from '../cli-error.js';
import type { ClickHouseConnection } from './clickhouse-connection.js';
import { columnsStatement, countStatement, deleteStatement, forgetTables, tableProblem, type ForgetTarget } from './forget-statements.js';

/** What happened to one table. */
interface ForgetTableResult {
  table: string;
  /** Rows of the installation found (and deleted); absent when the table was skipped. */
  deleted?: number;
  /** Why the table was skipped. */
  skipped?: string;
  /** Rows still visible after the delete (the server applies it in the background); absent when 0. */
  remaining?: number;
}

/** What forgetInClickHouse did. */
export interface ClickHouseForgetResult {
  database: string;
  /** Every table, in the order they were handled. */
  tables: ForgetTableResult[];
  /** Rows deleted across the tables. */
  deleted: number;
}

async function count(connection: ClickHouseConnection, statement: ReturnType<typeof countStatement>): Promise<number> {
  const rows = await connection.query(statement);
  return Number(rows[0]?.n ?? 0);
}

/** Deletes every row of installation `id` in `target`. Throws `clitel.clickhouse.no-tables` when none of the tables exist. */
export async function forgetInClickHouse(connection: ClickHouseConnection, target: ForgetTarget, id: string): Promise<ClickHouseForgetResult> {
  const columns = new Map<string, Map<string, string>>();
  for (const row of await connection.query(columnsStatement(target))) {
    const table = String(row.table);
    const own = columns.get(table) ?? new Map<string, string>();
    own.set(String(row.name), String(row.type));
    columns.set(table, own);
  }
  const tables = forgetTables(target.tracesTable);
  if (columns.size === 0) {
    throw new CliError('clitel.clickhouse.no-tables', `ClickHouse at ${connection.safe} has none of the exporter's tables (${tables.map((t) => t.name).join(', ')}) in database ${target.database}; pass --database (and --table if traces_table_name is not ${target.tracesTable})`);
  }
  const plan = tables.map((table) => ({ table, problem: tableProblem(table, target, columns) }));
  // Count everything before deleting anything: the lookup table's rows are found through the spans.
  const found = new Map<string, number>();
  for (const { table, problem } of plan) if (problem == null) found.set(table.name, await count(connection, countStatement(table, target, id)));
  const results: ForgetTableResult[] = [];
  for (const { table, problem } of plan) {
    if (problem != null) {
      results.push({ table: table.name, skipped: problem });
      continue;
    }
    const n = found.get(table.name) ?? 0;
    let remaining = 0;
    if (n > 0) {
      await connection.command(deleteStatement(table, target, id));
      remaining = await count(connection, countStatement(table, target, id));
    }
    results.push({ table: table.name, deleted: n, ...(remaining > 0 ? { remaining } : {}) });
  }
  return { database: target.database, tables: results, deleted: results.reduce((sum, r) => sum + (r.deleted ?? 0), 0) };
}
