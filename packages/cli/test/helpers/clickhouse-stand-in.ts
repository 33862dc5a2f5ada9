// SPDX-License-Identifier: Apache-2.0
// A stand-in for a ClickHouse server's HTTP interface, on port 0, for the one forget case the real
// engine cannot show: a server that accepts a delete but applies it in the background (`lagging`).
// It answers /ping, the system.columns query, and the count and delete statements of
// forget-statements.ts, keeping per-installation row counts; anything else is an error, so a
// statement it was not written for fails the test. ClickHouse's own semantics are checked on the
// real engine (chDB) in forget-clickhouse.test.ts.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One table: its columns, and how many rows each installation id has. */
export interface StandInTable {
  columns: Record<string, string>;
  rows: Record<string, number>;
}

/** One statement the stand-in received. */
interface StandInRequest {
  sql: string;
  params: Record<string, string>;
  settings: Record<string, string>;
  /** `user:password` from the Basic authorization header. */
  auth: string;
}

/** A running stand-in. */
export interface ClickHouseStandIn {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Every statement, in order (pings excluded). */
  requests: StandInRequest[];
  /** The tables, changed by deletes. */
  tables: Record<string, StandInTable>;
  close(): Promise<void>;
}

const TABLE = /(?:FROM|TABLE) `([^`]+)`\.`([^`]+)`/;
const THROUGH = /TraceId IN \(SELECT TraceId FROM `([^`]+)`\.`([^`]+)`/;

/** Starts a stand-in holding `tables` of `database`; with `lagging`, deletes are accepted but never applied (a server deleting in the background). */
export async function startClickHouseStandIn(database: string, tables: Record<string, StandInTable>, options: { lagging?: boolean } = {}): Promise<ClickHouseStandIn> {
  const requests: StandInRequest[] = [];
  const fail = (message: string): [number, string] => [400, `Code: 62. DB::Exception: ${message}. (SYNTAX_ERROR) (version 25.3.1.1 (official build))\n`];
  // Rows of `id` the statement's WHERE finds in `name`: through the spans table for the lookup table.
  const visible = (sql: string, name: string, id: string): number => {
    const through = THROUGH.exec(sql);
    if (through != null && (tables[through[2] as string]?.rows[id] ?? 0) === 0) return 0;
    return tables[name]?.rows[id] ?? 0;
  };
  const answer = (sql: string, params: Record<string, string>): [number, string] => {
    if (sql.includes('FROM system.columns')) {
      if (params.database !== database) return [200, ''];
      return [200, Object.entries(tables).filter(([name]) => params.tables?.includes(`'${name}'`))
        .flatMap(([name, t]) => Object.entries(t.columns).map(([column, type]) => `${JSON.stringify({ table: name, name: column, type })}\n`)).join('')];
    }
    const target = TABLE.exec(sql);
    if (target == null || target[1] !== database || tables[target[2] as string] == null) return fail(`unknown statement ${sql}`);
    if (params.key !== 'clitel.installation.id' || params.id == null) return fail('missing parameters');
    const name = target[2] as string;
    const id = params.id;
    if (sql.startsWith('SELECT count() AS n')) return [200, `${JSON.stringify({ n: String(visible(sql, name, id)) })}\n`];
    if (sql.startsWith('DELETE FROM') || sql.startsWith('ALTER TABLE')) {
      const table = tables[name] as StandInTable;
      if (options.lagging !== true) table.rows[id] = (table.rows[id] ?? 0) - visible(sql, name, id);
      return [200, ''];
    }
    return fail(`unknown statement ${sql}`);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (req.method === 'GET' && url.pathname === '/ping') {
      res.end('Ok.\n');
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => { body += chunk; });
    req.on('end', () => {
      const sql = body.replace(/\s*\nFORMAT JSONEachRow$/, '').trim();
      const params: Record<string, string> = {};
      const settings: Record<string, string> = {};
      for (const [key, value] of url.searchParams) {
        if (key.startsWith('param_')) params[key.slice('param_'.length)] = value;
        else if (key !== 'query_id') settings[key] = value;
      }
      const auth = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');
      requests.push({ sql, params, settings, auth });
      const [status, text] = answer(sql, params);
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=UTF-8', ...(status !== 200 ? { 'X-ClickHouse-Exception-Code': '62' } : {}) });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    tables,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
