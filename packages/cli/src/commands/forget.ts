// SPDX-License-Identifier: Apache-2.0
// `clitel forget <installation-id> [--db clitel.duckdb]`: deletes every stored span and metric row of one
// installation (a user's deletion request). Idempotent: a second run deletes 0 rows.
import type { Command } from '../context.js';
import { booleanFlag, parseCommandArgs, stringFlag } from '../args.js';
import { CliError } from '../cli-error.js';
import { openDuckDbStore } from '../store/duckdb-store.js';
import { dbPath, writeJson } from './shared.js';

export const FORGET_HELP = `Usage: clitel forget <installation-id> [--db clitel.duckdb]

Deletes every span and metric point stored for one installation id (users find theirs with <tool> telemetry
status). Prints how many rows were deleted; running it again deletes nothing.
ClickHouse (--clickhouse) is planned; until then run, on the server:
  ALTER TABLE otel_traces DELETE WHERE ResourceAttributes['clitel.installation.id'] = '<id>'`;

export const forget: Command = async (context) => {
  const parsed = parseCommandArgs('forget', context.args, { db: { type: 'string' }, clickhouse: { type: 'string' }, table: { type: 'string' } }, 1);
  const id = parsed.positionals[0]?.trim();
  if (id == null || id === '') throw new CliError('clitel.cli.usage', 'forget: give the installation id, e.g. clitel forget 0b6f0c1e-4c9a-4f51-9d8e-2f4b7c1d2e3f');
  if (stringFlag(parsed, 'clickhouse') != null) {
    throw new CliError('clitel.cli.usage', 'forget: --clickhouse is not supported yet; see clitel forget --help for the SQL to run');
  }
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
