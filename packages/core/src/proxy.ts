// SPDX-License-Identifier: Apache-2.0
// Entry of the `@clitel/core/proxy` subpath: HTTP agents that honour HTTPS_PROXY / HTTP_PROXY /
// NO_PROXY, for packages that export with their own OpenTelemetry exporters (e.g. services).
export { proxyFor, isExempt } from './sender/proxy-config.js';
export { createAgent } from './sender/proxy-agent.js';
export type { ProxyEnv } from './shared/env.js';
