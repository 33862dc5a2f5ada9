// SPDX-License-Identifier: Apache-2.0
// Which proxy, if any, a request to the export URL goes through: HTTPS_PROXY for https targets,
// HTTP_PROXY for http targets, none when NO_PROXY matches the target's host.
import type { ProxyEnv } from '../shared/env.js';

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** The effective port of a URL. */
export function portOf(url: URL): number {
  return Number(url.port || DEFAULT_PORTS[url.protocol] || '80');
}

function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/**
 * Whether NO_PROXY exempts `target`. Entries are comma or space separated: `*` exempts every host;
 * `example.com` and `.example.com` exempt that domain and its subdomains; an IP exempts itself;
 * `host:port` exempts that port only. CIDR ranges are not supported.
 */
export function isExempt(target: URL, noProxy: string | undefined): boolean {
  if (noProxy == null) return false;
  const host = bareHost(target.hostname);
  const port = portOf(target);
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const m = /^(\[[^\]]+\]|[^:]+|[0-9a-f:]+)(?::(\d+))?$/.exec(entry);
    if (m == null) continue;
    if (m[2] != null && Number(m[2]) !== port) continue;
    const name = bareHost(m[1]).replace(/^\*?\./, '');
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/**
 * The proxy URL for `target`, or undefined to connect directly. Only `http://` proxies are
 * supported; anything else is reported in `warnings` and ignored.
 */
export function proxyFor(target: URL, env: ProxyEnv, warnings: string[] = []): URL | undefined {
  const raw = target.protocol === 'https:' ? env.httpsProxy : env.httpProxy;
  if (raw == null || isExempt(target, env.noProxy)) return undefined;
  const name = target.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
  try {
    const proxy = new URL(raw.includes('://') ? raw : `http://${raw}`);
    if (proxy.protocol === 'http:') return proxy;
  } catch {
    // reported below
  }
  warnings.push(`clitel: ignoring ${name} (expected an http:// proxy URL)`);
  return undefined;
}
