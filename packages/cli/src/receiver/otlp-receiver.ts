// SPDX-License-Identifier: Apache-2.0
// A local OTLP/HTTP receiver: POST /v1/traces in protobuf or JSON, optionally gzipped. Answers as
// the spec says: 200 with an empty ExportTraceServiceResponse, 400 for bad data (not retried),
// 415 for an unknown content type, 413 for a body over the limit, 503 when storing failed
// (the sender retries). POST /v1/metrics stores sums and gauges (library usage counters, service
// heartbeats) when onMetrics is given; logs are accepted and dropped.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CliError } from '../cli-error.js';
import { decodeTraceRequestProtobuf } from '../otlp/decode-protobuf.js';
import { decodeTraceRequestJson } from '../otlp/decode-json.js';
import type { SpanRow } from '../otlp/span-row.js';
import type { DecodedMetrics } from '../otlp/metric-row.js';
import { decodeMetricsRequestProtobuf } from '../otlp/decode-metrics-protobuf.js';
import { decodeMetricsRequestJson } from '../otlp/decode-metrics-json.js';
import { BodyError, readBody } from './read-body.js';
import { hardenServer } from './harden-server.js';
import { decodeUtf8 } from '../otlp/utf8.js';

/** What the receiver does with what it gets. */
export interface ReceiverOptions {
  /** Port; 0 picks a free one. */
  port: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Largest accepted body in bytes (compressed and decompressed). Default 20 MiB, as the collector. */
  maxBodyBytes?: number;
  /** Stores decoded spans; a rejection answers 503 so the sender retries. */
  onSpans(rows: SpanRow[]): Promise<void>;
  /** Stores decoded metric points; without it /v1/metrics is accepted and dropped. */
  onMetrics?(metrics: DecodedMetrics): Promise<void>;
  /** Called for every request that was refused or dropped. */
  onRejected?(info: { path: string; status: number; reason: string }): void;
}

/** A running receiver. */
export interface Receiver {
  /** Base URL for OTEL_EXPORTER_OTLP_ENDPOINT, e.g. `http://127.0.0.1:4318`. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting and waits for requests in flight. */
  close(): Promise<void>;
}

type Encoding = 'protobuf' | 'json';

function encodingOf(request: IncomingMessage): Encoding | undefined {
  const type = String(request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  if (type === 'application/json') return 'json';
  return undefined;
}

/** google.rpc.Status { code = 1; message = 2 } in protobuf. */
function statusProtobuf(code: number, message: string): Buffer {
  const text = Buffer.from(message, 'utf8');
  const length: number[] = [];
  for (let n = text.length; ; n >>>= 7) {
    if (n < 0x80) { length.push(n); break; }
    length.push((n & 0x7f) | 0x80);
  }
  return Buffer.concat([Buffer.from([0x08, code, 0x12, ...length]), text]);
}

function answer(response: ServerResponse, status: number, encoding: Encoding | undefined, message?: string): void {
  const grpcCode = status === 400 ? 3 : status === 503 ? 14 : status === 413 ? 8 : 2; // INVALID_ARGUMENT, UNAVAILABLE, RESOURCE_EXHAUSTED, UNKNOWN
  if (encoding === 'protobuf') {
    const body = status === 200 ? Buffer.alloc(0) : statusProtobuf(grpcCode, message ?? '');
    response.writeHead(status, { 'content-type': 'application/x-protobuf', 'content-length': body.length });
    response.end(body);
    return;
  }
  const body = status === 200 ? '{}' : JSON.stringify({ code: grpcCode, message: message ?? '' });
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

const PATHS = new Set(['/v1/traces', '/v1/metrics', '/v1/logs']);

/** Starts the receiver; rejects with a CliError when the port cannot be used. */
export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const host = options.host ?? '127.0.0.1';
  const limit = options.maxBodyBytes ?? 20 * 1024 * 1024;
  const reject = (path: string, status: number, reason: string): void => options.onRejected?.({ path, status, reason });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (!PATHS.has(path)) {
      reject(path, 404, 'unknown path');
      answer(response, 404, undefined, `no such path ${path}; send traces to /v1/traces`);
      return;
    }
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const encoding = encodingOf(request);
    if (encoding == null) {
      reject(path, 415, 'unsupported content type');
      answer(response, 415, undefined, 'use Content-Type application/x-protobuf or application/json');
      request.resume();
      return;
    }
    let store: () => Promise<void>;
    try {
      const body = await readBody(request, limit);
      if (path === '/v1/traces') {
        const rows: SpanRow[] = encoding === 'protobuf' ? decodeTraceRequestProtobuf(body) : decodeTraceRequestJson(decodeUtf8(body));
        store = () => options.onSpans(rows);
      } else if (path === '/v1/metrics' && options.onMetrics != null) {
        const metrics = encoding === 'protobuf' ? decodeMetricsRequestProtobuf(body) : decodeMetricsRequestJson(decodeUtf8(body));
        const onMetrics = options.onMetrics;
        store = () => onMetrics(metrics);
      } else {
        reject(path, 200, `dropped: clitel dev does not store ${path.slice(4)}`);
        answer(response, 200, encoding);
        return;
      }
    } catch (error) {
      const status = error instanceof BodyError ? error.status : 400;
      const reason = `${error instanceof Error ? error.message : String(error)}`;
      reject(path, status, reason);
      answer(response, status, encoding, reason);
      return;
    }
    try {
      await store();
    } catch (error) {
      reject(path, 503, `could not store: ${error instanceof Error ? error.message : String(error)}`);
      answer(response, 503, encoding, 'could not store the data; retry later');
      return;
    }
    answer(response, 200, encoding);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      reject(request.url ?? '/', 500, String(error));
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = 2_000;
  hardenServer(server);
  await new Promise<void>((resolve, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      fail(error.code === 'EADDRINUSE'
        ? new CliError('clitel.dev.port-in-use', `port ${options.port} on ${host} is in use (stop the other receiver, or pass --port 0 for a free port)`)
        : new CliError('clitel.dev.listen', `cannot listen on ${host}:${options.port} (${error.code ?? error.message})`));
    });
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    }),
  };
}
