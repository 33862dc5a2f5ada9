// SPDX-License-Identifier: Apache-2.0
// The resource of a run (its small, coarse context): attributes from an allowlist, nothing else.
import type { ResolvedConfig } from '../shared/config.js';
import type { ClitelEnv } from '../shared/env.js';
import * as A from '../shared/attributes.js';
import * as S from '../shared/semconv.js';
import { CLITEL_VERSION, OTEL_SDK_VERSION } from '../shared/version.js';
import { platformResource, type Platform } from '../shared/platform.js';
import { keepAllowed } from '../shared/attribute-table.js';

/** How the tool was acquired, from cheap signals only. The path is read, never sent. */
export function detectChannel(npm: Partial<ClitelEnv['npm']>, entryPath: string | undefined): string | undefined {
  const agent = npm.userAgent ?? '';
  if (npm.command === 'exec' || /[\\/]_npx[\\/]/.test(entryPath ?? '')) return 'npx';
  if (/[\\/](Cellar|homebrew|linuxbrew)[\\/]/i.test(entryPath ?? '')) return 'homebrew';
  if (agent.startsWith('pnpm') && npm.command === 'dlx') return 'pnpm-dlx';
  if (/[\\/]node_modules[\\/]/.test(entryPath ?? '')) return 'npm';
  return undefined;
}

/** Resource attributes for a run: every key it can, then only what the attribute table keeps at the level. */
export function buildResource(
  config: ResolvedConfig,
  ids: { installationId: string | undefined; sessionId: string },
  platform: Platform,
  entryPath: string | undefined,
): Record<string, string | boolean> {
  const { ci, ciProvider } = config.env;
  const channel = config.channel ?? detectChannel(config.env.npm, entryPath);
  return keepAllowed('resource', config.level, {
    [S.ATTR_SERVICE_NAME]: config.toolName,
    [S.ATTR_SERVICE_VERSION]: config.toolVersion,
    [S.ATTR_TELEMETRY_SDK_NAME]: 'opentelemetry',
    [S.ATTR_TELEMETRY_SDK_LANGUAGE]: 'nodejs',
    [S.ATTR_TELEMETRY_SDK_VERSION]: OTEL_SDK_VERSION,
    [S.ATTR_TELEMETRY_DISTRO_NAME]: A.DISTRO_NAME,
    [S.ATTR_TELEMETRY_DISTRO_VERSION]: CLITEL_VERSION,
    ...platformResource(platform),
    ...(ids.installationId != null ? { [A.ATTR_CLITEL_INSTALLATION_ID]: ids.installationId } : {}),
    [A.ATTR_CLITEL_SESSION_ID]: ids.sessionId,
    [A.ATTR_CLITEL_CI]: ci,
    ...(ciProvider != null ? { [A.ATTR_CLITEL_CI_PROVIDER]: ciProvider } : {}),
    [A.ATTR_CLITEL_SOURCE]: sanitizeLabel(config.source),
    ...(channel != null ? { [A.ATTR_CLITEL_CHANNEL]: sanitizeLabel(channel) } : {}),
  });
}

/** Host-set labels are short identifiers; anything else becomes `_other`. */
export function sanitizeLabel(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/.test(value) ? value : '_other';
}
