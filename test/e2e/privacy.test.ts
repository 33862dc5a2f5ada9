// SPDX-License-Identifier: Apache-2.0
// Adversarial privacy: secrets pushed through argv, env and errors never appear in any byte sent.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { runCli, freshHome, filesUnder } from '../helpers/run-cli.js';

const SECRETS = {
  user: 'zelda-secretuser',
  email: 'zelda.secret@example.org',
  token: 'ghp_Zx9SECRETtoken0123456789abcdefABCDEF',
  aws: 'AKIAZSECRETKEY123456',
  password: 'hunter2-s3cret-pass',
  host: 'zelda-laptop.corp.example.net',
  target: 'prod-db.internal.example.com',
  region: 'secret-region-9',
  dirName: 'Zelda Secret Projects',
};

let receiver: Receiver;
let home: string;
beforeAll(async () => {
  receiver = await startReceiver();
  home = join(freshHome(), 'users', SECRETS.user);
  mkdirSync(join(home, '.local/state/clitel/acme'), { recursive: true });
  writeFileSync(join(home, '.local/state/clitel/acme/notice'), '1\n');
});
afterAll(async () => { await receiver.close(); });

const argvs = (): string[][] => [
  ['deploy', SECRETS.target, '--env', SECRETS.password, '--token', SECRETS.token, '--region', SECRETS.region],
  ['deploy', `/home/${SECRETS.user}/${SECRETS.dirName}`, '--env', 'prod', `--token=${SECRETS.aws}`, '--force'],
  ['init', join(home, SECRETS.dirName), '--template', SECRETS.email],
  ['greet', '--name', SECRETS.email],
  ['greet', `--${SECRETS.user}`, SECRETS.password],
  [SECRETS.host, SECRETS.token],
  ['fail'],
  ['crash'],
  ['deploy', SECRETS.target, '--env'],
];

describe('privacy', () => {
  it('never sends a secret given through argv, env, the home path or an error', async () => {
    const env = {
      CI: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      USER: SECRETS.user,
      LOGNAME: SECRETS.user,
      HOSTNAME: SECRETS.host,
      ACME_TOKEN: SECRETS.token,
      AWS_ACCESS_KEY_ID: SECRETS.aws,
      GIT_AUTHOR_EMAIL: SECRETS.email,
      PWD: join(home, SECRETS.dirName),
    };
    const ARGVS = argvs();
    for (const argv of ARGVS) await runCli(argv, { home, env, cwd: freshHome() });
    const spans = await receiver.waitForSpans(ARGVS.length);
    expect(spans).toHaveLength(ARGVS.length);
    const bytes = receiver.allBytes();
    const text = bytes.toString('latin1');
    const forbidden = [...Object.values(SECRETS), home, hostname(), userInfo().username === 'root' ? undefined : userInfo().username]
      .filter((s): s is string => s != null && s.length > 3);
    for (const secret of forbidden) {
      expect({ secret, found: bytes.includes(Buffer.from(secret)) || text.includes(secret) }).toEqual({ secret, found: false });
    }
    // The spool on disk holds nothing more than what was sent.
    for (const file of filesUnder(join(home, '.local/state'))) {
      const content = readFileSync(join(home, '.local/state', file), 'latin1');
      for (const secret of forbidden) expect({ file, secret, found: content.includes(secret) }).toEqual({ file, secret, found: false });
    }
    // And the errors still made it, as types only.
    expect(spans.map((s) => s.attributes['error.type']).filter(Boolean).sort()).toEqual(['3', 'CommanderError', 'CommanderError', 'CommanderError', 'Error']);
  });
});
