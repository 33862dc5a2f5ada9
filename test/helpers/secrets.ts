// SPDX-License-Identifier: Apache-2.0
// A corpus of secrets and personal details (built at run time, never committed) that the collector
// must mask wherever they appear, with the part that must vanish when only part is masked.
import { randomBytes, randomUUID } from 'node:crypto';

/** A deterministic string of letters and digits (secrets are built at run time, never committed). */
function chars(n: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', seed = n * 7919): string {
  let out = '';
  for (let i = 0, x = seed; i < n; i++) out += alphabet[(x = (x * 1103515245 + 12345) % 2147483648) % alphabet.length];
  return out;
}

export const SECRETS: { kind: string; value: string; mustVanish?: string }[] = [
  { kind: 'email', value: 'jane.doe@example.com' },
  { kind: 'email', value: 'ops+cli@mail.example.co.uk' },
  { kind: 'github', value: ['gh', 'p_', chars(36)].join('') },
  { kind: 'github', value: ['github', '_pat_', chars(22), '_', chars(59)].join('') },
  { kind: 'gitlab', value: ['gl', 'pat-', chars(20)].join('') },
  { kind: 'npm', value: ['np', 'm_', chars(36)].join('') },
  { kind: 'slack', value: ['xo', 'xb-', chars(12, '0123456789'), '-', chars(24)].join('') },
  { kind: 'stripe', value: ['sk', '_live_', chars(24)].join('') },
  { kind: 'aws', value: ['AK', 'IA', chars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')].join('') },
  { kind: 'google', value: ['AI', 'za', chars(35)].join('') },
  { kind: 'sk', value: ['sk', '-proj-', chars(40)].join('') },
  { kind: 'jwt', value: ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', chars(43)].join('.') },
  { kind: 'bearer', value: `Bearer ${chars(40)}`, mustVanish: chars(40) },
  { kind: 'basic', value: `Basic ${Buffer.from('deploy:hunter2-hunter2').toString('base64')}`, mustVanish: Buffer.from('deploy:hunter2-hunter2').toString('base64') },
  { kind: 'assignment', value: 'password=hunter2', mustVanish: 'hunter2' },
  { kind: 'assignment', value: 'API_KEY: abcd1234efgh', mustVanish: 'abcd1234efgh' },
  { kind: 'private-key', value: `-----BEGIN RSA PRIVATE KEY-----\n${chars(64)}\n-----END RSA PRIVATE KEY-----`, mustVanish: chars(64) },
  { kind: 'url', value: 'https://deploy:s3cr3t@registry.example.com/pkg', mustVanish: 's3cr3t' },
  { kind: 'home', value: '/home/alice/projects/acme/config.json', mustVanish: 'alice' },
  { kind: 'home', value: '/Users/bob/.npmrc', mustVanish: 'bob' },
  { kind: 'home', value: 'C:\\Users\\carol\\AppData\\Roaming\\acme', mustVanish: 'carol' },
  { kind: 'home', value: '~/secrets/acme.txt', mustVanish: 'secrets' },
  { kind: 'home', value: 'file:///home/dave/acme', mustVanish: 'dave' },
  { kind: 'home', value: '/root/.ssh/id_ed25519', mustVanish: 'id_ed25519' },
  { kind: 'ipv4', value: '192.168.1.23' },
  { kind: 'ipv4', value: '8.8.8.8' },
  { kind: 'ipv6', value: '2001:0db8:85a3:0000:0000:8a2e:0370:7334' },
  { kind: 'ipv6', value: 'fe80::1ff:fe23:4567:890a' },
  { kind: 'ipv6', value: '::1' },
  { kind: 'uuid', value: randomUUID() },
  { kind: 'uuid', value: randomUUID().toUpperCase() },
  { kind: 'hex', value: randomBytes(16).toString('hex') },
  { kind: 'hex', value: randomBytes(20).toString('hex') },
  { kind: 'mac', value: '00:1A:2B:3C:4D:5E' },
];

export const FREE_FORM_KEYS = ['error.type', 'service.version', 'os.version', 'clitel.ci.provider', 'clitel.source', 'clitel.channel'];

