// SPDX-License-Identifier: Apache-2.0
// The SQL `clitel forget --clickhouse` runs, built without a server: which tables the collector
// ClickHouse exporter writes, in which order their rows must go, and the parameterised count and
// delete statements. The installation id only ever travels as a bound parameter ({id:String});
// database and table names are checked against a strict pattern and quoted.
import { ATTR_CLITEL_INSTALLATION_ID } from '@clitel/core/internal';
import type { Statement } from './clickhouse-connection.js';

/** The exporter's default database (`database` in its config). */
export const DEFAULT_CLICKHOUSE_DATABASE = 'default';
/** The exporter's default spans table (`traces_table_name`). */
export const DEFAULT_TRACES_TABLE = 'otel_traces';
/** The exporter's default metric tables (`metrics_tables.*.name`). */
const CLICKHOUSE_METRIC_TABLES = [
  'otel_metrics_sum', 'otel_metrics_gauge', 'otel_metrics_histogram', 'otel_metrics_exponential_histogram', 'otel_metrics_summary',
] as const;

/** How rows of one installation are found in a table. */
type ForgetTableKind =
  /** Rows carry the resource attributes (`ResourceAttributes Map(…)`). */
  | 'resource'
  /** `<traces>_trace_id_ts`: only TraceId, Start, End; rows go by the installation's trace ids. */
  | 'trace-ids';

/** One table forget deletes from. */
export interface ForgetTable {
  name: string;
  kind: ForgetTableKind;
}

/** Where the exporter's tables are. */
export interface ForgetTarget {
  database: string;
  /** The spans table; the trace id lookup table is `<tracesTable>_trace_id_ts`. */
  tracesTable: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const IDENTIFIER = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,127}$/;

/** The id in the form clitel stores it (a lower-case UUID), or undefined when `text` is not a UUID. */
export function normalizeInstallationId(text: string): string | undefined {
  const id = text.trim().toLowerCase();
  return UUID.test(id) ? id : undefined;
}

/** Whether `name` is acceptable as a database or table name (letters, digits, `_`, `-`). */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** Backquotes a name that passed isIdentifier. */
export function quoteIdentifier(name: string): string {
  if (!isIdentifier(name)) throw new Error(`not an identifier: ${JSON.stringify(name)}`);
  return `\`${name}\``;
}

/** The tables in the order their rows must go: the trace id lookup first (it is found through the spans), then spans, then metrics. */
export function forgetTables(tracesTable: string): ForgetTable[] {
  return [
    { name: `${tracesTable}_trace_id_ts`, kind: 'trace-ids' },
    { name: tracesTable, kind: 'resource' },
    ...CLICKHOUSE_METRIC_TABLES.map((name): ForgetTable => ({ name, kind: 'resource' })),
  ];
}

/** Lists the columns of those tables that exist: `table`, `name`, `type` rows. */
export function columnsStatement(target: ForgetTarget): Statement {
  return {
    query: 'SELECT table, name, type FROM system.columns WHERE database = {database:String} AND has({tables:Array(String)}, table) ORDER BY table, position',
    params: { database: target.database, tables: forgetTables(target.tracesTable).map((t) => t.name) },
  };
}

/** Why `table` cannot be forgotten in, given the columns of every existing table; undefined when it can. */
export function tableProblem(table: ForgetTable, target: ForgetTarget, columns: ReadonlyMap<string, ReadonlyMap<string, string>>): string | undefined {
  const own = columns.get(table.name);
  if (own == null) return `no table ${target.database}.${table.name}`;
  if (table.kind === 'trace-ids') {
    if (!own.has('TraceId')) return `${table.name} has no TraceId column`;
    const traces = columns.get(target.tracesTable);
    if (traces == null || !/^Map\(/.test(traces.get('ResourceAttributes') ?? '')) return `its trace ids are found through ${target.tracesTable}, which is missing or not in the exporter's Map layout`;
    return undefined;
  }
  const type = own.get('ResourceAttributes');
  if (type == null) return `${table.name} has no ResourceAttributes column`;
  if (!/^Map\(/.test(type)) return `${table.name}.ResourceAttributes is ${type}, not a Map (the exporter's json layout); delete by hand`;
  return undefined;
}

function where(table: ForgetTable, target: ForgetTarget): string {
  const byResource = `ResourceAttributes[{key:String}] = {id:String}`;
  if (table.kind === 'resource') return byResource;
  return `TraceId IN (SELECT TraceId FROM ${quoteIdentifier(target.database)}.${quoteIdentifier(target.tracesTable)} WHERE ${byResource})`;
}

const bind = (id: string): Record<string, unknown> => ({ key: ATTR_CLITEL_INSTALLATION_ID, id });
const qualified = (table: ForgetTable, target: ForgetTarget): string => `${quoteIdentifier(target.database)}.${quoteIdentifier(table.name)}`;

/** Counts the installation's rows in `table` (as `n`). */
export function countStatement(table: ForgetTable, target: ForgetTarget, id: string): Statement {
  return { query: `SELECT count() AS n FROM ${qualified(table, target)} WHERE ${where(table, target)}`, params: bind(id) };
}

/**
 * Deletes the installation's rows from `table`. Tables with resource attributes use a lightweight
 * DELETE (rows vanish from queries when it returns). The trace id lookup table uses ALTER … DELETE,
 * waited for (mutations_sync = 2) because its subquery reads the spans that go next; replicated
 * engines count a subquery as non-deterministic, hence allow_nondeterministic_mutations.
 */
export function deleteStatement(table: ForgetTable, target: ForgetTarget, id: string): Statement {
  if (table.kind === 'resource') return { query: `DELETE FROM ${qualified(table, target)} WHERE ${where(table, target)}`, params: bind(id) };
  return { query: `ALTER TABLE ${qualified(table, target)} DELETE WHERE ${where(table, target)}`, params: bind(id), settings: { mutations_sync: '2', allow_nondeterministic_mutations: 1 } };
}
