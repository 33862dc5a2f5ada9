// SPDX-License-Identifier: Apache-2.0
// Errors leave the machine as a type and scrubbed frames only: never the message, never a path.
import { ERROR_TYPE_VALUE_OTHER } from './semconv.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/;
const FRAME = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?\s*$/;
const FUNCTION_NAME = /^(?:async |new )?[A-Za-z_$<][A-Za-z0-9_$.<>[\] ]{0,127}$/;
const MAX_FRAMES = 20;

/** The error's class name, or `_OTHER` for anything that is not a plain identifier. */
export function errorType(error: unknown): string {
  if (error == null || typeof error !== 'object') return ERROR_TYPE_VALUE_OTHER;
  const ctor = (error as { constructor?: { name?: unknown } }).constructor?.name;
  const name = (error as { name?: unknown }).name;
  for (const candidate of [ctor, name]) {
    if (typeof candidate === 'string' && IDENTIFIER.test(candidate) && candidate !== 'Object') return candidate;
  }
  return ERROR_TYPE_VALUE_OTHER;
}

/** Reduces a file location to something that names no user or machine. */
export function scrubFile(file: string, toolRoot: string | undefined): string {
  let path = file.startsWith('file://') ? safeDecode(file.slice('file://'.length)) : file;
  if (path.startsWith('node:')) return path;
  path = path.replace(/\\/g, '/');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) return path.slice(nm + '/node_modules/'.length);
  const root = toolRoot?.replace(/\\/g, '/').replace(/\/?$/, '/');
  if (root != null && path.startsWith(root)) return path.slice(root.length);
  return path.slice(path.lastIndexOf('/') + 1) || '<unknown>';
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '<unknown>';
  }
}

/** `Type\n    at fn (file:line:col)` with scrubbed frames; unparseable lines are dropped. */
export function scrubStack(error: unknown, toolRoot: string | undefined): string {
  const type = errorType(error);
  const stack = typeof (error as { stack?: unknown } | null)?.stack === 'string' ? (error as { stack: string }).stack : '';
  const frames: string[] = [];
  for (const line of stack.split('\n')) {
    const m = FRAME.exec(line);
    if (m == null) continue;
    const fn = m[1] != null && FUNCTION_NAME.test(m[1]) ? m[1] : m[1] == null ? undefined : '<anonymous>';
    const where = `${scrubFile(m[2], toolRoot)}:${m[3]}:${m[4]}`;
    frames.push(fn != null ? `    at ${fn} (${where})` : `    at ${where}`);
    if (frames.length === MAX_FRAMES) break;
  }
  return [type, ...frames].join('\n');
}
