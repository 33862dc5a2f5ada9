// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { columnsStatement, countStatement, deleteStatement, forgetTables, isIdentifier, normalizeInstallationId, quoteIdentifier, tableProblem, type ForgetTarget } from './forget-statements.js';

const ID = '0b6f0c1e-4c9a-4f51-9d8e-2f4b7c1d2e3f';
const TARGET: ForgetTarget = { database: 'clitel', tracesTable: 'otel_traces' };
const MAP = 'Map(LowCardinality(String), String)';

describe('forget statements', () => {
  it('accepts only UUID-shaped installation ids, in lower case', () => {
    expect(normalizeInstallationId(` ${ID.toUpperCase()} `)).toBe(ID);
    for (const bad of ['', 'abc', `${ID}'`, `${ID} OR 1=1`, "' OR ''='", ID.replace(/-/g, ''), `${ID}0`]) {
      expect(normalizeInstallationId(bad), bad).toBeUndefined();
    }
  });

  it('deletes the trace id lookup first, then spans, then every metric table', () => {
    expect(forgetTables('otel_traces')).toEqual([
      { name: 'otel_traces_trace_id_ts', kind: 'trace-ids' },
      { name: 'otel_traces', kind: 'resource' },
      { name: 'otel_metrics_sum', kind: 'resource' },
      { name: 'otel_metrics_gauge', kind: 'resource' },
      { name: 'otel_metrics_histogram', kind: 'resource' },
      { name: 'otel_metrics_exponential_histogram', kind: 'resource' },
      { name: 'otel_metrics_summary', kind: 'resource' },
    ]);
    expect(forgetTables('spans')[0]?.name).toBe('spans_trace_id_ts');
  });

  it('binds the id as a parameter and never writes it into the SQL', () => {
    for (const table of forgetTables('otel_traces')) {
      for (const statement of [countStatement(table, TARGET, ID), deleteStatement(table, TARGET, ID)]) {
        expect(statement.query).not.toContain(ID);
        expect(statement.query).toContain('{id:String}');
        expect(statement.query).toContain('ResourceAttributes[{key:String}]');
        expect(statement.params).toEqual({ key: 'clitel.installation.id', id: ID });
        expect(statement.query).toContain(`\`clitel\`.\`${table.name}\``);
      }
    }
    const hostile = "x' OR 1=1 --";
    const statement = deleteStatement(forgetTables('otel_traces')[1]!, TARGET, hostile);
    expect(statement.query).not.toContain(hostile);
    expect(statement.params?.id).toBe(hostile);
  });

  it('deletes spans and metrics with a lightweight DELETE and the lookup table through the spans, synchronously', () => {
    const [ids, spans] = forgetTables('otel_traces');
    expect(deleteStatement(spans!, TARGET, ID).query).toBe('DELETE FROM `clitel`.`otel_traces` WHERE ResourceAttributes[{key:String}] = {id:String}');
    const lookup = deleteStatement(ids!, TARGET, ID);
    expect(lookup.query).toBe('ALTER TABLE `clitel`.`otel_traces_trace_id_ts` DELETE WHERE TraceId IN (SELECT TraceId FROM `clitel`.`otel_traces` WHERE ResourceAttributes[{key:String}] = {id:String})');
    expect(lookup.settings).toEqual({ mutations_sync: '2', allow_nondeterministic_mutations: 1 });
    expect(countStatement(ids!, TARGET, ID).query).toBe('SELECT count() AS n FROM `clitel`.`otel_traces_trace_id_ts` WHERE TraceId IN (SELECT TraceId FROM `clitel`.`otel_traces` WHERE ResourceAttributes[{key:String}] = {id:String})');
  });

  it('asks for the columns of the exporter tables in the database, by parameter', () => {
    const statement = columnsStatement(TARGET);
    expect(statement.query).toContain('database = {database:String} AND has({tables:Array(String)}, table)');
    expect(statement.params).toEqual({ database: 'clitel', tables: forgetTables('otel_traces').map((t) => t.name) });
  });

  it('quotes only plain names', () => {
    expect(quoteIdentifier('otel_traces')).toBe('`otel_traces`');
    expect(isIdentifier('my-db_2')).toBe(true);
    for (const bad of ['', 'a`b', 'a.b', 'a b', "a'b", 'x'.repeat(129)]) {
      expect(isIdentifier(bad), bad).toBe(false);
      expect(() => quoteIdentifier(bad)).toThrow();
    }
  });

  it('skips missing tables, the json layout, and the lookup table without its spans table', () => {
    const [ids, spans, sum] = forgetTables('otel_traces');
    const columns = new Map([
      ['otel_traces', new Map([['TraceId', 'String'], ['ResourceAttributes', MAP]])],
      ['otel_traces_trace_id_ts', new Map([['TraceId', 'String']])],
      ['otel_metrics_sum', new Map([['ResourceAttributes', 'JSON']])],
    ]);
    expect(tableProblem(spans!, TARGET, columns)).toBeUndefined();
    expect(tableProblem(ids!, TARGET, columns)).toBeUndefined();
    expect(tableProblem(sum!, TARGET, columns)).toMatch(/not a Map/);
    expect(tableProblem(forgetTables('otel_traces')[3]!, TARGET, columns)).toBe('no table clitel.otel_metrics_gauge');
    const withoutSpans = new Map([...columns].filter(([name]) => name !== 'otel_traces'));
    expect(tableProblem(ids!, TARGET, withoutSpans)).toMatch(/found through otel_traces/);
  });
});
