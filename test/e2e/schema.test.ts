// SPDX-License-Identifier: Apache-2.0
// `clitel schema` and `clitel check` on real tools of every framework: the tree comes from the
// framework itself, a new command or option fails the check by name, --write brings it back in
// step, and a run in tree mode runs no command, writes no state and sends nothing.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandTree } from '@clitel/core';
import { REPO, filesUnder, runCli } from '../helpers/run-cli.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

const CLITEL = join(REPO, 'packages/cli/dist/bin.js');
const FIXTURES = 'test/fixtures/schema';

interface Fixture {
  framework: string;
  /** How the tool is instrumented, when not by the framework's adapter. */
  via?: string;
  entry: string;
  /** Flags for clitel (e.g. --register). */
  flags?: string[];
  /** What the framework's tree must show: a (nested) path, an alias, a hidden command. */
  nested: string;
  alias?: [string, string];
  hidden?: string;
  /** Where --url is declared, and where FX_ADD=1 adds --mirror (`''`: global). FX_ADD=1 also adds the command `extra`. */
  optionsOn: string;
  /** Where the boolean --verbose is declared (default: the root). */
  verboseOn?: string;
  /** Whether `greet --lang` declares the choices en and fr. */
  choices?: boolean;
}

const FIXTURE_LIST: Fixture[] = [
  { framework: 'commander', entry: `${FIXTURES}/commander.mjs`, nested: 'remote add', alias: ['remote add', 'new'], hidden: 'debug', optionsOn: 'remote add', choices: true },
  { framework: 'citty', entry: `${FIXTURES}/citty.mjs`, nested: 'remote add', alias: ['remote add', 'new'], hidden: 'debug', optionsOn: 'remote add', choices: true },
  { framework: 'yargs', entry: `${FIXTURES}/yargs.mjs`, nested: 'remote add', alias: ['remote add', 'new'], hidden: 'debug', optionsOn: 'remote add', choices: true },
  { framework: 'oclif', entry: `${FIXTURES}/oclif/bin/run.js`, nested: 'remote add', alias: ['remote add', 'remote new'], hidden: 'debug', optionsOn: 'remote add', verboseOn: 'greet', choices: true },
  { framework: 'commander', via: 'register', entry: `${FIXTURES}/register/cli.js`, flags: ['--register'], nested: 'remote add', alias: ['remote add', 'new'], hidden: 'debug', optionsOn: 'remote add' },
  { framework: 'cac', entry: `${FIXTURES}/cac.mjs`, nested: 'remote', alias: ['remote', 'rem'], optionsOn: 'remote' },
  { framework: 'parseargs', entry: `${FIXTURES}/parseargs.mjs`, nested: 'remote add', optionsOn: '' },
];

let receiver: Receiver;
beforeAll(async () => { receiver = await startReceiver(); });
afterAll(async () => { await receiver.close(); });

/** A fresh HOME with XDG dirs, the marker file's path, and the env every run gets. */
function world(extra: Record<string, string> = {}): { env: Record<string, string>; home: string; marker: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'clitel-schema-'));
  const home = join(dir, 'home');
  for (const d of ['home', 'home/.config', 'home/.state']) mkdirSync(join(dir, d));
  const marker = join(dir, 'marker');
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_STATE_HOME: join(home, '.state'),
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, FX_MARKER: marker, ...extra,
  };
  return { env, home, marker, dir };
}

