// SPDX-License-Identifier: Apache-2.0
// Runs a process and measures it: wall ms, CPU ms and peak RSS through the wait4 helper
// (scripts/bench/wait4.py) when python3 is there, else wall ms alone through spawnSync.
// CPU time is what a loaded machine disturbs least; wall time is what a person waits.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const HELPER = fileURLToPath(new URL('./wait4.py', import.meta.url));

/** A runner: `run(argv, env)` resolves to `{ ms, cpuMs, rssKb, status, stdout }`; `close()` ends it. */
export function startRunner() {
  const probe = spawnSync('python3', ['-c', 'import os; os.wait4; os.waitstatus_to_exitcode'], { stdio: 'ignore' });
  if (probe.status !== 0) return fallbackRunner();
  const child = spawn('python3', [HELPER], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting = [];
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(JSON.parse(line)));
  return {
    kind: 'wait4',
    run: (argv, env) =>
      new Promise((resolve) => {
        waiting.push(resolve);
        child.stdin.write(`${JSON.stringify({ argv, env })}\n`);
      }),
    close: () => new Promise((resolve) => {
      child.on('exit', resolve);
      child.stdin.end();
    }),
  };
}

function fallbackRunner() {
  return {
    kind: 'spawnSync',
    run: async (argv, env) => {
      const started = process.hrtime.bigint();
      const r = spawnSync(argv[0], argv.slice(1), { env, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      return { ms, cpuMs: undefined, rssKb: undefined, status: r.status, stdout: r.stdout };
    },
    close: async () => undefined,
  };
}
