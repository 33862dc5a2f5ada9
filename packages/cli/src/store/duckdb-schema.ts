// SPDX-License-Identifier: Apache-2.0
// The embedded store's table: the collector ClickHouse exporter's `otel_traces` columns, with
// `Events` flattened the way ClickHouse stores a Nested column (`Events.Name`, …), so the report
// queries read the same column names in both backends.

/** The table every query reads. */
export const TRACES_TABLE = 'otel_traces';

/** Sum and gauge points (library usage counters, service heartbeats): the exporter's metric tables. */
export const METRIC_TABLES = { sum: 'otel_metrics_sum', gauge: 'otel_metrics_gauge' } as const;

/** Store layout version, kept in `clitel_meta`; bump with a migration when a table changes. */
const STORE_VERSION = '1';

const METRIC_COLUMNS = `"ResourceAttributes" MAP(VARCHAR, VARCHAR), "ServiceName" VARCHAR, "ScopeName" VARCHAR, "ScopeVersion" VARCHAR,
  "MetricName" VARCHAR, "MetricDescription" VARCHAR, "MetricUnit" VARCHAR, "Attributes" MAP(VARCHAR, VARCHAR),
  "StartTimeUnix" TIMESTAMP_NS, "TimeUnix" TIMESTAMP_NS, "Value" DOUBLE`;

export const CREATE_TABLES = `
CREATE TABLE IF NOT EXISTS ${TRACES_TABLE} (
  "Timestamp" TIMESTAMP_NS NOT NULL,
  "TraceId" VARCHAR NOT NULL,
  "SpanId" VARCHAR NOT NULL,
  "ParentSpanId" VARCHAR,
  "TraceState" VARCHAR,
  "SpanName" VARCHAR,
  "SpanKind" VARCHAR,
  "ServiceName" VARCHAR,
  "ResourceAttributes" MAP(VARCHAR, VARCHAR),
  "ScopeName" VARCHAR,
  "ScopeVersion" VARCHAR,
  "SpanAttributes" MAP(VARCHAR, VARCHAR),
  "Duration" UBIGINT,
  "StatusCode" VARCHAR,
  "StatusMessage" VARCHAR,
  "Events.Timestamp" TIMESTAMP_NS[],
  "Events.Name" VARCHAR[],
  "Events.Attributes" MAP(VARCHAR, VARCHAR)[],
  PRIMARY KEY ("TraceId", "SpanId")
);
CREATE TABLE IF NOT EXISTS ${METRIC_TABLES.sum} (
  ${METRIC_COLUMNS}, "AggregationTemporality" INTEGER, "IsMonotonic" BOOLEAN,
  "PointId" VARCHAR PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS ${METRIC_TABLES.gauge} (
  ${METRIC_COLUMNS},
  "PointId" VARCHAR PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS clitel_meta (key VARCHAR PRIMARY KEY, value VARCHAR);
INSERT OR IGNORE INTO clitel_meta VALUES ('store_version', '${STORE_VERSION}');
`;

const ROW_TYPE = JSON.stringify([{
  ts: 'VARCHAR', tid: 'VARCHAR', sid: 'VARCHAR', psid: 'VARCHAR', tst: 'VARCHAR', name: 'VARCHAR', kind: 'VARCHAR', svc: 'VARCHAR',
  ra: 'MAP(VARCHAR, VARCHAR)', scn: 'VARCHAR', scv: 'VARCHAR', sa: 'MAP(VARCHAR, VARCHAR)', dur: 'VARCHAR', sc: 'VARCHAR', sm: 'VARCHAR',
  ets: ['VARCHAR'], en: ['VARCHAR'], ea: ['MAP(VARCHAR, VARCHAR)'],
}]);

/** Inserts a JSON array of rows (see toJsonRows); a span already stored (same ids) is skipped. */
export const INSERT_ROWS = `
INSERT OR IGNORE INTO ${TRACES_TABLE}
SELECT make_timestamp_ns(CAST(ts AS BIGINT)), tid, sid, psid, tst, name, kind, svc, ra, scn, scv, sa, CAST(dur AS UBIGINT), sc, sm,
  list_transform(ets, x -> make_timestamp_ns(CAST(x AS BIGINT))), en, ea
FROM (SELECT unnest(from_json($1, '${ROW_TYPE}'), recursive := true))`;

const POINT_TYPE = JSON.stringify([{
  ra: 'MAP(VARCHAR, VARCHAR)', svc: 'VARCHAR', scn: 'VARCHAR', scv: 'VARCHAR', name: 'VARCHAR', desc: 'VARCHAR', unit: 'VARCHAR',
  attrs: 'MAP(VARCHAR, VARCHAR)', start: 'VARCHAR', time: 'VARCHAR', value: 'DOUBLE', temp: 'INTEGER', mono: 'BOOLEAN', id: 'VARCHAR',
}]);
const POINT_COLUMNS = 'ra, svc, scn, scv, name, "desc", unit, attrs, make_timestamp_ns(CAST("start" AS BIGINT)), make_timestamp_ns(CAST("time" AS BIGINT)), "value"';
const POINTS = `FROM (SELECT unnest(from_json($1, '${POINT_TYPE}'), recursive := true))`;

/** Inserts a JSON array of sum points (see toJsonPoints); a point already stored is skipped. */
export const INSERT_SUM_POINTS = `INSERT OR IGNORE INTO ${METRIC_TABLES.sum} SELECT ${POINT_COLUMNS}, temp, mono, id ${POINTS}`;
/** Inserts a JSON array of gauge points. */
export const INSERT_GAUGE_POINTS = `INSERT OR IGNORE INTO ${METRIC_TABLES.gauge} SELECT ${POINT_COLUMNS}, id ${POINTS}`;
