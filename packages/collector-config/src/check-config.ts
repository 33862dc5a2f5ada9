// SPDX-License-Identifier: Apache-2.0
// A structural check of a collector config (after merging, as the collector sees it) against the
// components and keys we use, without a collector binary. Returns problems; never throws.
import { isMap } from './confmap.js';
import { DURATION_KEYS, ENUM_KEYS, KNOWN_COMPONENTS, KNOWN_NESTED, OTTL_CONTEXTS, OTTL_FUNCTIONS, RETIRED_TYPES } from './known-components.js';

const KINDS = ['receivers', 'processors', 'connectors', 'exporters'] as const;
const TOP_LEVEL = new Set<string>([...KINDS, 'extensions', 'service']);
const GO_DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;
const ENV_REF = /^\$\{env:[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}/;
const PATH_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  resource: ['resource'],
  scope: ['resource', 'scope'],
  span: ['resource', 'scope', 'span'],
  spanevent: ['resource', 'scope', 'span', 'spanevent'],
  metric: ['resource', 'scope', 'metric'],
  datapoint: ['resource', 'scope', 'metric', 'datapoint'],
};

/** Problems of one merged config, as `where: what` lines (empty when it passes). */
export function checkCollectorConfig(config: unknown): string[] {
  const problems: string[] = [];
  if (!isMap(config)) return ['config is invalid, expected a map'];
  for (const key of Object.keys(config)) if (!TOP_LEVEL.has(key)) problems.push(`${key}: unknown top-level key`);
  for (const kind of KINDS) {
    const section = config[kind];
    if (section === undefined) continue;
    if (!isMap(section)) {
      problems.push(`${kind}: expected a map (an empty key erases the map from earlier files; write {} instead)`);
      continue;
    }
    for (const [id, body] of Object.entries(section)) problems.push(...checkComponent(kind, id, body));
  }
  walkValues(config, '', problems);
  problems.push(...checkPipelines(config));
  return problems;
}

function checkComponent(kind: (typeof KINDS)[number], id: string, body: unknown): string[] {
  const where = `${kind}.${id}`;
  const type = id.split('/')[0];
  if (Object.hasOwn(RETIRED_TYPES, type)) return [`${where}: use ${RETIRED_TYPES[type]}`];
  const known = KNOWN_COMPONENTS[kind][type];
  if (known == null) return [`${where}: unknown ${kind.slice(0, -1)} type "${type}"`];
  if (body == null) return [];
  if (!isMap(body)) return [`${where}: expected a map`];
  const problems = checkKeys(where, body, known);
  for (const [path, keys] of Object.entries(KNOWN_NESTED)) {
    const [owner, ...rest] = path.split('.');
    if (owner !== type) continue;
    const nested = rest.reduce<unknown>((node, key) => (isMap(node) ? node[key] : undefined), body);
    if (isMap(nested)) problems.push(...checkKeys(`${where}.${rest.join('.')}`, nested, keys));
  }
  if (type === 'redaction') problems.push(...checkRedaction(where, body));
  if (type === 'resource' || type === 'attributes') problems.push(...checkActions(where, body[type === 'resource' ? 'attributes' : 'actions']));
  if (type === 'transform' || type === 'filter') {
    for (const [key, groups] of Object.entries(body)) if (Object.hasOwn(OTTL_CONTEXTS, key)) problems.push(...checkOttlGroups(`${where}.${key}`, key, groups));
  }
  return problems;
}

function checkKeys(where: string, body: Record<string, unknown>, known: readonly string[]): string[] {
  return Object.keys(body).filter((key) => !known.includes(key)).map((key) => `${where}.${key}: unknown key`);
}

function checkRedaction(where: string, body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (body.allow_all_keys !== false) problems.push(`${where}.allow_all_keys: must be false (fail closed)`);
  if (!Array.isArray(body.allowed_keys) || body.allowed_keys.length === 0) problems.push(`${where}.allowed_keys: expected the schema's keys`);
  if (body.summary !== 'silent') problems.push(`${where}.summary: expected silent`);
  if (!Array.isArray(body.blocked_values) || body.blocked_values.some((v) => typeof v !== 'string')) problems.push(`${where}.blocked_values: expected a list of patterns`);
  return problems;
}

function checkActions(where: string, actions: unknown): string[] {
  if (!Array.isArray(actions) || actions.length === 0) return [`${where}: expected a list of actions`];
  return actions.flatMap((action, i) => {
    if (!isMap(action)) return [`${where}[${i}]: expected a map`];
    const problems = checkKeys(`${where}[${i}]`, action, ['key', 'pattern', 'action', 'value', 'from_attribute', 'from_context', 'converted_type', 'default_value']);
    if (action.key == null && action.pattern == null) problems.push(`${where}[${i}]: needs key or pattern`);
    if ((action.action === 'delete' || action.action === 'hash') && (action.value != null || action.from_attribute != null)) problems.push(`${where}[${i}]: ${String(action.action)} takes no value`);
    return problems;
  });
}

