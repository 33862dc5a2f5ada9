// SPDX-License-Identifier: Apache-2.0
// The real ClickHouse engine for the ClickHouse tests: chDB (in process in Python) behind enough of
// ClickHouse's HTTP interface (scripts/chdb/http-server.py) that `clitel … --clickhouse` and
// @clickhouse/client talk to it unchanged. Each server keeps its data in its own directory.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { CHDB_INSTALL_HINT, CHDB_SERVER, chdbPython } from '../../../../scripts/chdb/env.mjs';
import { missingRealPart } from './require-real.js';

/** One statement the server ran, as it arrived. */
interface ChdbRequest {
  /** The statement text (for an INSERT, the `query` URL parameter without the data). */
  sql: string;
  params: Record<string, string>;
  settings: Record<string, string>;
  database: string;
  /** The Authorization header as sent. */
  auth: string;
  /** The engine's first error line, when it refused the statement. */
  error?: string;
}

/** A running server. */
export interface ChdbServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Every statement, in order. */
  requests: ChdbRequest[];
  stop(): Promise<void>;
}

/** The interpreter with chdb; when it is missing, prints why `what` is skipped (or throws under CLITEL_REQUIRE_REAL=1). */
export function chdbAvailable(what: string): boolean {
  if (chdbPython() != null) return true;
  missingRealPart(what, `it needs the ClickHouse engine through chDB, which is not installed; ${CHDB_INSTALL_HINT}`);
  return false;
}

/** Starts a server keeping its data in `dataDir`; resolves once it listens. */
export function startChdbServer(dataDir: string): Promise<ChdbServer> {
  const python = chdbPython();
  if (python == null) return Promise.reject(new Error(`chdb is not installed; ${CHDB_INSTALL_HINT}`));
  const child = spawn(python, [CHDB_SERVER, dataDir], { stdio: ['pipe', 'pipe', 'pipe'] });
  const requests: ChdbRequest[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => { stderr += chunk; });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the chDB server did not listen within 60 s: ${stderr.trim()}`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the chDB server exited (${String(code)}) before listening: ${stderr.trim()}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const listening = /^listening (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (listening != null) {
        clearTimeout(timer);
        resolve({ url: listening[1] as string, requests, stop });
      } else if (line.startsWith('{')) {
        requests.push(JSON.parse(line) as ChdbRequest);
      }
    });
  });
}

/** The exporter's DDL (test/fixtures/clickhouse-exporter-v0.161.0.sql), one statement per entry. */
export function exporterDdl(): string[] {
  const text = readFileSync(new URL('../fixtures/clickhouse-exporter-v0.161.0.sql', import.meta.url), 'utf8');
  return text.split('\n').filter((line) => !line.startsWith('--')).join('\n').split(/;\n/).map((s) => s.trim()).filter((s) => s !== '');
}
