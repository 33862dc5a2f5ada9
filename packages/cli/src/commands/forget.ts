// SPDX-License-Identifier: Apache-2.0
// `clitel forget <installation-id> [--db clitel.duckdb | --clickhouse <url>]`: deletes every stored
// span and metric row of one installation (a user's deletion request). Idempotent: a second run
// deletes 0 rows.
import type { Command, CliContext } from '../context.js';
import { booleanFlag, parseCommandArgs, stringFlag, type ParsedArgs } from '../args.js';
import { CliError } from '../cli-error.js';
import { openDuckDbStore } from '../store/duckdb-store.js';
import { DEFAULT_CLICKHOUSE_DATABASE, DEFAULT_TRACES_TABLE, isIdentifier, normalizeInstallationId } from '../store/forget-statements.js';
import type { ClickHouseForgetResult } from '../store/clickhouse-forget.js';
import { dbPath, writeJson } from './shared.js';

export const FORGET_HELP = `Usage: clitel forget <installation-id> [--db clitel.duckdb]
       clitel forget <installation-id> --clickhouse http://host:8123 [--database default]
                     [--table otel_traces] [--user name] [--password secret]

Deletes every span and metric point stored for one installation id (users find theirs with
<tool> telemetry status). Prints how many rows were deleted, per table with --clickhouse;
running it again deletes nothing.

--clickhouse deletes from the tables the collector ClickHouse exporter writes in --database
(default: the URL's path, else default): <table>_trace_id_ts by the installation's trace ids
(first), <table> (--table, default otel_traces), otel_metrics_sum, otel_metrics_gauge,
otel_metrics_histogram, otel_metrics_exponential_histogram and otel_metrics_summary. Tables
that do not exist are skipped and named. Credentials come from the URL
(http://user:password@host:8123) or --user/--password; no environment variable is read.
On a cluster (ON CLUSTER), run the SQL in docs/collector.md by hand.`;

const CLICKHOUSE_ONLY = ['database', 'table', 'user', 'password'] as const;

function installationId(parsed: ParsedArgs): string {
  const text = parsed.positionals[0]?.trim();
  if (text == null || text === '') throw new CliError('clitel.cli.usage', 'forget: give the installation id, e.g. clitel forget 0b6f0c1e-4c9a-4f51-9d8e-2f4b7c1d2e3f');
  const id = normalizeInstallationId(text);
  if (id == null) throw new CliError('clitel.cli.usage', `forget: the installation id is invalid, expected a UUID such as 0b6f0c1e-4c9a-4f51-9d8e-2f4b7c1d2e3f, actual '${text}'`);
  return id;
}

function identifierFlag(parsed: ParsedArgs, name: 'database' | 'table'): string | undefined {
  const value = stringFlag(parsed, name);
  if (value != null && !isIdentifier(value)) {
    throw new CliError('clitel.cli.usage', `forget: --${name} is invalid, expected a name of letters, digits, _ and -, actual '${value}'`);
  }
  return value;
}

async function forgetClickHouse(context: CliContext, parsed: ParsedArgs, url: string, id: string): Promise<number> {
  const { connectClickHouse, parseClickHouseUrl } = await import('../store/clickhouse-connection.js');
  const { forgetInClickHouse } = await import('../store/clickhouse-forget.js');
  const fromUrl = parseClickHouseUrl(url).database;
  if (fromUrl != null && !isIdentifier(fromUrl)) throw new CliError('clitel.cli.usage', `forget: the database in --clickhouse is invalid, expected letters, digits, _ and -, actual '${fromUrl}'`);
  const database = identifierFlag(parsed, 'database') ?? fromUrl ?? DEFAULT_CLICKHOUSE_DATABASE;
  const tracesTable = identifierFlag(parsed, 'table') ?? DEFAULT_TRACES_TABLE;
  const user = stringFlag(parsed, 'user');
  const password = stringFlag(parsed, 'password');
  // The session's database is --database too: a server refuses every query of a session whose
  // database (the URL's path, when --database overrides it) does not exist.
  const connection = await connectClickHouse({ url, purpose: 'forget', database, ...(user != null ? { username: user } : {}), ...(password != null ? { password } : {}) });
  let result: ClickHouseForgetResult;
  try {
    result = await forgetInClickHouse(connection, { database, tracesTable }, id);
  } finally {
    await connection.close();
  }
  if (booleanFlag(parsed, 'json')) {
    writeJson(context, { installation: id, deleted: result.deleted, clickhouse: connection.safe, database, tables: result.tables });
    return 0;
  }
  const width = Math.max(0, ...result.tables.filter((t) => t.deleted != null).map((t) => t.table.length));
  for (const t of result.tables) {
    if (t.skipped != null) context.stderr.write(`clitel: skipped ${t.table}: ${t.skipped}\n`);
    if (t.remaining != null) context.stderr.write(`clitel: ${t.remaining} rows of ${t.table} are still visible; the server applies the delete in the background (run forget again later to check)\n`);
  }
  context.stdout.write(`Deleted ${result.deleted} rows of installation ${id} from ClickHouse ${connection.safe}, database ${database}:\n`);
  for (const t of result.tables) if (t.deleted != null) context.stdout.write(`  ${t.table.padEnd(width)}  ${String(t.deleted).padStart(8)}\n`);
  return 0;
}

export const forget: Command = async (context) => {
  const parsed = parseCommandArgs('forget', context.args, {
    db: { type: 'string' }, clickhouse: { type: 'string' }, database: { type: 'string' }, table: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' },
  }, 1);
  const id = installationId(parsed);
  const clickhouse = stringFlag(parsed, 'clickhouse');
  if (clickhouse != null) {
    if (stringFlag(parsed, 'db') != null) throw new CliError('clitel.cli.usage', 'forget: give either --db or --clickhouse, not both');
    return forgetClickHouse(context, parsed, clickhouse, id);
  }
  const stray = CLICKHOUSE_ONLY.find((name) => stringFlag(parsed, name) != null);
  if (stray != null) throw new CliError('clitel.cli.usage', `forget: --${stray} applies only with --clickhouse`);
  const store = await openDuckDbStore(dbPath(context, parsed));
  let deleted: number;
  try {
    deleted = await store.forget(id);
  } finally {
    await store.close();
  }
  if (booleanFlag(parsed, 'json')) writeJson(context, { installation: id, deleted, db: store.file });
  else context.stdout.write(`Deleted ${deleted} rows of installation ${id} from ${store.file}.\n`);
  return 0;
};