function checkOttlGroups(where: string, listKey: string, groups: unknown): string[] {
  if (!Array.isArray(groups)) return [`${where}: expected a list`];
  const itemKey = listKey.endsWith('_statements') ? 'statements' : 'conditions';
  return groups.flatMap((group, i) => {
    const at = `${where}[${i}]`;
    if (!isMap(group)) return [`${at}: expected a group with an explicit context`];
    const problems = checkKeys(at, group, ['context', itemKey, 'error_mode', ...(itemKey === 'statements' ? ['conditions'] : [])]);
    const context = String(group.context);
    if (!OTTL_CONTEXTS[listKey].includes(context)) return [...problems, `${at}.context: "${context}" is not allowed in ${listKey}`];
    const items = group[itemKey];
    if (!Array.isArray(items) || items.length === 0) return [...problems, `${at}.${itemKey}: expected a list`];
    items.forEach((text, j) => problems.push(...checkOttl(`${at}.${itemKey}[${j}]`, context, text)));
    return problems;
  });
}

function checkOttl(where: string, context: string, text: unknown): string[] {
  if (typeof text !== 'string') return [`${where}: expected a string`];
  const problems: string[] = [];
  const code = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (/"/.test(code.replace(/""/g, ''))) problems.push(`${where}: unbalanced quotes`);
  let depth = 0;
  for (const ch of code) {
    depth += ch === '(' || ch === '[' ? 1 : ch === ')' || ch === ']' ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0) problems.push(`${where}: unbalanced brackets`);
  for (const [, fn] of code.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\(/g)) if (!OTTL_FUNCTIONS.has(fn)) problems.push(`${where}: unknown function ${fn}`);
  for (const [, prefix] of code.matchAll(/(?<![\w.])([a-z]+)\.[a-z_]+/g)) {
    if (!PATH_PREFIXES[context].includes(prefix)) problems.push(`${where}: path ${prefix}.… is not available in the ${context} context`);
  }
  return problems;
}

function walkValues(node: unknown, path: string, problems: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walkValues(item, `${path}[${i}]`, problems));
    return;
  }
  if (isMap(node)) {
    for (const [key, value] of Object.entries(node)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (typeof value === 'string' && !value.startsWith('${env:')) {
        if (DURATION_KEYS.has(key) && !GO_DURATION.test(value)) problems.push(`${at}: "${value}" is not a Go duration`);
        if (Object.hasOwn(ENUM_KEYS, key) && !ENUM_KEYS[key].includes(value)) problems.push(`${at}: "${value}" is not one of ${ENUM_KEYS[key].join(', ')}`);
      }
      if (key === 'buckets' && Array.isArray(value)) value.forEach((b, i) => { if (typeof b !== 'string' || !GO_DURATION.test(b)) problems.push(`${at}[${i}]: not a Go duration`); });
      walkValues(value, at, problems);
    }
    return;
  }
  if (typeof node === 'string') {
    const rest = node.replace(/\$\$/g, '');
    for (let i = rest.indexOf('$'); i >= 0; i = rest.indexOf('$', i + 1)) {
      if (!ENV_REF.test(rest.slice(i))) {
        problems.push(`${path}: "$" must be written "$$" unless it starts an \${env:…} reference`);
        break;
      }
    }
  }
}

function checkPipelines(config: Record<string, unknown>): string[] {
  const service = config.service;
  if (!isMap(service) || !isMap(service.pipelines)) return ['service.pipelines: missing'];
  const problems: string[] = [];
  const defined = (kind: string): Set<string> => new Set(isMap(config[kind]) ? Object.keys(config[kind] as object) : []);
  const receivers = defined('receivers');
  const processors = defined('processors');
  const exporters = defined('exporters');
  const connectors = defined('connectors');
  const asExporter = new Set<string>();
  const asReceiver = new Set<string>();
  for (const [name, pipeline] of Object.entries(service.pipelines)) {
    const at = `service.pipelines.${name}`;
    if (!['traces', 'metrics', 'logs'].includes(name.split('/')[0])) problems.push(`${at}: unknown signal`);
    if (!isMap(pipeline)) {
      problems.push(`${at}: expected a map`);
      continue;
    }
    const list = (key: string): string[] => (Array.isArray(pipeline[key]) ? (pipeline[key] as unknown[]).map(String) : []);
    if (list('receivers').length === 0) problems.push(`${at}.receivers: empty`);
    if (list('exporters').length === 0) problems.push(`${at}.exporters: empty`);
    for (const id of list('receivers')) {
      if (connectors.has(id)) asReceiver.add(id);
      else if (!receivers.has(id)) problems.push(`${at}.receivers: ${id} is not defined`);
    }
    for (const id of list('exporters')) {
      if (connectors.has(id)) asExporter.add(id);
      else if (!exporters.has(id)) problems.push(`${at}.exporters: ${id} is not defined`);
    }
    const procs = list('processors');
    for (const id of procs) if (!processors.has(id)) problems.push(`${at}.processors: ${id} is not defined`);
    if (procs.length > 0 && procs[0].split('/')[0] !== 'memory_limiter') problems.push(`${at}.processors: memory_limiter must come first`);
    if (procs.length > 0 && procs[procs.length - 1].split('/')[0] !== 'batch') problems.push(`${at}.processors: batch must come last`);
  }
  for (const id of connectors) {
    if (!asExporter.has(id) || !asReceiver.has(id)) problems.push(`connectors.${id}: must be an exporter of one pipeline and a receiver of another`);
  }
  return problems;
}
