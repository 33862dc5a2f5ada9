// SPDX-License-Identifier: Apache-2.0
// OTLP/HTTP endpoints for the bench: one that answers 200, one that never answers, and a port
// that is closed. They run in a child process: the bench times runs with spawnSync, which blocks
// its own event loop, and a CLI that exports before exiting would otherwise wait on a server
// that cannot answer.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

/** Runs in the child: serves until stdin closes. */
async function serve() {
  const up = createServer((req, res) => {
    req.resume();
    req.on('end', () => { res.writeHead(200, { 'content-type': 'application/x-protobuf' }); res.end(); });
  });
  const blackhole = createServer(() => undefined);
  const probe = createNetServer();
  const closedPort = await listen(probe);
  await new Promise((r) => probe.close(r));
  const ports = { up: await listen(up), blackhole: await listen(blackhole), closed: closedPort };
  process.stdout.write(`${JSON.stringify(ports)}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

/** Starts the endpoints in a child process; `close()` stops it. */
export async function startEndpoints() {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ports = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      if (text.includes('\n')) resolve(JSON.parse(text));
    });
    child.on('error', reject);
  });
  const url = (port) => `http://127.0.0.1:${port}`;
  return {
    up: url(ports.up),
    blackhole: url(ports.blackhole),
    closed: url(ports.closed),
    close: async () => {
      child.stdin.end();
      await new Promise((r) => child.on('exit', r));
    },
  };
}

if (process.argv.includes('--serve')) await serve();
