// SPDX-License-Identifier: Apache-2.0
// Report queries against ClickHouse: the table the collector ClickHouse exporter writes
// (`otel_traces` by default). Loaded only when --clickhouse is given.
import { CliError } from '../cli-error.js';
import { clickhouseDialect } from '../report/dialect.js';
import type { QueryRunner, ResultRow } from './query-runner.js';

/** Connects to `url` (e.g. `http://user:password@localhost:8123/clitel`) and checks the table exists. */
export async function openClickHouseRunner(url: string, table: string): Promise<QueryRunner> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError('clitel.cli.usage', `--clickhouse is invalid, expected an http(s) URL such as http://localhost:8123/default, actual '${url}'`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CliError('clitel.cli.usage', `--clickhouse needs the HTTP interface (http:// or https://, port 8123), not ${parsed.protocol}`);
  }
  const { createClient } = await import('@clickhouse/client');
  const client = createClient({ url, request_timeout: 60_000, application: 'clitel' });
  const safe = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  const ping = await client.ping();
  if (!ping.success) {
    await client.close();
    throw new CliError('clitel.clickhouse.unreachable', `cannot reach ClickHouse at ${safe} (${ping.error.message})`);
  }
  const query = async (sql: string): Promise<ResultRow[]> => {
    try {
      const result = await client.query({ query: sql, format: 'JSONEachRow' });
      return await result.json<ResultRow>();
    } catch (error) {
      throw new CliError('clitel.clickhouse.query', `ClickHouse at ${safe} refused a report query: ${(error as Error).message.split('\n')[0]}`);
    }
  };
  const [database, name] = table.includes('.') ? table.split('.', 2) : [undefined, table];
  const exists = await query(`SELECT count() AS n FROM system.tables WHERE database = ${database == null ? 'currentDatabase()' : `'${database.replace(/'/g, "''")}'`} AND name = '${(name ?? '').replace(/'/g, "''")}'`);
  if (Number(exists[0]?.n) !== 1) {
    await client.close();
    throw new CliError('clitel.clickhouse.query', `ClickHouse at ${safe} has no table ${table} (the collector ClickHouse exporter creates otel_traces; pass --table if yours differs)`);
  }
  return { dialect: clickhouseDialect(table), query, close: () => client.close() };
}
