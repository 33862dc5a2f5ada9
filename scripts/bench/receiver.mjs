// SPDX-License-Identifier: Apache-2.0
// Minimal OTLP/HTTP endpoints for the bench: one that answers 200, one that never answers, and a
// port that is closed.
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

export async function startEndpoints() {
  let received = 0;
  const up = createServer((req, res) => {
    req.resume();
    req.on('end', () => { received += 1; res.writeHead(200, { 'content-type': 'application/x-protobuf' }); res.end(); });
  });
  const sockets = new Set();
  const blackhole = createServer(() => undefined);
  blackhole.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  const probe = createNetServer();
  const closedPort = await listen(probe);
  await new Promise((r) => probe.close(r));
  const upPort = await listen(up);
  const blackholePort = await listen(blackhole);
  return {
    up: `http://127.0.0.1:${upPort}`,
    blackhole: `http://127.0.0.1:${blackholePort}`,
    closed: `http://127.0.0.1:${closedPort}`,
    received: () => received,
    close: async () => {
      for (const s of sockets) s.destroy();
      up.closeAllConnections();
      await Promise.all([new Promise((r) => up.close(r)), new Promise((r) => blackhole.close(r))]);
    },
  };
}
