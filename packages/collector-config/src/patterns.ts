// SPDX-License-Identifier: Apache-2.0
// Value patterns for the redaction processor (Go RE2 syntax: no lookaround, no backreferences,
// unanchored) and the exact shapes of the ids clitel generates. Patterns are written raw here; the
// renderer escapes `$` for the collector's config expansion. A case-insensitive pattern starts with
// `(?i)` and has no other inline flags, so the generator can also run it as a JavaScript RegExp.
import { ATTR_CLITEL_INSTALLATION_ID, ATTR_CLITEL_RUN_ID, ATTR_CLITEL_SESSION_ID } from '@clitel/core/internal';

/** One `blocked_values` entry: the matching substring is replaced by `****`. */
export interface BlockedPattern {
  /** Short stable name, used in docs and tests. */
  name: string;
  /** What it catches. */
  description: string;
  /** The RE2 pattern. */
  pattern: string;
}

const IPV4_OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const HEX4 = '[0-9a-f]{1,4}';

/** The value patterns every allowed attribute is checked against, in order. */
export const BLOCKED_PATTERNS: readonly BlockedPattern[] = [
  { name: 'private-key', description: 'PEM private key blocks', pattern: '-----BEGIN[A-Z ]*PRIVATE KEY-----[^-]*(?:-----END[A-Z ]*PRIVATE KEY-----)?' },
  { name: 'url-credentials', description: 'user:password@ inside URLs', pattern: '\\b[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@' },
  { name: 'auth-header', description: 'Bearer / Basic / token authorization values', pattern: '(?i)\\b(?:bearer|basic|token)\\s+[A-Za-z0-9._~+/=-]{8,}' },
  { name: 'secret-assignment', description: 'password=, secret:, api_key= and similar assignments', pattern: '(?i)\\b(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret|auth)\\s*[=:]\\s*[^\\s,;&]+' },
  { name: 'jwt', description: 'JSON Web Tokens', pattern: '\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*' },
  { name: 'github-token', description: 'GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_)', pattern: '\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})' },
  { name: 'gitlab-token', description: 'GitLab personal access tokens', pattern: '\\bglpat-[A-Za-z0-9_-]{20,}' },
  { name: 'npm-token', description: 'npm access tokens', pattern: '\\bnpm_[A-Za-z0-9]{30,}' },
  { name: 'slack-token', description: 'Slack tokens', pattern: '\\bxox[abposr]-[A-Za-z0-9-]{10,}' },
  { name: 'stripe-key', description: 'Stripe secret and restricted keys', pattern: '\\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}' },
  { name: 'aws-access-key', description: 'AWS access key ids', pattern: '\\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA)[A-Z0-9]{16}\\b' },
  { name: 'google-api-key', description: 'Google API keys', pattern: '\\bAIza[0-9A-Za-z_-]{35}' },
  { name: 'sk-key', description: 'sk- style API keys (OpenAI, Anthropic and others)', pattern: '\\bsk-[A-Za-z0-9_-]{20,}' },
  { name: 'email', description: 'e-mail addresses', pattern: '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}' },
  {
    name: 'home-path',
    description: 'absolute paths inside home directories (/home/…, /Users/…, /root/…, ~/…, C:\\Users\\…), up to the next blank',
    pattern: '\\B(?:/home/|/Users/|/root/|~/)[^\\s"\']*|\\b[A-Za-z]:[\\\\/]+[Uu][Ss][Ee][Rr][Ss][\\\\/]+[^\\s"\']*',
  },
  { name: 'uuid', description: 'UUID-like ids (a user or account id); clitel.installation.id is checked by shape instead', pattern: '(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b' },
  { name: 'long-hex', description: 'hex strings of 32 or more digits (keys, hashes, dashless UUIDs)', pattern: '(?i)\\b[0-9a-f]{32,}\\b' },
  { name: 'ipv4', description: 'IPv4 addresses', pattern: `\\b(?:${IPV4_OCTET}\\.){3}${IPV4_OCTET}\\b` },
  { name: 'ipv6', description: 'IPv6 addresses, full and compressed', pattern: `(?i)\\b(?:${HEX4}:){7}${HEX4}\\b|\\b${HEX4}(?::${HEX4}){0,6}::(?:${HEX4}(?::${HEX4}){0,6}\\b)?|::${HEX4}(?::${HEX4}){0,6}\\b` },
  { name: 'mac-address', description: 'MAC addresses', pattern: '(?i)\\b[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}\\b' },
];

/**
 * Exact shapes of the ids clitel generates. These keys skip the value patterns (`ignored_keys`,
 * since a UUID or a long hex string is what they are) and the transform processor deletes any
 * value that is not exactly this shape, so nothing else can ride in them.
 */
export const ID_SHAPES: Readonly<Record<string, string>> = {
  [ATTR_CLITEL_INSTALLATION_ID]: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
  [ATTR_CLITEL_RUN_ID]: '^[0-9a-f]{32}$',
  [ATTR_CLITEL_SESSION_ID]: '^[0-9a-f]{16}$',
};
