// SPDX-License-Identifier: Apache-2.0
// The framework version matrix: every adapter on every version of its framework it is tested
// with (its own devDependency and the npm aliases of test/frameworks; see versions.ts), a few
// checks each on a real CLI against a real receiver: the command and the option names the user
// set, a second command level, and `telemetry status / show / disable`. The full suites
// (adapters-*.test.ts, oclif.test.ts) run on the default version only. The peer range of each
// adapter must span exactly the tested majors, and its README must name the tested versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { until } from '../helpers/otelcol.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { REPO, runCli, type CliResult } from '../helpers/run-cli.js';
import { noticedHome } from '../helpers/acme.js';
import type { DecodedSpan } from '../helpers/otlp-decode.js';
import { expectSucceededSpan, withoutAdapterFrames } from '../fixtures/adapters/harness.js';
import { adapterManifest, frameworkVersions, type FrameworkVersion } from '../fixtures/adapters/versions.js';

/** One command of the fixture and what its span must hold. */
interface Recorded {
  args: string[];
  command: string;
  options: string[];
  /** Allowlisted option values the span must carry. */
  values?: Record<string, unknown>;
  /** Argument values that must never be exported. */
  secrets: string[];
}

interface Adapter {
  adapter: string;
  framework: string;
  tool: string;
  toolVersion: string;
  /** The fixture CLI's script for one version, and the env that makes it load that version. */
  fixture(version: FrameworkVersion): { script: string; env: Record<string, string> };
  record: Recorded;
  nested: Recorded;
}

const GREET: Recorded = {
  args: ['greet', '--name', 'Ada', '--lang', 'fr', '--loud'],
  command: 'greet',
  options: ['lang', 'loud', 'name'],
  values: { lang: 'fr', loud: true },
  secrets: ['Ada'],
};
const REMOTE_ADD: Recorded = {
  args: ['remote', 'add', 'origin', '--url', 'https://example.com/a.git'],
  command: 'remote add',
  options: ['url'],
  secrets: ['origin', 'example.com'],
};

/** The shared fx fixture (test/fixtures/adapters/<adapter>.mjs), loading the version named by FIXTURE_FRAMEWORK. */
function fx(adapter: string, framework: string): Adapter {
  return {
    adapter,
    framework,
    tool: 'fx',
    toolVersion: '1.0.0',
    fixture: (version) => ({ script: join(REPO, 'test/fixtures/adapters', `${adapter}.mjs`), env: { FIXTURE_FRAMEWORK: version.module } }),
    record: GREET,
    nested: REMOTE_ADD,
  };
}

/**
 * The oclif fixture (test/fixtures/oclif) copied beside a node_modules whose @oclif/core is the
 * version under test: its commands import @oclif/core themselves, so an env var cannot switch it.
 */
function oclifFixture(version: FrameworkVersion): { script: string; env: Record<string, string> } {
  const dir = join(mkdtempSync(join(tmpdir(), 'clitel-oclif-')), 'acme-oclif');
  cpSync(join(REPO, 'test/fixtures/oclif'), dir, { recursive: true, filter: (source) => !source.includes('/cjs') });
  const require = createRequire(join(REPO, 'test/frameworks/package.json'));
  const core = (require.resolve.paths(version.module) ?? []).map((d) => join(d, version.module)).find((d) => existsSync(d));
  if (core == null) throw new Error(`${version.module} is not installed (npm ci installs test/frameworks)`);
  for (const [name, target] of [['@oclif/core', realpathSync(core)], ['@clitel/oclif', join(REPO, 'packages/oclif')]]) {
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(target, join(dir, 'node_modules', name), 'dir');
  }
  return { script: join(dir, 'bin/run.js'), env: {} };
}

const ADAPTERS: Adapter[] = [
  fx('commander', 'commander'),
  fx('yargs', 'yargs'),
  fx('cac', 'cac'),
  fx('citty', 'citty'),
  {
    adapter: 'oclif',
    framework: '@oclif/core',
    tool: 'acme-oclif',
    toolVersion: '2.0.1',
    fixture: oclifFixture,
    record: {
      args: ['deploy', 'web', '--env', 'prod', '--token', 'tok_123', '-f'],
      command: 'deploy',
      options: ['env', 'force', 'token'],
      values: { env: 'prod' },
      secrets: ['tok_123'],
    },
    nested: REMOTE_ADD,
  },
];

/** The major a peer range counts in: `12` of 12.1.0, `0.2` of 0.2.2 (a 0.x minor is a major). */
function majorOf(version: string): string {
  const [major, minor] = version.split('.');
  return major === '0' ? `0.${minor}` : major;
}

function nextMajor(major: string): string {
  const [first, second] = major.split('.').map(Number);
  return second == null ? String(first + 1) : `0.${second + 1}`;
}

/** `commander 12.1.0, 13.1.0 and 14.0.3`. */
function testedWith(framework: string, versions: readonly FrameworkVersion[]): string {
  const numbers = versions.map((v) => v.label.slice(framework.length + 1));
  return `${framework} ${numbers.length > 1 ? `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1) ?? ''}` : numbers[0]}`;
}

