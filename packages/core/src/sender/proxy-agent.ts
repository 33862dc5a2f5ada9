// SPDX-License-Identifier: Apache-2.0
// HTTP agents that reach the export URL through a proxy: an HTTP CONNECT tunnel for https
// targets, and absolute-form requests to a forward proxy for http targets. Every connection
// attempt is bounded by `timeoutMillis`; sockets are not kept alive between heartbeats.
import { Agent as HttpAgent, request, type ClientRequest, type ClientRequestArgs } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import type { Duplex } from 'node:stream';
import { portOf } from './proxy-config.js';

type Callback = (err: Error | null, stream: Duplex) => void;

/** `Proxy-Authorization` for credentials in the proxy URL, if any. */
function proxyAuthorization(proxy: URL): string | undefined {
  if (proxy.username === '' && proxy.password === '') return undefined;
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

function hostPort(host: string, port: number): string {
  return `${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

/** Opens a CONNECT tunnel to `host:port` through `proxy`. */
function openTunnel(proxy: URL, host: string, port: number, timeoutMillis: number, done: (err: Error | null, socket?: Socket) => void): void {
  const authority = hostPort(host, port);
  const auth = proxyAuthorization(proxy);
  const req = request({
    host: proxy.hostname.replace(/^\[|\]$/g, ''),
    port: portOf(proxy),
    method: 'CONNECT',
    path: authority,
    headers: { host: authority, ...(auth != null ? { 'proxy-authorization': auth } : {}) },
    agent: false,
    timeout: timeoutMillis,
  });
  let settled = false;
  const finish = (err: Error | null, socket?: Socket): void => {
    if (settled) {
      socket?.destroy();
      return;
    }
    settled = true;
    done(err, socket);
  };
  req.once('connect', (res, socket) => {
    if (res.statusCode === 200) {
      socket.setTimeout(0);
      finish(null, socket);
    } else {
      socket.destroy();
      finish(Object.assign(new Error(`proxy answered CONNECT with ${res.statusCode ?? 0}`), { code: 'ECONNREFUSED' }));
    }
  });
  req.once('timeout', () => {
    req.destroy();
    finish(Object.assign(new Error('proxy CONNECT timed out'), { code: 'ETIMEDOUT' }));
  });
  req.once('error', (err) => finish(err));
  req.end();
}

/** An https agent whose connections go through a CONNECT tunnel. */
class TunnelingAgent extends HttpsAgent {
  readonly #proxy: URL;
  readonly #timeoutMillis: number;

  constructor(proxy: URL, timeoutMillis: number) {
    super({ keepAlive: false });
    this.#proxy = proxy;
    this.#timeoutMillis = timeoutMillis;
  }

  override createConnection(options: ClientRequestArgs, callback?: Callback): Duplex | null | undefined {
    const host = String(options.host ?? options.hostname ?? 'localhost');
    const port = Number(options.port ?? 443);
    openTunnel(this.#proxy, host, port, this.#timeoutMillis, (err, socket) => {
      if (err != null || socket == null) {
        callback?.(err ?? new Error('no tunnel'), undefined as unknown as Duplex);
        return;
      }
      const servername = (options as ConnectionOptions).servername;
      const tls = tlsConnect({ ...(options as ConnectionOptions), socket, ...(servername != null && servername !== '' ? { servername } : {}) });
      callback?.(null, tls);
    });
    return undefined;
  }
}

/** An http agent that sends absolute-form requests to a forward proxy. */
class ForwardingAgent extends HttpAgent {
  readonly #proxy: URL;
  readonly #timeoutMillis: number;

  constructor(proxy: URL, timeoutMillis: number) {
    super({ keepAlive: false });
    this.#proxy = proxy;
    this.#timeoutMillis = timeoutMillis;
  }

  override createConnection(): Duplex {
    const socket = netConnect({ host: this.#proxy.hostname.replace(/^\[|\]$/g, ''), port: portOf(this.#proxy), timeout: this.#timeoutMillis });
    socket.once('timeout', () => socket.destroy(Object.assign(new Error('proxy connection timed out'), { code: 'ETIMEDOUT' })));
    socket.once('connect', () => socket.setTimeout(0));
    return socket;
  }

  /** Node calls this for every request before its head is written: make the path absolute. */
  addRequest(req: ClientRequest, options: ClientRequestArgs): void {
    const host = String(options.host ?? options.hostname ?? 'localhost');
    req.path = `http://${hostPort(host, Number(options.port ?? 80))}${req.path}`;
    const auth = proxyAuthorization(this.#proxy);
    if (auth != null) req.setHeader('proxy-authorization', auth);
    (HttpAgent.prototype as unknown as { addRequest(r: ClientRequest, o: ClientRequestArgs): void }).addRequest.call(this, req, options);
  }
}

/** The agent for one export URL: direct, or through `proxy`. */
export function createAgent(target: URL, proxy: URL | undefined, timeoutMillis: number): HttpAgent {
  const https = target.protocol === 'https:';
  if (proxy == null) return https ? new HttpsAgent({ keepAlive: false }) : new HttpAgent({ keepAlive: false });
  return https ? new TunnelingAgent(proxy, timeoutMillis) : new ForwardingAgent(proxy, timeoutMillis);
}
