// SPDX-License-Identifier: Apache-2.0
// Runs the tool once in doctor mode (CLITEL_DEBUG=1 + CLITEL_DOCTOR_REPORT=<file>) on the user's
// own environment and HOME, with no stdin, its output captured, and a bounded wait: past it the
// tool is killed. Returns what it printed and the report core wrote, if any.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Env } from '@clitel/core';
import { DOCTOR_REPORT_VAR } from '@clitel/core/internal';

/** How to run the tool. */
export interface ToolRunOptions {
  /** The node binary. */
  node: string;
  /** Node flags before the script, e.g. `['--import', '@clitel/register']`. */
  nodeArgs: readonly string[];
  file: string;
  args: readonly string[];
  cwd: string;
  env: Env;
  /** Longest wait before the tool is killed. */
  timeoutMs: number;
  signal: AbortSignal;
}

/** What one run gave. */
export interface ToolRun {
  /** The tool's exit code; undefined when a signal ended it. */
  exitCode: number | undefined;
  signal: string | undefined;
  /** Killed after `timeoutMs`. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** The report file's text; undefined when the run wrote none. */
  report: string | undefined;
  /** The run could not start (e.g. the script cannot be executed). */
  error: string | undefined;
}

/** Output kept per stream: the tail, enough for any message a maintainer needs to see. */
const KEEP_BYTES = 256 * 1024;

function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    text += chunk;
    if (text.length > 2 * KEEP_BYTES) text = text.slice(-KEEP_BYTES);
  });
  return () => (text.length > KEEP_BYTES ? text.slice(-KEEP_BYTES) : text);
}

/** Runs the tool; never throws for the tool's own failures. */
export async function runTool(options: ToolRunOptions): Promise<ToolRun> {
  const dir = mkdtempSync(join(tmpdir(), 'clitel-doctor-'));
  const file = join(dir, 'report.json');
  try {
    const child = spawn(options.node, [...options.nodeArgs, options.file, ...options.args], {
      cwd: options.cwd,
      env: { ...options.env, CLITEL_DEBUG: '1', [DOCTOR_REPORT_VAR]: file },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    let timedOut = false;
    const kill = (): void => {
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    timer.unref();
    options.signal.addEventListener('abort', kill, { once: true });
    const ended = await new Promise<{ code: number | null; signal: string | null; error?: string }>((done) => {
      child.once('error', (error) => done({ code: null, signal: null, error: error.message }));
      child.once('close', (code, signal) => done({ code, signal }));
    });
    clearTimeout(timer);
    options.signal.removeEventListener('abort', kill);
    let report: string | undefined;
    try {
      report = readFileSync(file, 'utf8');
    } catch {
      report = undefined;
    }
    return { exitCode: ended.code ?? undefined, signal: ended.signal ?? undefined, timedOut, stdout: stdout(), stderr: stderr(), report, error: ended.error };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
