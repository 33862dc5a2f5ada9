// SPDX-License-Identifier: Apache-2.0
// The sender honours HTTP_PROXY / HTTPS_PROXY / NO_PROXY, through a real local proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { runAcme } from '../helpers/acme.js';
import { startProxy, type TestProxy } from '../fixtures/proxy.js';

let receiver: Receiver;
let proxy: TestProxy;
beforeAll(async () => {
  receiver = await startReceiver();
  proxy = await startProxy();
});
afterAll(async () => {
  await receiver.close();
  await proxy.close();
});

describe('proxies', () => {
  it('sends through HTTP_PROXY to an http collector', async () => {
    const before = proxy.forwards.length;
    await runAcme(['greet', '--name', 'x'], receiver.url, { env: { CI: '', HTTP_PROXY: proxy.url } });
    await receiver.waitForSpans(1);
    expect(proxy.forwards.slice(before)).toEqual([`${receiver.url}/v1/traces`]);
  });

  it('honours the lower-case spelling and proxy credentials', async () => {
    const before = proxy.authorizations.length;
    const url = new URL(proxy.url);
    url.username = 'ci';
    url.password = 'p%40ss';
    const count = receiver.spans().length;
    await runAcme(['greet', '--name', 'x'], receiver.url, { env: { CI: '', http_proxy: url.toString() } });
    await receiver.waitForSpans(count + 1);
    expect(proxy.authorizations.slice(before)).toEqual([`Basic ${Buffer.from('ci:p@ss').toString('base64')}`]);
  });

  it('goes direct when NO_PROXY names the collector host', async () => {
    const before = proxy.forwards.length;
    const count = receiver.spans().length;
    await runAcme(['greet', '--name', 'x'], receiver.url, { env: { CI: '', HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' } });
    expect((await receiver.waitForSpans(count + 1)).length).toBe(count + 1);
    expect(proxy.forwards.length).toBe(before);
  });
});
