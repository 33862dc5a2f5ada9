// SPDX-License-Identifier: Apache-2.0
// Runs a CLI as a real process with a fresh HOME and XDG directories, like a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const ACME = join(REPO, 'examples/acme/bin/acme.js');

/** Node flags that make this Node look like 21 or 22.0 to 22.2, which have no process.getBuiltinModule. */
export const WITHOUT_GET_BUILTIN_MODULE = ['--import', 'data:text/javascript,delete process.getBuiltinModule'];

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** Extra env; the base is PATH plus a fresh HOME, nothing else from this process. */
  env?: Record<string, string | undefined>;
  /** HOME to use (default: a fresh temp dir). */
  home?: string;
  script?: string;
  timeoutMs?: number;
  /** Node flags before the script (e.g. --import). */
  nodeArgs?: string[];
  cwd?: string;
  /** Called with the child right after it starts (e.g. to send a signal). */
  onSpawn?: (child: ChildProcess) => void;
}

/** A fresh, empty HOME directory. */
export function freshHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'clitel-home-'));
  mkdirSync(home, { recursive: true });
  return home;
}

/** The environment a test run starts from: PATH and HOME only. */
export function baseEnv(home: string): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home };
}

export function runCli(args: string[], options: CliRunOptions = {}): Promise<CliResult> {
  const home = options.home ?? freshHome();
  // Delivery at the end of every run, so a test sees its spans without waiting for more runs
  // (the delivery delay has its own test; pass CLITEL_SEND_NOW: '' to get the delay).
  const env: Record<string, string> = { ...baseEnv(home), CLITEL_SEND_NOW: '1' };
  for (const [k, v] of Object.entries(options.env ?? {})) if (v != null) env[k] = v;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script ?? ACME, ...args], { env, cwd: options.cwd ?? REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    options.onSpawn?.(child);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}

/** Every file below a directory (relative paths), for "nothing was written" assertions. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p, `${prefix}${n}/`);
      else out.push(`${prefix}${n}`);
    }
  };
  walk(dir, '');
  return out;
}
