// SPDX-License-Identifier: Apache-2.0
// The resource of a service's heartbeats, built from an allowlist. The stock host and process
// detectors are never used: they add host.name, host.id, process.owner and command lines.
import { ATTR_CLITEL_SESSION_ID, CLITEL_VERSION, DISTRO_NAME } from '@clitel/core';
import type { ResolvedServiceConfig } from './config.js';
import { ATTR_CLITEL_EDITION } from './attributes.js';
import * as S from './semconv.js';

/** Facts about the machine, passed in so tests can give literals. */
export interface Platform {
  platform: NodeJS.Platform;
  release: string;
  arch: string;
  nodeVersion: string;
  /** The OpenTelemetry SDK version in use. */
  sdkVersion: string;
}

const OS_TYPES: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'linux', darwin: 'darwin', win32: 'windows', freebsd: 'freebsd', openbsd: 'openbsd', netbsd: 'netbsd', aix: 'aix', sunos: 'solaris',
};
const ARCHES: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm32', ia32: 'x86', ppc64: 'ppc64', s390x: 's390x', ppc: 'ppc32' };

/** `6.1.0-18-amd64` → `6.1`; Windows keeps the build (`10.0.22631`), which tells 10 from 11. */
export function coarseOsVersion(platform: NodeJS.Platform, release: string): string {
  const parts = release.match(/^\d+(\.\d+){0,2}/)?.[0].split('.') ?? [];
  return parts.length === 0 ? '_other' : parts.slice(0, platform === 'win32' ? 3 : 2).join('.');
}

/** Resource attributes; `minimal` keeps only `service.*`. */
export function buildServiceResource(config: ResolvedServiceConfig, platform: Platform, sessionId: string): Record<string, string> {
  const service = { [S.ATTR_SERVICE_NAME]: config.serviceName, [S.ATTR_SERVICE_VERSION]: config.serviceVersion };
  if (config.level === 'minimal') return service;
  return {
    ...service,
    [S.ATTR_TELEMETRY_SDK_NAME]: 'opentelemetry',
    [S.ATTR_TELEMETRY_SDK_LANGUAGE]: 'nodejs',
    [S.ATTR_TELEMETRY_SDK_VERSION]: platform.sdkVersion,
    [S.ATTR_TELEMETRY_DISTRO_NAME]: DISTRO_NAME,
    [S.ATTR_TELEMETRY_DISTRO_VERSION]: CLITEL_VERSION,
    [S.ATTR_OS_TYPE]: OS_TYPES[platform.platform] ?? '_other',
    [S.ATTR_OS_VERSION]: coarseOsVersion(platform.platform, platform.release),
    [S.ATTR_HOST_ARCH]: ARCHES[platform.arch] ?? '_other',
    [S.ATTR_PROCESS_RUNTIME_NAME]: 'nodejs',
    [S.ATTR_PROCESS_RUNTIME_VERSION]: platform.nodeVersion,
    [ATTR_CLITEL_SESSION_ID]: sessionId,
    ...(config.edition != null ? { [ATTR_CLITEL_EDITION]: config.edition } : {}),
  };
}
