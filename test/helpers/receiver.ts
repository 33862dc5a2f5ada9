// SPDX-License-Identifier: Apache-2.0
// A real OTLP/HTTP receiver on an ephemeral port, for process tests. It decodes protobuf and
// JSON, keeps every raw byte it got, and can answer with chosen statuses or not at all.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { decodeProtobuf, pointsOf, spansOf, type DecodedPoint, type DecodedSpan } from './otlp-decode.js';

interface ReceivedRequest {
  path: string;
  contentType: string;
  body: Buffer;
  time: number;
  status: number;
}

export interface ReceiverOptions {
  /** Status (and optionally a body) to answer the n-th request (0-based) with; default 200. */
  respond?: (n: number, body: Buffer) => { status: number; headers?: Record<string, string>; body?: Buffer };
  /** Accept connections and requests but never answer. */
  blackhole?: boolean;
  /** Fixed port (to restart a receiver on the same address). Default 0. */
  port?: number;
}

export interface Receiver {
  /** Base URL for OTEL_EXPORTER_OTLP_ENDPOINT. */
  url: string;
  port: number;
  requests: ReceivedRequest[];
  spans(): DecodedSpan[];
  points(): DecodedPoint[];
  /** Every byte received, decompressed, for privacy assertions. */
  allBytes(): Buffer;
  /** Waits until at least `count` spans arrived, or the time is up; returns the spans. */
  waitForSpans(count: number, timeoutMs?: number): Promise<DecodedSpan[]>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function decode(r: ReceivedRequest): { spans: DecodedSpan[]; points: DecodedPoint[] } {
  if (r.status !== 200) return { spans: [], points: [] };
  const kind = r.path.endsWith('/v1/metrics') ? 'metrics' : 'traces';
  const obj = r.contentType.includes('json') ? (JSON.parse(r.body.toString('utf8')) as Record<string, unknown>) : decodeProtobuf(kind, r.body);
  return kind === 'traces' ? { spans: spansOf(obj), points: [] } : { spans: [], points: pointsOf(obj) };
}

export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void readBody(req).then((raw) => {
      const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      if (options.blackhole === true) {
        requests.push({ path: req.url ?? '', contentType: String(req.headers['content-type'] ?? ''), body, time: Date.now(), status: 0 });
        return;
      }
      const answer = options.respond?.(requests.length, body) ?? { status: 200 };
      requests.push({ path: req.url ?? '', contentType: String(req.headers['content-type'] ?? ''), body, time: Date.now(), status: answer.status });
      res.writeHead(answer.status, { 'content-type': String(req.headers['content-type'] ?? 'application/x-protobuf'), ...answer.headers });
      res.end(answer.body);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const spans = (): DecodedSpan[] => requests.flatMap((r) => decode(r).spans);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    spans,
    points: () => requests.flatMap((r) => decode(r).points),
    allBytes: () => Buffer.concat(requests.map((r) => r.body)),
    async waitForSpans(count, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (spans().length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return spans();
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