let receiver: Receiver;
beforeAll(async () => { receiver = await startReceiver(); });
afterAll(async () => { await receiver.close(); });

for (const a of ADAPTERS) {
  const versions = frameworkVersions(a.adapter, a.framework);

  describe(`@clitel/${a.adapter}: the peer range`, () => {
    it(`spans exactly the tested majors of ${a.framework}, and the README names the tested versions`, () => {
      const range = adapterManifest(a.adapter).peerDependencies?.[a.framework] ?? '';
      const bounds = /^>=(\S+) <(\S+)$/.exec(range);
      expect(bounds, range).not.toBeNull();
      const majors = versions.map((v) => majorOf(v.label.slice(a.framework.length + 1)));
      expect(majorOf(bounds?.[1] ?? '')).toBe(majors[0]);
      expect(bounds?.[2]).toBe(nextMajor(majors.at(-1) ?? ''));
      const readme = readFileSync(join(REPO, 'packages', a.adapter, 'README.md'), 'utf8').replace(/\s+/g, ' ');
      expect(readme).toContain(`Tested with ${testedWith(a.framework, versions)}`);
      expect(readme).toContain(`\`${range}\``);
    });
  });

  for (const version of versions) {
    describe(`@clitel/${a.adapter} on ${version.label}`, () => {
      let cli: { script: string; env: Record<string, string> };
      beforeAll(() => { cli = a.fixture(version); });
      const run = (args: string[], home: string, env: Record<string, string> = {}): Promise<CliResult> =>
        // Background delivery (runCli sets CLITEL_SEND_NOW): its 30 s sender, not CI mode's 1 s wait
        // at exit, so a loaded machine cannot leave a span in the spool.
        runCli(args, { script: cli.script, home, env: { CI: '', NO_COLOR: '1', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, ...cli.env, ...env } });

      /** Runs plain and instrumented: same output and exit code, one span with the command and options. */
      async function expectRecorded(c: Recorded): Promise<DecodedSpan> {
        const home = noticedHome(a.tool);
        const plain = await run(c.args, home, { FIXTURE_PLAIN: '1' });
        const before = receiver.spans().length;
        const bytesBefore = receiver.allBytes().length;
        const instrumented = await run(c.args, home);
        const spans = (await receiver.waitForSpans(before + 1)).slice(before);
        expect(instrumented.code).toBe(0);
        expect(instrumented.stdout).toBe(plain.stdout);
        expect(withoutAdapterFrames(instrumented.stderr)).toBe(plain.stderr);
        expect(spans).toHaveLength(1);
        const [span] = spans;
        expectSucceededSpan(span, { tool: a.tool, version: a.toolVersion, command: c.command });
        expect(span.attributes['clitel.options']).toEqual(c.options);
        const values = Object.fromEntries(Object.entries(span.attributes).filter(([k]) => k.startsWith('clitel.option.')).map(([k, v]) => [k.slice('clitel.option.'.length), v]));
        expect(values).toEqual(c.values ?? {});
        const sent = receiver.allBytes().subarray(bytesBefore);
        for (const secret of c.secrets) expect(sent.includes(secret), secret).toBe(false);
        return span;
      }

      it('records the command and the names of the options the user set, keeping the output', async () => {
        await expectRecorded(a.record);
      });

      it('records a second command level without its arguments', async () => {
        await expectRecorded(a.nested);
      });

      it('telemetry status, show and disable work', async () => {
        const home = noticedHome(a.tool);
        const status = await run(['telemetry', 'status'], home);
        expect(status.code).toBe(0);
        expect(status.stdout).toMatch(new RegExp(`^Telemetry for ${a.tool} is on: `));
        const before = receiver.spans().length;
        expect((await run(a.record.args, home)).code).toBe(0);
        await receiver.waitForSpans(before + 1);
        // The sender appends to the sent log once the receiver has answered, so show may run first.
        const shown = await until('the delivery in telemetry show', async () => {
          const result = await run(['telemetry', 'show'], home);
          return result.stdout.includes(`${a.tool} ${a.record.command}`) ? result : undefined;
        }, 50);
        expect(shown.code).toBe(0);
        const disabled = await run(['telemetry', 'disable'], home);
        expect(disabled.code).toBe(0);
        expect(disabled.stdout).toMatch(new RegExp(`^Telemetry disabled for ${a.tool} `));
        const requests = receiver.requests.length;
        expect((await run(a.record.args, home)).code).toBe(0);
        expect((await run(['telemetry', 'status'], home)).stdout).toMatch(new RegExp(`^Telemetry for ${a.tool} is off: disabled in `));
        expect(receiver.requests.length).toBe(requests);
        expect(receiver.spans().slice(before).map((s) => s.name)).toEqual([`${a.tool} ${a.record.command}`]);
      });
    });
  }
}
