// SPDX-License-Identifier: Apache-2.0
// Serves a directory's files over HTTP on loopback (for `clitel dashboard --serve`).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CliError } from '../cli-error.js';

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', json: 'application/json', csv: 'text/csv; charset=utf-8' };

/** A running static server. */
export interface StaticServer { url: string; close(): Promise<void> }

/** Serves the files directly inside `dir` (no subdirectories, no traversal). */
export async function serveDirectory(dir: string, port: number, host = '127.0.0.1'): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const name = basename(decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/')) || 'index.html';
    readFile(join(dir, name)).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE'
      ? new CliError('clitel.dev.port-in-use', `port ${port} on ${host} is in use (pass --port 0 for a free port)`)
      : new CliError('clitel.dev.listen', `cannot listen on ${host}:${port} (${error.code ?? error.message})`)));
    server.listen(port, host, () => resolve());
  });
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
