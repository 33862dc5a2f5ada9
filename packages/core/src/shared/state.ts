// SPDX-License-Identifier: Apache-2.0
// Files in the tool's state directory: the installation id and the notice marker.
import { writeAtomic } from './atomic-file.js';
import { randomUuid } from './ids.js';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The stored installation id, or undefined when there is none (or it is corrupt). */
export function readInstallationId(stateDir: string): string | undefined {
  const id = readText(join(stateDir, 'installation-id'));
  return id != null && UUID.test(id) ? id : undefined;
}

/** Returns the installation id, creating a random one when missing. Throws on I/O errors. */
export function ensureInstallationId(stateDir: string): string {
  const existing = readInstallationId(stateDir);
  if (existing != null) return existing;
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const id = randomUuid();
  writeAtomic(join(stateDir, 'installation-id'), `${id}\n`);
  return readInstallationId(stateDir) ?? id;
}

/** Replaces the installation id with a new random one; returns the old one (if any) and the new. */
export function resetInstallationId(stateDir: string): { previous: string | undefined; next: string } {
  const previous = readInstallationId(stateDir);
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const next = randomUuid();
  writeAtomic(join(stateDir, 'installation-id'), `${next}\n`);
  return { previous, next };
}

/** Whether the notice for this version was already shown. */
export function noticeShown(stateDir: string, noticeVersion: string): boolean {
  return readText(join(stateDir, 'notice')) === noticeVersion;
}

/** Remembers that the notice was shown. Throws on I/O errors. */
export function markNoticeShown(stateDir: string, noticeVersion: string): void {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  writeAtomic(join(stateDir, 'notice'), `${noticeVersion}\n`);
}
