// SPDX-License-Identifier: Apache-2.0
// Admission, shared by runs and usage: whether this run records, after consent, the first-run
// notice (that run sends nothing), an export target and sampling.
import type { Prepared } from '../shared/prepare.js';
import { debugLine } from '../shared/output.js';
import { ensureInstallationId, markNoticeShown, noticeShown, readInstallationId } from '../shared/state.js';
import { noticeText } from './notice.js';
import { isSampled } from './sampling.js';

/** Decides whether this run records; returns the installation id (or '' in debug mode). */
export function admit(p: Prepared, signal: 'traces' | 'metrics'): string | undefined {
  const { config } = p;
  if (!p.status.enabled) return undefined;
  for (const warning of config.env.warnings) debugLine(p, warning.replace(/^clitel: /, ''));
  if (config.debug) return readInstallationId(config.paths.stateDir) ?? '';
  if (!noticeShown(config.paths.stateDir, config.noticeVersion)) {
    ensureInstallationId(config.paths.stateDir);
    markNoticeShown(config.paths.stateDir, config.noticeVersion);
    p.writeErr(noticeText(config));
    return undefined;
  }
  if ((signal === 'traces' ? config.target : config.metricsTarget) == null) return undefined;
  const id = ensureInstallationId(config.paths.stateDir);
  return isSampled(id, config.sampleRate) ? id : undefined;
}
