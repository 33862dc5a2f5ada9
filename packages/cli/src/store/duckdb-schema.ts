// SPDX-License-Identifier: Apache-2.0
// The embedded store's table: the collector ClickHouse exporter's `otel_traces` columns, with
// `Events` flattened the way ClickHouse stores a Nested column (`Events.Name`, …), so the report
// queries read the same column names in both backends.

/** The table every query reads. */
export const TRACES_TABLE = 'otel_traces';

/** Store layout version, kept in `clitel_meta`; bump with a migration when the table changes. */
export const STORE_VERSION = '1';

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
