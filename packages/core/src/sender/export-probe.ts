// SPDX-License-Identifier: Apache-2.0
// What the official exporter does not tell its caller: the status the collector answered with,
// its Retry-After, and a hard bound on one request. An agent wrapper observes each request; the
// sender uses that to back off as long as the collector asked, to split a batch on 413, and to
// say in debug mode why the last delivery failed. Loaded only by the sender process.
import type { Agent, ClientRequest, ClientRequestArgs } from 'node:http';

/** What was seen of the last request made through a probed agent. */
export interface ExportProbe {
  /** The HTTP status of the last response, if one arrived. */
  status: number | undefined;
  /** Retry-After of the last response, in milliseconds from when it arrived. */
  retryAfterMillis: number | undefined;
}

/** An empty probe. */
export function createProbe(): ExportProbe {
  return { status: undefined, retryAfterMillis: undefined };
}

/** Parses Retry-After (delay-seconds or an HTTP-date) to milliseconds; undefined when absent or invalid. */
function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw == null || raw.trim() === '') return undefined;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim()) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Makes `agent` record each response's status and Retry-After in `probe`, and end any request
 * that has not finished `timeoutMillis` after it started (the exporter's own timeout only
 * fires when the socket is idle, so a collector trickling a byte a second would hold it).
 */
export function probeAgent<T extends Agent>(agent: T, probe: ExportProbe, timeoutMillis: number): T {
  const addRequest = (agent as unknown as { addRequest(r: ClientRequest, o: ClientRequestArgs): void }).addRequest.bind(agent);
  Object.assign(agent, {
    addRequest(req: ClientRequest, options: ClientRequestArgs): void {
      probe.status = undefined;
      probe.retryAfterMillis = undefined;
      const timer = setTimeout(() => {
        req.destroy(Object.assign(new Error('request took longer than the export timeout'), { code: 'ETIMEDOUT' }));
      }, timeoutMillis);
      timer.unref();
      req.once('close', () => clearTimeout(timer));
      req.once('response', (res) => {
        probe.status = res.statusCode;
        probe.retryAfterMillis = parseRetryAfter(res.headers['retry-after'], Date.now());
      });
      addRequest(req, options);
    },
  });
  return agent;
}
