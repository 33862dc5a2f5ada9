// SPDX-License-Identifier: Apache-2.0
// Report queries against ClickHouse: the table the collector ClickHouse exporter writes
// (`otel_traces` by default). Loaded only when --clickhouse is given.
import { CliError } from '../cli-error.js';
import { clickhouseDialect } from '../report/dialect.js';
import { connectClickHouse } from './clickhouse-connection.js';
import type { QueryRunner } from './query-runner.js';

/** Connects to `url` (e.g. `http://user:password@localhost:8123/clitel`) and checks the table exists. */
export async function openClickHouseRunner(url: string, table: string): Promise<QueryRunner> {
  const connection = await connectClickHouse({ url, purpose: 'report' });
  const [database, name] = table.includes('.') ? table.split('.', 2) : [undefined, table];
  try {
    const exists = await connection.query({
      query: `SELECT count() AS n FROM system.tables WHERE database = ${database == null ? 'currentDatabase()' : '{database:String}'} AND name = {name:String}`,
      params: { ...(database != null ? { database } : {}), name: name ?? '' },
    });
    if (Number(exists[0]?.n) !== 1) {
      throw new CliError('clitel.clickhouse.query', `ClickHouse at ${connection.safe} has no table ${table} (the collector ClickHouse exporter creates otel_traces; pass --table if yours differs)`);
    }
  } catch (error) {
    await connection.close();
    throw error;
  }
  return { dialect: clickhouseDialect(table), query: (sql) => connection.query(sql), close: () => connection.close() };
}
