// SPDX-License-Identifier: Apache-2.0
// Serves a directory's files over HTTP on loopback (for `clitel dashboard --serve`).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CliError } from '../cli-error.js';
import { hardenServer } from '../receiver/harden-server.js';

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', json: 'application/json', csv: 'text/csv; charset=utf-8' };

/** The file a request path names (`/` is index.html), or undefined when the path is malformed. */
function fileName(url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(url.split('?')[0] ?? '/');
  } catch {
    return undefined; // a malformed escape such as `/%E0%A4%A`
  }
  if (path.includes('\0')) return undefined;
  return basename(path) || 'index.html';
}

/** A running static server. */
export interface StaticServer { url: string; close(): Promise<void> }

/** Serves the files directly inside `dir` (no subdirectories, no traversal). */
export async function serveDirectory(dir: string, port: number, host = '127.0.0.1'): Promise<StaticServer> {
  const server = createServer((request, response) => {
    request.resume();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed');
      return;
    }
    const name = fileName(request.url ?? '/');
    if (name == null) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('bad request path');
      return;
    }
    readFile(join(dir, name)).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' }).end(request.method === 'HEAD' ? undefined : body),
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  hardenServer(server);
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
