// SPDX-License-Identifier: Apache-2.0
// The resource of a service's heartbeats, built from an allowlist: core's platform part plus the
// service's own keys. The stock host and process detectors are never used: they add host.name,
// host.id, process.owner and command lines.
import { CLITEL_VERSION } from '@clitel/core';
import { ATTR_CLITEL_EDITION, ATTR_CLITEL_SESSION_ID, ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION, ATTR_TELEMETRY_DISTRO_NAME, ATTR_TELEMETRY_DISTRO_VERSION, ATTR_TELEMETRY_SDK_LANGUAGE, ATTR_TELEMETRY_SDK_NAME, ATTR_TELEMETRY_SDK_VERSION, DISTRO_NAME, platformResource, type Platform } from '@clitel/core/internal';
import type { ResolvedServiceConfig } from './config.js';

/** What the resource is built from besides the configuration; passed in so tests can give literals. */
export interface ResourceFacts {
  platform: Platform;
  /** The OpenTelemetry SDK version in use. */
  sdkVersion: string;
  /** Random, one per process. */
  sessionId: string;
}

/** Resource attributes; `minimal` keeps only `service.*`. */
export function buildServiceResource(config: ResolvedServiceConfig, facts: ResourceFacts): Record<string, string> {
  const { core } = config;
  const service = { [ATTR_SERVICE_NAME]: core.toolName, [ATTR_SERVICE_VERSION]: core.toolVersion };
  if (core.level === 'minimal') return service;
  return {
    ...service,
    [ATTR_TELEMETRY_SDK_NAME]: 'opentelemetry',
    [ATTR_TELEMETRY_SDK_LANGUAGE]: 'nodejs',
    [ATTR_TELEMETRY_SDK_VERSION]: facts.sdkVersion,
    [ATTR_TELEMETRY_DISTRO_NAME]: DISTRO_NAME,
    [ATTR_TELEMETRY_DISTRO_VERSION]: CLITEL_VERSION,
    ...platformResource(facts.platform),
    [ATTR_CLITEL_SESSION_ID]: facts.sessionId,
    ...(config.edition != null ? { [ATTR_CLITEL_EDITION]: config.edition } : {}),
  };
}
