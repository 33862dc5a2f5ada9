// SPDX-License-Identifier: Apache-2.0
// One connection to a ClickHouse server over its HTTP interface, shared by `clitel report
// --clickhouse` and `clitel forget --clickhouse`: URL checks, credentials, a ping, and queries that
// fail as one-line CliErrors. @clickhouse/client is loaded only when a command needs it.
import type { ClickHouseClient, ClickHouseSettings } from '@clickhouse/client';
import { CliError } from '../cli-error.js';
import type { ResultRow } from './query-runner.js';

/** What `--clickhouse <url>` (plus optional explicit credentials) names. */
export interface ClickHouseTarget {
  /** The URL without credentials and without the database path; query parameters are kept. */
  endpoint: string;
  /** The URL for messages: scheme, host and path, never credentials. */
  safe: string;
  /** From the URL's user part, unless given explicitly. */
  username?: string;
  /** From the URL's password part, unless given explicitly. */
  password?: string;
  /** The URL's path (`/clitel` → `clitel`), if any. */
  database?: string;
}

/** Options of connectClickHouse. */
export interface ClickHouseConnectOptions {
  /** `--clickhouse`, e.g. `http://user:password@localhost:8123/clitel`. */
  url: string;
  /** Overrides the URL's user (`--user`). */
  username?: string;
  /** Overrides the URL's password (`--password`). */
  password?: string;
  /** The session's database; default: the URL's path, else the user's default database on the server. */
  database?: string;
  /** What the queries are for, named in error messages (`report`, `forget`). */
  purpose: string;
}

/** A statement with its bound parameters (`{name:Type}` placeholders in the text). */
export interface Statement {
  query: string;
  params?: Record<string, unknown>;
  settings?: ClickHouseSettings;
}

/** An open connection. */
export interface ClickHouseConnection {
  /** The URL for messages, without credentials. */
  readonly safe: string;
  /** Runs a SELECT and returns its rows (64-bit numbers come back as strings). */
  query(statement: Statement | string): Promise<ResultRow[]>;
  /** Runs a statement without output (DELETE, ALTER, CREATE). */
  command(statement: Statement | string): Promise<void>;
  close(): Promise<void>;
}

/** Percent-decodes a URL part; a malformed escape is kept as typed. */
const decodeComponent = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** Checks `url` and splits it into endpoint, credentials and database. Throws a usage CliError. */
export function parseClickHouseUrl(url: string): ClickHouseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError('clitel.cli.usage', `--clickhouse is invalid, expected an http(s) URL such as http://localhost:8123/default, actual '${url}'`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CliError('clitel.cli.usage', `--clickhouse needs the HTTP interface (http:// or https://, port 8123), not ${parsed.protocol}`);
  }
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname.replace(/^\/+|\/+$/g, ''));
  } catch {
    throw new CliError('clitel.cli.usage', `--clickhouse is invalid, expected a database name as its path, actual '${parsed.pathname}'`);
  }
  if (path.includes('/')) {
    throw new CliError('clitel.cli.usage', `--clickhouse is invalid, expected at most one path segment (the database), actual '${parsed.pathname}'`);
  }
  const target: ClickHouseTarget = {
    endpoint: `${parsed.protocol}//${parsed.host}${parsed.search}`,
    safe: `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`,
    ...(parsed.username !== '' ? { username: decodeComponent(parsed.username) } : {}),
    ...(parsed.password !== '' ? { password: decodeComponent(parsed.password) } : {}),
    ...(path !== '' ? { database: path } : {}),
  };
  return target;
}

/** Opens a connection and pings the server; an unreachable server is a `clitel.clickhouse.unreachable` CliError. */
export async function connectClickHouse(options: ClickHouseConnectOptions): Promise<ClickHouseConnection> {
  const target = parseClickHouseUrl(options.url);
  const username = options.username ?? target.username;
  const password = options.password ?? target.password;
  const database = options.database ?? target.database;
  const { createClient, ClickHouseLogLevel } = await import('@clickhouse/client');
  const client: ClickHouseClient = createClient({
    url: target.endpoint,
    request_timeout: 60_000,
    application: 'clitel',
    // Failures reach the user as one `clitel:` line; the client's own multi-line log would repeat them.
    log: { level: ClickHouseLogLevel.OFF },
    ...(username != null ? { username } : {}),
    ...(password != null ? { password } : {}),
    ...(database != null ? { database } : {}),
  });
  const ping = await client.ping();
  if (!ping.success) {
    await client.close();
    throw new CliError('clitel.clickhouse.unreachable', `cannot reach ClickHouse at ${target.safe} (${firstLine(ping.error)})`);
  }
  const refused = (error: unknown): CliError => new CliError('clitel.clickhouse.query', `ClickHouse at ${target.safe} refused a ${options.purpose} query: ${firstLine(error)}`);
  const normal = (s: Statement | string): Statement => (typeof s === 'string' ? { query: s } : s);
  return {
    safe: target.safe,
    async query(statement) {
      const s = normal(statement);
      try {
        const result = await client.query({ query: s.query, format: 'JSONEachRow', ...(s.params != null ? { query_params: s.params } : {}), ...(s.settings != null ? { clickhouse_settings: s.settings } : {}) });
        return await result.json<ResultRow>();
      } catch (error) {
        throw refused(error);
      }
    },
    async command(statement) {
      const s = normal(statement);
      try {
        await client.command({ query: s.query, ...(s.params != null ? { query_params: s.params } : {}), ...(s.settings != null ? { clickhouse_settings: s.settings } : {}) });
      } catch (error) {
        throw refused(error);
      }
    },
    close: () => client.close(),
  };
}
