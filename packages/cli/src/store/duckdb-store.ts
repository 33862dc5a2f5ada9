// SPDX-License-Identifier: Apache-2.0
// The embedded store: one DuckDB file holding `otel_traces`. Written by `clitel dev` and
// `clitel ingest`; read by report, dashboard and publish; `forget` deletes one installation.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ATTR_CLITEL_INSTALLATION_ID } from '@clitel/core/internal';
import { CliError } from '../cli-error.js';
import type { SpanRow } from '../otlp/span-row.js';
import { duckdbDialect } from '../report/dialect.js';
import type { QueryRunner, ResultRow } from './query-runner.js';
import type { MetricPointRow } from '../otlp/metric-row.js';
import { CREATE_TABLES, INSERT_GAUGE_POINTS, INSERT_ROWS, INSERT_SUM_POINTS, METRIC_TABLES, TRACES_TABLE } from './duckdb-schema.js';

/** How to open the store. */
export interface OpenStoreOptions {
  /** Create the file when missing (receivers); otherwise a missing file is an error. */
  create?: boolean;
  /** Open read-only (reports). */
  readOnly?: boolean;
}

/** An open embedded store. */
export interface DuckDbStore extends QueryRunner {
  /** The database file. */
  readonly file: string;
  /** Stores rows; returns how many were new (a span already stored is skipped). */
  insert(rows: readonly SpanRow[]): Promise<number>;
  /** Stores sum and gauge points; returns how many were new (a point already stored is skipped). */
  insertMetrics(points: readonly MetricPointRow[]): Promise<number>;
  /** Deletes every span and metric row of one installation; returns how many were deleted. */
  forget(installationId: string): Promise<number>;
  /** How many spans are stored. */
  count(): Promise<number>;
  /** How many sum and gauge points are stored. */
  countMetricPoints(): Promise<number>;
  /** Runs a statement such as BEGIN TRANSACTION / COMMIT / ROLLBACK. */
  exec(sql: string): Promise<void>;
}

function toJsonRows(rows: readonly SpanRow[]): string {
  return JSON.stringify(rows.map((r) => ({
    ts: r.timestampNs.toString(), tid: r.traceId, sid: r.spanId, psid: r.parentSpanId, tst: r.traceState, name: r.spanName,
    kind: r.spanKind, svc: r.serviceName, ra: r.resourceAttributes, scn: r.scopeName, scv: r.scopeVersion, sa: r.spanAttributes,
    dur: r.durationNs.toString(), sc: r.statusCode, sm: r.statusMessage,
    ets: r.events.map((e) => e.timestampNs.toString()), en: r.events.map((e) => e.name), ea: r.events.map((e) => e.attributes),
  })));
}

const sorted = (m: Record<string, string>): [string, string][] => Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function toJsonPoints(points: readonly MetricPointRow[]): string {
  return JSON.stringify(points.map((p) => ({
    ra: p.resourceAttributes, svc: p.serviceName, scn: p.scopeName, scv: p.scopeVersion, name: p.metricName, desc: p.description, unit: p.unit,
    attrs: p.attributes, start: p.startNs.toString(), time: p.timeNs.toString(), value: p.value, temp: p.temporality, mono: p.monotonic,
    // Points have no ids: a retried export is recognised by its content.
    id: createHash('sha256').update(JSON.stringify([p.kind, sorted(p.resourceAttributes), p.scopeName, p.metricName, sorted(p.attributes), p.startNs.toString(), p.timeNs.toString(), p.value])).digest('hex'),
  })));
}

function openError(file: string, error: unknown): CliError {
  const message = error instanceof Error ? error.message : String(error);
  if (/lock/i.test(message)) {
    return new CliError('clitel.store.locked', `the database ${file} is in use by another process (is clitel dev still running? stop it first)`);
  }
  return new CliError('clitel.store.corrupt', `${file} is not a clitel database (${message.split('\n')[0]})`);
}

async function run(connection: DuckDBConnection, sql: string): Promise<ResultRow[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJson() as ResultRow[];
}

/** Opens (or creates) the store in `file`. */
export async function openDuckDbStore(file: string, options: OpenStoreOptions = {}): Promise<DuckDbStore> {
  if (options.create !== true && !existsSync(file)) {
    throw new CliError('clitel.store.missing', `no database at ${file} (record some runs with clitel dev or clitel ingest first, or pass --db)`);
  }
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  try {
    instance = await DuckDBInstance.create(file, options.readOnly === true ? { access_mode: 'READ_ONLY' } : {});
    connection = await instance.connect();
    if (options.readOnly !== true) await connection.run(CREATE_TABLES);
    const tables = await run(connection, `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = '${TRACES_TABLE}'`);
    if (Number(tables[0]?.n) !== 1) throw new Error(`no ${TRACES_TABLE} table`);
  } catch (error) {
    throw openError(file, error);
  }
  const writable = options.readOnly !== true;
  const insert = writable ? await connection.prepare(INSERT_ROWS) : undefined;
  const insertSums = writable ? await connection.prepare(INSERT_SUM_POINTS) : undefined;
  const insertGauges = writable ? await connection.prepare(INSERT_GAUGE_POINTS) : undefined;
  let chain: Promise<unknown> = Promise.resolve();
  // One statement at a time: the receiver can get requests concurrently.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.then(task, task);
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    file,
    dialect: duckdbDialect(TRACES_TABLE),
    query: (sql) => serial(() => run(connection, sql)),
    insert: (rows) => serial(async () => {
      if (insert == null) throw new Error('the store is open read-only');
      if (rows.length === 0) return 0;
      insert.bindVarchar(1, toJsonRows(rows));
      const result = await insert.run();
      return Number(result.rowsChanged);
    }),
    insertMetrics: (points) => serial(async () => {
      if (insertSums == null || insertGauges == null) throw new Error('the store is open read-only');
      let stored = 0;
      for (const [statement, kind] of [[insertSums, 'sum'], [insertGauges, 'gauge']] as const) {
        const these = points.filter((p) => p.kind === kind);
        if (these.length === 0) continue;
        statement.bindVarchar(1, toJsonPoints(these));
        stored += Number((await statement.run()).rowsChanged);
      }
      return stored;
    }),
    forget: (installationId) => serial(async () => {
      let deleted = 0;
      for (const table of [TRACES_TABLE, METRIC_TABLES.sum, METRIC_TABLES.gauge]) {
        const prepared = await connection.prepare(`DELETE FROM ${table} WHERE "ResourceAttributes"['${ATTR_CLITEL_INSTALLATION_ID}'] = $1`);
        prepared.bindVarchar(1, installationId);
        deleted += Number((await prepared.run()).rowsChanged);
      }
      await connection.run('CHECKPOINT');
      return deleted;
    }),
    exec: (sql) => serial(async () => {
      await connection.run(sql);
    }),
    countMetricPoints: () => serial(async () => Number((await run(connection, `SELECT (SELECT count(*) FROM ${METRIC_TABLES.sum}) + (SELECT count(*) FROM ${METRIC_TABLES.gauge}) AS n`))[0]?.n ?? 0)),
    count: () => serial(async () => Number((await run(connection, `SELECT count(*) AS n FROM ${TRACES_TABLE}`))[0]?.n ?? 0)),
    close: () => serial(async () => {
      if (writable) await connection.run('CHECKPOINT').catch(() => undefined);
      connection.closeSync();
      instance.closeSync();
    }),
  };
}
