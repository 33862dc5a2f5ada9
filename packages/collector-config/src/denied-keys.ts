// SPDX-License-Identifier: Apache-2.0
// Keys the `resource` and `attributes` processors delete by name, even though the redaction
// allowlist would drop them too: stock SDK detectors and other clients add these, and naming them
// keeps them out whatever happens to the allowlist. These are denied keys, not allowed ones; the
// generator checks that none of them matches a key the schema allows (host.arch stays).

/** One delete action: a Go RE2 pattern over attribute keys (unanchored, so anchored here). */
export interface DeniedKey {
  pattern: string;
  reason: string;
}

/** Identifying keys deleted from resources and spans. */
export const DENIED_KEYS: readonly DeniedKey[] = [
  { pattern: '^host\\.(?:name|id|ip|mac|type|image\\..+|cpu\\..+)$', reason: 'host identity (host.arch is kept)' },
  { pattern: '^process\\.(?:pid|parent_pid|vpid|command|command_line|command_args|args_count|owner|title|working_directory|executable\\.path|environment_variable\\..+|(?:real_|saved_)?user\\..+|(?:real_|saved_)?group\\..+|session_leader\\..+|parent\\..+|linux\\..+)$', reason: 'argv, paths, users and ids of the process' },
  { pattern: '^(?:user|enduser)\\..+$', reason: 'user identity' },
  { pattern: '^(?:client|source|server|destination|network\\.peer|network\\.local|net\\.peer|net\\.host|net\\.sock)\\..+$', reason: 'addresses and ports' },
  { pattern: '^(?:device|k8s|container|cloud|faas)\\..+$', reason: 'device, cluster and cloud identity' },
  { pattern: '^(?:url|http\\.request\\.header|http\\.response\\.header)\\..+$', reason: 'URLs and headers' },
  { pattern: '^(?:os\\.description|os\\.build_id|service\\.instance\\.id|service\\.namespace)$', reason: 'free-form or per-machine descriptions and ids' },
];