function clitel(args: string[], env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLITEL, ...args], { cwd: REPO, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const mirror = (f: Fixture): string => `option --mirror ${f.optionsOn === '' ? '(global)' : `of "${f.optionsOn}"`}`;

function treeOf(f: Fixture, env: Record<string, string>): CommandTree {
  const file = join(mkdtempSync(join(tmpdir(), 'clitel-tree-')), 'tree.json');
  const nodeArgs = f.flags?.includes('--register') ? ['--import', '@clitel/register'] : [];
  const r = spawnSync(process.execPath, [...nodeArgs, join(REPO, f.entry)], { cwd: REPO, env: { ...env, CLITEL_SCHEMA_TREE: file }, encoding: 'utf8', timeout: 30_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(readFileSync(file, 'utf8')) as CommandTree;
}

describe.each(FIXTURE_LIST.map((f) => ({ ...f, name: f.via != null ? `${f.framework} via ${f.via}` : f.framework })))('clitel schema on $name', (f) => {
  it('reads the real tree: nested commands, aliases, hidden commands, options with kinds', () => {
    const w = world();
    const tree = treeOf(f, w.env);
    expect(tree.framework).toBe(f.framework);
    const paths = tree.commands.map((c) => c.path);
    expect(paths).toContain('');
    expect(paths).toContain(f.nested);
    if (f.alias != null) expect(tree.commands.find((c) => c.path === f.alias?.[0])?.aliases).toContain(f.alias[1]);
    if (f.hidden != null) expect(tree.commands.find((c) => c.path === f.hidden)?.hidden).toBe(true);
    expect(tree.commands.find((c) => c.path === f.optionsOn)?.options.find((o) => o.name === 'url')?.kind).toBe('string');
    expect(tree.commands.find((c) => c.path === (f.verboseOn ?? ''))?.options.find((o) => o.name === 'verbose')?.kind).toBe('boolean');
    expect(paths).not.toContain('extra');
    expect(existsSync(w.marker)).toBe(false);
  });

  it.runIf(f.choices === true)('offers declared choices as values only with --allow-choices', () => {
    const w = world();
    const lang = (flags: string[]): unknown => {
      const r = clitel(['schema', f.entry, ...(f.flags ?? []), '--schema', join(w.dir, 'none.json'), '--json', ...flags], w.env);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { result: { commands: Record<string, { options?: Record<string, unknown> }> } }).result.commands.greet?.options?.lang;
    };
    expect(lang([])).toEqual({});
    expect(lang(['--allow-choices'])).toEqual({ values: ['en', 'fr'] });
    expect(existsSync(join(w.dir, 'none.json'))).toBe(false);
  });

  it('fails the check by name when a command or option is added, passes after --write', () => {
    const w = world();
    const schema = join(w.dir, 'telemetry.schema.json');
    const flags = [...(f.flags ?? []), '--schema', schema];
    expect(clitel(['check', f.entry, ...flags], w.env).code).toBe(1);
    const first = clitel(['schema', f.entry, ...flags, '--write'], w.env);
    expect(first.code, first.stderr).toBe(0);
    expect(Object.keys((JSON.parse(readFileSync(schema, 'utf8')) as { commands: object }).commands)).toContain(f.nested);
    const ok = clitel(['check', f.entry, ...flags], w.env);
    expect(ok.code, ok.stderr).toBe(0);

    const added = { ...w.env, FX_ADD: '1' };
    const failed = clitel(['check', f.entry, ...flags], added);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('+ command "extra"');
    expect(failed.stderr).toContain(`+ ${mirror(f)}`);
    expect(clitel(['schema', f.entry, ...flags, '--write'], added).code).toBe(0);
    expect(clitel(['check', f.entry, ...flags], added).code).toBe(0);

    // and the other way: the schema now lists what the tool no longer declares
    const removed = clitel(['check', f.entry, ...flags], w.env);
    expect(removed.code).toBe(1);
    expect(removed.stderr).toContain('- command "extra"');
    expect(removed.stderr).toContain(`- ${mirror(f)}`);

    // no run above executed a command, wrote state or opened a connection
    expect(existsSync(w.marker)).toBe(false);
    expect(filesUnder(w.home)).toEqual([]);
    expect(receiver.requests).toEqual([]);
  });
});

describe('tree mode', () => {
  it('is a real difference: the same fixture run normally runs its command and sends its span', async () => {
    const w = world({ CI: '1' });
    for (let i = 0; i < 2; i++) await runCli([], { script: join(REPO, FIXTURE_LIST[0]!.entry), home: w.home, env: w.env });
    expect(readFileSync(w.marker, 'utf8')).toContain('root');
    expect((await receiver.waitForSpans(1, 10_000)).length).toBeGreaterThan(0);
    receiver.requests.length = 0;
  });

  it('ends a register run with no framework to read before the tool runs, and says why', () => {
    const w = world();
    const r = clitel(['schema', 'test/fixtures/register/plain/cli.js', '--register', '--schema', join(w.dir, 's.json')], w.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no commander or yargs program to read');
    expect(existsSync(join(w.dir, 's.json'))).toBe(false);
    expect(filesUnder(w.home)).toEqual([]);
  });

  it('ends with code 70 and one line when the tree cannot be written, running nothing', () => {
    const w = world();
    const r = spawnSync(process.execPath, [join(REPO, FIXTURE_LIST[0]!.entry)], { env: { ...w.env, CLITEL_SCHEMA_TREE: join(w.dir, 'missing/dir/tree.json') }, encoding: 'utf8' });
    expect(r.status).toBe(70);
    expect(r.stderr).toMatch(/^clitel: could not read the command tree \(Error: ENOENT/);
    expect(existsSync(w.marker)).toBe(false);
  });

  it('keeps the example CLI, its collector config and its data dictionary in step', () => {
    const w = world();
    const r = clitel(['check', 'examples/acme/bin/acme.js', '--schema', 'examples/acme/telemetry.schema.json', '--collector-config', 'collector-config/acme', '--docs', 'docs/telemetry.md'], w.env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('ok '))).toHaveLength(3);
    expect(existsSync(w.marker)).toBe(false);
    expect(filesUnder(w.home)).toEqual([]);
  });

  it('names a stale data dictionary and collector config in the same call', () => {
    const w = world();
    const schema = join(w.dir, 'telemetry.schema.json');
    writeFileSync(schema, readFileSync(join(REPO, 'examples/acme/telemetry.schema.json'), 'utf8').replace('"template": {}', '"template": { "values": ["basic"] }'));
    const r = clitel(['check', 'examples/acme/bin/acme.js', '--schema', schema, '--collector-config', 'collector-config/acme', '--docs', 'docs/telemetry.md'], w.env);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ok    schema');
    expect(r.stderr).toContain('stale: collector-config/acme/base.yaml');
    expect(r.stderr).toContain('stale: docs/telemetry.md');
  });
});
