// SPDX-License-Identifier: Apache-2.0
// What both local HTTP servers (the dev receiver and the dashboard's static server) do with
// requests no handler should see: CONNECT (which Node hands to a 'connect' listener, or else drops
// without an answer) gets a 405, and a client that trickles its headers or body is cut off.
import type { Server } from 'node:http';

/** Answers CONNECT with 405 and bounds how long one request may take to arrive. */
export function hardenServer(server: Server): void {
  server.on('connect', (_request, socket) => {
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
}
