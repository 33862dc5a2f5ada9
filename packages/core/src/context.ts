// SPDX-License-Identifier: Apache-2.0
// The small, coarse context of a run: resource attributes from an allowlist, nothing else.
import { arch, release } from 'node:os';
import type { Env } from './types.js';
import type { ResolvedConfig } from './config.js';
import * as A from './attributes.js';
import * as S from './semconv.js';
import { detectCi } from './ci.js';
import { CLITEL_VERSION, OTEL_SDK_VERSION } from './version.js';

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

/** How the tool was acquired, from cheap signals only. The path is read, never sent. */
export function detectChannel(env: Env, entryPath: string | undefined): string | undefined {
  const agent = env.npm_config_user_agent ?? '';
  if (env.npm_command === 'exec' || /[\\/]_npx[\\/]/.test(entryPath ?? '')) return 'npx';
  if (/[\\/](Cellar|homebrew|linuxbrew)[\\/]/i.test(entryPath ?? '')) return 'homebrew';
  if (agent.startsWith('pnpm') && env.npm_command === 'dlx') return 'pnpm-dlx';
  if (/[\\/]node_modules[\\/]/.test(entryPath ?? '')) return 'npm';
  return undefined;
}

/** Resource attributes for a run. `minimal` keeps only `service.*`. */
export function buildResource(
  config: ResolvedConfig,
  ids: { installationId: string | undefined; sessionId: string },
  env: Env,
  platform: Platform,
  entryPath: string | undefined,
): Record<string, string | boolean> {
  const service = { [S.ATTR_SERVICE_NAME]: config.toolName, [S.ATTR_SERVICE_VERSION]: config.toolVersion };
  if (config.level === 'minimal') return service;
  const ci = detectCi(env);
  const channel = config.channel ?? detectChannel(env, entryPath);
  return {
    ...service,
    [S.ATTR_TELEMETRY_SDK_NAME]: 'opentelemetry',
    [S.ATTR_TELEMETRY_SDK_LANGUAGE]: 'nodejs',
    [S.ATTR_TELEMETRY_SDK_VERSION]: OTEL_SDK_VERSION,
    [S.ATTR_TELEMETRY_DISTRO_NAME]: A.DISTRO_NAME,
    [S.ATTR_TELEMETRY_DISTRO_VERSION]: CLITEL_VERSION,
    [S.ATTR_OS_TYPE]: OS_TYPES[platform.platform] ?? '_other',
    [S.ATTR_OS_VERSION]: coarseOsVersion(platform.platform, platform.release),
    [S.ATTR_HOST_ARCH]: ARCHES[platform.arch] ?? '_other',
    [S.ATTR_PROCESS_RUNTIME_NAME]: 'nodejs',
    [S.ATTR_PROCESS_RUNTIME_VERSION]: platform.nodeVersion,
    ...(ids.installationId != null ? { [A.ATTR_CLITEL_INSTALLATION_ID]: ids.installationId } : {}),
    [A.ATTR_CLITEL_SESSION_ID]: ids.sessionId,
    [A.ATTR_CLITEL_CI]: ci.isCi,
    ...(ci.provider != null ? { [A.ATTR_CLITEL_CI_PROVIDER]: ci.provider } : {}),
    [A.ATTR_CLITEL_SOURCE]: sanitizeLabel(config.source),
    ...(channel != null ? { [A.ATTR_CLITEL_CHANNEL]: sanitizeLabel(channel) } : {}),
  };
}

/** Host-set labels are short identifiers; anything else becomes `_other`. */
export function sanitizeLabel(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/.test(value) ? value : '_other';
}
