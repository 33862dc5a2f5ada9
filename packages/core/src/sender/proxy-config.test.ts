// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { isExempt, proxyFor } from './proxy-config.js';

const env = (over: Partial<{ httpsProxy: string; httpProxy: string; noProxy: string }> = {}) => ({ httpsProxy: undefined, httpProxy: undefined, noProxy: undefined, ...over });

describe('proxyFor', () => {
  it('uses HTTPS_PROXY for https targets and HTTP_PROXY for http targets', () => {
    const e = env({ httpsProxy: 'http://secure:3128', httpProxy: 'http://plain:8080' });
    expect(proxyFor(new URL('https://otel.example.com/v1/metrics'), e)?.host).toBe('secure:3128');
    expect(proxyFor(new URL('http://otel.example.com/v1/metrics'), e)?.host).toBe('plain:8080');
    expect(proxyFor(new URL('http://otel.example.com'), env({ httpsProxy: 'http://secure:3128' }))).toBeUndefined();
  });

  it('accepts a proxy without a scheme and refuses non-http proxies with a warning', () => {
    expect(proxyFor(new URL('https://a.example'), env({ httpsProxy: 'proxy.corp:3128' }))?.href).toBe('http://proxy.corp:3128/');
    const warnings: string[] = [];
    expect(proxyFor(new URL('https://a.example'), env({ httpsProxy: 'socks5://proxy:1080' }), warnings)).toBeUndefined();
    expect(warnings).toEqual(['clitel: ignoring HTTPS_PROXY (expected an http:// proxy URL)']);
  });

  it('connects directly when NO_PROXY matches', () => {
    expect(proxyFor(new URL('https://otel.example.com'), env({ httpsProxy: 'http://p:1', noProxy: 'example.com' }))).toBeUndefined();
  });
});

describe('isExempt', () => {
  const url = new URL('https://otel.eu.example.com:4318/v1/metrics');
  it.each([
    ['*', true],
    ['example.com', true],
    ['.example.com', true],
    ['*.example.com', true],
    ['eu.example.com:4318', true],
    ['eu.example.com:443', false],
    ['ample.com', false],
    ['other.org, example.com', true],
    ['other.org otel.eu.example.com', true],
    ['', false],
  ])('NO_PROXY=%j → %s', (noProxy, expected) => {
    expect(isExempt(url, noProxy)).toBe(expected);
  });

  it('matches IP addresses exactly, IPv6 included', () => {
    expect(isExempt(new URL('http://127.0.0.1:4318'), '127.0.0.1')).toBe(true);
    expect(isExempt(new URL('http://127.0.0.10:4318'), '127.0.0.1')).toBe(false);
    expect(isExempt(new URL('http://[::1]:4318'), '::1')).toBe(true);
    expect(isExempt(new URL('http://[::1]:4318'), '[::1]:4318')).toBe(true);
  });
});
