// SPDX-License-Identifier: Apache-2.0
// Client-controlled strings (service.name and .version, the command, option values, the OS) full
// of markup and terminal control sequences, sent to a real `clitel dev` and then shown by the
// live view, `clitel report` (table and Markdown), the dashboard and the public page. Each output
// shows them as inert text: no escape sequence reaches the terminal, no tag reaches the HTML.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { readableSpan } from './helpers/readable-spans.js';
import { BIN, cleanEnv, runClitel } from './helpers/clitel-process.js';

const ESC = '\u001b';
const HOSTILE = {
  service: `acme${ESC}]0;owned${'\u0007'}<img src=x onerror=alert(1)>`,
  version: `1.0.0${ESC}[2J${ESC}]8;;https://evil.example${'\u0007'}click${ESC}]8;;${'\u0007'}${ESC}]52;c;cm0gLXJmIH4=${'\u0007'}`,
  command: `deploy\r${ESC}[31mFAKE${'\u009b'}31m</script><script>alert(2)</script>`,
  value: `prod\u202egnp.exe\n\u0008\u0008x' onmouseover='alert(3)`,
  os: `=HYPERLINK("https://evil.example")"><svg onload=alert(4)>`,
};
const DAY_NS = 1_777_507_200_000_000_000n; // 2026-04-30T00:00:00Z

/** Every control or bidi character except newline, after removing clitel's own colour codes. */
function unsafeInTerminal(text: string): string[] {
  // eslint-disable-next-line no-control-regex -- the test looks for the control characters it forbids
  return [...text.replace(/\u001b\[\d+m/g, '').matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g)].map((m) => JSON.stringify(m[0]));
}

const tags = (html: string): string[] => [...html.matchAll(/<(script|img|svg)\b/gi)].map((m) => m[1]!.toLowerCase());

describe('client-controlled strings with markup and control characters', () => {
  let dir: string;
  let liveView = '';
  const env = cleanEnv({ FORCE_COLOR: '1' });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clitel-hostile-'));
    // The live view in text mode, coloured as on a terminal.
    const child = spawn(process.execPath, [BIN, 'dev', '--port', '0', '--db', 'h.duckdb'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = createInterface({ input: child.stdout });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('clitel dev did not start')), 30_000);
      lines.on('line', (line) => {
        liveView += `${line}\n`;
        const match = /listening on \S*?(http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (match != null) { clearTimeout(timer); resolve(match[1] as string); }
      });
    });
    const spans = Array.from({ length: 3 }, (_, i) => readableSpan({
      name: `acme ${HOSTILE.command}`,
      resource: { 'service.name': HOSTILE.service, 'service.version': HOSTILE.version, 'os.type': HOSTILE.os, 'host.arch': 'x64', 'clitel.installation.id': `${ESC}[8minst-${i}` },
      attributes: { 'clitel.command': HOSTILE.command, 'clitel.options': ['env'], 'clitel.option.env': HOSTILE.value, 'process.exit.code': i === 0 ? 1 : 0 },
      startNs: DAY_NS + BigInt(i) * 60_000_000_000n,
      durationNs: 5_000_000n,
      error: i === 0,
    }));
    const sent = await fetch(`${url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from(JsonTraceSerializer.serializeRequest(spans) as Uint8Array) });
    expect(sent.status).toBe(200);
    const closed = new Promise((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    await closed;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the live view of clitel dev shows them escaped, with no control sequence', () => {
    expect(liveView).toContain('\\x1b[31mFAKE\\x9b31m');
    expect(liveView).toContain('\\u202e');
    expect(unsafeInTerminal(liveView)).toEqual([]);
  });

  it('clitel report: the terminal table and the Markdown', async () => {
    const table = await runClitel(['report', '--db', 'h.duckdb', '--until', '2026-04-30'], { cwd: dir, env });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('\\x1b]52;c;');
    expect(unsafeInTerminal(table.stdout)).toEqual([]);
    const md = await runClitel(['report', '--db', 'h.duckdb', '--until', '2026-04-30', '--format', 'md'], { cwd: dir });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('&lt;/script&gt;&lt;script&gt;alert(2)');
    expect(tags(md.stdout)).toEqual([]);
    expect(unsafeInTerminal(md.stdout)).toEqual([]);
    for (const line of md.stdout.split('\n').filter((l) => l.startsWith('| '))) expect(line.endsWith(' |')).toBe(true);
  });

  it('the dashboard: no tag but its own scripts, the strings kept as data', async () => {
    const written = await runClitel(['dashboard', '--db', 'h.duckdb', '--until', '2026-04-30', '--out', 'dash'], { cwd: dir });
    expect(written.code, written.stderr).toBe(0);
    const html = readFileSync(join(dir, 'dash/index.html'), 'utf8');
    expect(tags(html)).toEqual(['script', 'script', 'script']);
    const data = /<script id="report-data" type="application\/json">([^<]*)<\/script>/.exec(html);
    expect(data).not.toBeNull();
    const report = JSON.parse(data?.[1] ?? '') as { service: string; commands: { command: string }[] };
    expect(report.service).toBe(HOSTILE.service);
    expect(report.commands.map((c) => c.command)).toContain(HOSTILE.command);
  });

  it('the public page and CSV: markup as text, no formula', async () => {
    const published = await runClitel(['publish', '--db', 'h.duckdb', '--until', '2026-04-30', '--min-installations', '2', '--out', 'pub'], { cwd: dir });
    expect(published.code, published.stderr).toBe(0);
    const html = readFileSync(join(dir, 'pub/index.html'), 'utf8');
    expect(tags(html)).toEqual([]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const csv = readdirSync(join(dir, 'pub')).filter((f) => f.endsWith('.csv')).map((f) => readFileSync(join(dir, 'pub', f), 'utf8')).join('');
    expect(csv).toContain('HYPERLINK');
    expect(csv).not.toMatch(/(^|,)"?[=+@]/m);
  });
});
