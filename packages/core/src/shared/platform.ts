// SPDX-License-Identifier: Apache-2.0
// The coarse platform part of every clitel resource: OS family and major.minor version, CPU
// architecture, runtime. Shared by runs, usage counters and services.
import { arch, release } from 'node:os';
import * as S from './semconv.js';

/** Facts about the machine, passed in so tests can give literals. */
export interface Platform {
  platform: NodeJS.Platform;
  release: string;
  arch: string;
  nodeVersion: string;
}

/** This machine's platform facts. */
export function currentPlatform(): Platform {
  return { platform: process.platform, release: release(), arch: arch(), nodeVersion: process.versions.node };
}

const OS_TYPES: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'linux', darwin: 'darwin', win32: 'windows', freebsd: 'freebsd', openbsd: 'openbsd', netbsd: 'netbsd', aix: 'aix', sunos: 'solaris',
};
const ARCHES: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm32', ia32: 'x86', ppc64: 'ppc64', s390x: 's390x', ppc: 'ppc32' };

/** `6.1.0-18-amd64` → `6.1`; Windows keeps the build (`10.0.22631`), which tells 10 from 11. */
export function coarseOsVersion(platform: NodeJS.Platform, release: string): string {
  const parts = release.match(/^\d+(\.\d+){0,2}/)?.[0].split('.') ?? [];
  if (parts.length === 0) return '_other';
  return parts.slice(0, platform === 'win32' ? 3 : 2).join('.');
}

/** `os.type`, `os.version` (coarse), `host.arch`, `process.runtime.name` and `.version`. */
export function platformResource(platform: Platform): Record<string, string> {
  return {
    [S.ATTR_OS_TYPE]: OS_TYPES[platform.platform] ?? '_other',
    [S.ATTR_OS_VERSION]: coarseOsVersion(platform.platform, platform.release),
    [S.ATTR_HOST_ARCH]: ARCHES[platform.arch] ?? '_other',
    [S.ATTR_PROCESS_RUNTIME_NAME]: 'nodejs',
    [S.ATTR_PROCESS_RUNTIME_VERSION]: platform.nodeVersion,
  };
}
