// SPDX-License-Identifier: Apache-2.0
// The corpus: published CLIs from npm (devDependencies of test/corpus, pinned), each run as npm
// installed it, once plain and once through `node --import @clitel/register`, against a real
// receiver. Same exit code and stdout; one span naming the package that owns the bin with its
// version; the command where register can read it; and none of the hostile argument values
// (a path, an e-mail address, a token) in any byte the receiver got.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installedPackage } from '../helpers/installed.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { REPO, runCli } from '../helpers/run-cli.js';
import { noticedHome } from '../helpers/acme.js';

const CORPUS = join(REPO, 'test/corpus/package.json');
const EMAIL = 'alice.secret@example.com';
const TOKEN = 'ghp_Z9corpusTokenValue7Q';

/** The script behind a package's bin and the package's version, where npm installed it. */
function installed(pkg: string, bin: string): { script: string; version: string } {
  const { dir, json } = installedPackage<{ version: string; bin: string | Record<string, string> }>(CORPUS, pkg, 'npm ci installs test/corpus');
  return { script: join(dir, typeof json.bin === 'string' ? json.bin : json.bin[bin]), version: json.version };
}

interface CorpusCase {
  /** npm package, its framework, and the bin to run. */
  pkg: string;
  framework: string;
  bin: string;
  /** Arguments; `$W` is the work directory (its name holds the e-mail address). */
  args: string[];
  /** The span name register records: `<bin>` (the root command), `<bin> <command>` or `<bin> _unknown`. */
  span: string;
  code?: number;
  /** Values that must never be exported, besides the work path, the e-mail and the token. */
  secrets?: string[];
}

const CASES: CorpusCase[] = [
  { pkg: 'markdownlint-cli', framework: 'commander 13', bin: 'markdownlint', args: ['--disable', 'MD041', '--', '$W/bad.md'], span: 'markdownlint', code: 1, secrets: ['MD041'] },
  { pkg: 'gh-pages', framework: 'commander 13', bin: 'gh-pages', args: ['-m', TOKEN, '-x'], span: 'gh-pages', code: 1 },
  { pkg: 'clean-css-cli', framework: 'commander 7', bin: 'cleancss', args: ['-O1', '$W/style.css'], span: 'cleancss' },
  { pkg: 'terser', framework: 'commander 2', bin: 'terser', args: ['$W/in.js', '-c', '--define', `KEY="${TOKEN}"`], span: 'terser' },
  { pkg: 'html-minifier', framework: 'commander 2', bin: 'html-minifier', args: ['--collapse-whitespace', '$W/page.html'], span: 'html-minifier' },
  { pkg: 'concurrently', framework: 'yargs 17', bin: 'concurrently', args: ['-n', TOKEN, 'echo hi'], span: 'concurrently', secrets: ['echo hi'] },
  { pkg: 'replace-in-file', framework: 'yargs 17', bin: 'replace-in-file', args: ['nothing-matches-this', TOKEN, '$W/notes.txt'], span: 'replace-in-file', secrets: ['nothing-matches-this'] },
  { pkg: 'cowsay', framework: 'yargs 15', bin: 'cowsay', args: ['-e', 'oo', TOKEN], span: 'cowsay _unknown' },
  { pkg: 'vite-node', framework: 'cac 7', bin: 'vite-node', args: ['--version', '--root', '$W'], span: 'vite-node _unknown' },
  { pkg: 'nypm', framework: 'citty 0.2', bin: 'nypm', args: ['--help', TOKEN], span: 'nypm _unknown' },
  { pkg: '@mockoon/cli', framework: 'oclif 4', bin: 'mockoon-cli', args: ['validate', '--data', '$W/env.json'], span: 'mockoon-cli validate', code: 2 },
  { pkg: '@mockoon/cli', framework: 'oclif 4', bin: 'mockoon-cli', args: [`${TOKEN}:${EMAIL}`], span: 'mockoon-cli _unknown', code: 2 },
  { pkg: 'dotenv-vault', framework: 'oclif 1', bin: 'dotenv-vault', args: ['decrypt', `dotenv://:key_${TOKEN}@dotenv.org/vault/.env.vault?environment=development`], span: 'dotenv-vault decrypt', code: 1, secrets: ['dotenv.org'] },
  { pkg: 'semver', framework: 'hand-rolled', bin: 'semver', args: ['1.2.3', '-r', '>=1.0.0', '--', TOKEN], span: 'semver _unknown' },
  { pkg: 'mkdirp', framework: 'hand-rolled', bin: 'mkdirp', args: ['$W/made/deeper'], span: 'mkdirp _unknown' },
  { pkg: 'uglify-js', framework: 'hand-rolled', bin: 'uglifyjs', args: ['$W/in.js', '-m', '--comments', `/${TOKEN}/`], span: 'uglifyjs _unknown' },
];

let receiver: Receiver;
let work: string;
beforeAll(async () => {
  receiver = await startReceiver();
  work = join(mkdtempSync(join(tmpdir(), 'clitel-corpus-')), EMAIL);
  mkdirSync(work);
  writeFileSync(join(work, 'bad.md'), '#Title\n\nSome text.\n');
  writeFileSync(join(work, 'style.css'), 'a {\n  color: #ff0000;\n  margin: 0px;\n}\n');
  writeFileSync(join(work, 'in.js'), `/* ${TOKEN} */\nfunction  add ( first , second ) { return first + second }\nconsole.log(add(1, KEY));\n`);
  writeFileSync(join(work, 'page.html'), '<p>\n  hello   world\n</p>\n');
  writeFileSync(join(work, 'notes.txt'), 'hello world\n');
  writeFileSync(join(work, 'env.json'), `${JSON.stringify({ uuid: TOKEN, name: EMAIL, port: 3000 })}\n`);
});
afterAll(async () => { await receiver.close(); });

describe('published CLIs through --import @clitel/register', () => {
  it('covers at least twelve CLIs across the frameworks', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(CASES.map((c) => c.framework.split(' ')[0]))).toEqual(new Set(['commander', 'yargs', 'cac', 'citty', 'oclif', 'hand-rolled']));
  });

  for (const c of CASES) {
    it(`${c.pkg} (${c.framework}): same output, one span "${c.span}", no argument value exported`, async () => {
      const { script, version } = installed(c.pkg, c.bin);
      const args = c.args.map((a) => a.replace('$W', work));
      // Background delivery (runCli sets CLITEL_SEND_NOW): its 30 s sender, not CI mode's 1 s wait
      // at exit, so a loaded machine cannot leave a span in the spool.
      const env = { CI: '', NO_COLOR: '1', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url };
      const plain = await runCli(args, { script, home: noticedHome(c.bin), env });
      const before = receiver.spans().length;
      const bytesBefore = receiver.allBytes().length;
      const run = await runCli(args, { script, home: noticedHome(c.bin), env, nodeArgs: ['--import', '@clitel/register'] });
      const spans = (await receiver.waitForSpans(before + 1)).slice(before);
      expect(run.code).toBe(c.code ?? 0);
      expect(run.code).toBe(plain.code);
      expect(run.stdout).toBe(plain.stdout);
      expect(spans).toHaveLength(1);
      expect(spans[0].name).toBe(c.span);
      expect(spans[0].resource['service.name']).toBe(c.bin);
      expect(spans[0].resource['service.version']).toBe(version);
      expect(spans[0].attributes['process.exit.code']).toBe(run.code);
      const sent = receiver.allBytes().subarray(bytesBefore);
      for (const secret of [EMAIL, TOKEN, work, tmpdir(), ...(c.secrets ?? [])]) expect(sent.includes(secret), secret).toBe(false);
    });
  }
});
