// SPDX-License-Identifier: Apache-2.0
// `clitel init` as a plan: detect the framework from package.json, discover commands in the entry
// file and its relative imports, then list the file changes (schema, adapter call, dependency,
// README section). Planning reads only; applyInitPlan writes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { validateSchema, type OptionSchema, type Schema } from '@clitel/core';
import { CliError } from '../cli-error.js';
import { discoverCommands, type DiscoveredOption, type Framework } from './discover-commands.js';
import { addAdapterCall } from './add-adapter-call.js';
import { readmeSection } from './readme-section.js';
import { moduleSpecifiers, objectProperty, stringValue, unwrap } from './ast.js';
import { loadSourceTools, type ParsedSource, type SourceTools } from './parse-source.js';

/** One file `init` creates or changes. */
interface FileChange {
  path: string;
  action: 'create' | 'update';
  before: string;
  after: string;
  why: string;
}

/** What `init` would do. */
export interface InitPlan {
  framework: Framework;
  tool: string;
  entry: string;
  schema: Schema;
  changes: FileChange[];
  /** Steps left to the maintainer. */
  warnings: string[];
}

/** Options of planning. */
export interface InitOptions {
  /** Version range of the adapter to depend on, e.g. `^0.1.0`. */
  adapterRange: string;
  /** OTLP endpoint to put in the adapter call. */
  endpoint?: string;
}

const SCHEMA_FILE = 'telemetry.schema.json';
const UNSUPPORTED: Record<string, string> = { '@oclif/core': '@clitel/oclif', cac: '@clitel/cac', citty: '@clitel/citty' };

type PackageJson = Record<string, unknown> & { name?: string; bin?: string | Record<string, string>; main?: string; type?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string>; files?: string[] };

function detectFramework(pkg: PackageJson): Framework {
  const deps = { ...pkg.devDependencies, ...pkg.dependencies };
  if (deps.commander != null) return 'commander';
  if (deps.yargs != null) return 'yargs';
  const other = Object.keys(UNSUPPORTED).find((name) => deps[name] != null);
  if (other != null) {
    throw new CliError('clitel.init.no-framework', `${other} is not supported by clitel init yet; add ${UNSUPPORTED[other]} by hand (see its README)`);
  }
  throw new CliError('clitel.init.no-framework', 'no supported CLI framework in package.json (commander or yargs); see the @clitel/register README for other programs');
}

function toolName(pkg: PackageJson): string {
  if (pkg.bin != null && typeof pkg.bin === 'object' && Object.keys(pkg.bin).length > 0) return Object.keys(pkg.bin)[0] as string;
  return (pkg.name ?? 'cli').replace(/^@[^/]+\//, '');
}

function entryFile(dir: string, pkg: PackageJson): string {
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin != null ? Object.values(pkg.bin)[0] : undefined;
  for (const candidate of [bin, pkg.main, 'index.js', 'cli.js', 'bin/cli.js']) {
    if (candidate == null) continue;
    const file = resolve(dir, candidate);
    const source = /[\\/](dist|build|lib)[\\/]/.test(file) ? file.replace(/[\\/](dist|build|lib)[\\/]/, `${sep}src${sep}`).replace(/\.([mc]?)js$/, '.$1ts') : undefined;
    if (source != null && existsSync(source)) return source;
    if (existsSync(file)) return file;
  }
  throw new CliError('clitel.init.no-package', `cannot find the CLI entry file (package.json has no bin or main that exists in ${dir})`);
}

/** The entry and its relative imports (transitively, at most 50 files), parsed; the entry first. */
function readSources(tools: SourceTools, dir: string, entry: string): ParsedSource[] {
  const seen = new Set<string>();
  const queue = [entry];
  const sources: ParsedSource[] = [];
  while (queue.length > 0 && seen.size < 50) {
    const file = queue.shift() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const source = tools.parse(readFileSync(file, 'utf8'), posix(relative(dir, file)));
    sources.push(source);
    for (const specifier of moduleSpecifiers(source.ast)) {
      if (!/^\.{1,2}\//.test(specifier)) continue;
      const target = resolve(dirname(file), specifier);
      const typed = target.replace(/\.([mc]?)js$/, '.$1ts');
      for (const candidate of [target, typed, ...['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'].map((ext) => `${target}${ext}`), join(target, 'index.js'), join(target, 'index.ts')]) {
        if (existsSync(candidate) && !seen.has(candidate) && /\.(m|c)?[jt]s$/.test(candidate)) {
          queue.push(candidate);
          break;
        }
      }
    }
  }
  return sources;
}

/** Whether a `.ts` entry compiles to CommonJS: tsconfig.json's `module` says so and package.json has no `"type": "module"`. */
function compilesToCommonJs(tools: SourceTools, dir: string, pkg: PackageJson): boolean {
  const file = join(dir, 'tsconfig.json');
  if (pkg.type === 'module' || !existsSync(file)) return false;
  try {
    // tsconfig.json allows comments and trailing commas: read it as a JavaScript object literal.
    const statement = tools.parse(`(${readFileSync(file, 'utf8')})`, 'tsconfig.json').ast.program.body[0];
    const root = statement?.type === 'ExpressionStatement' ? unwrap(statement.expression) : undefined;
    const compiler = root?.type === 'ObjectExpression' ? objectProperty(root, 'compilerOptions') : undefined;
    const module = compiler?.type === 'ObjectExpression' ? stringValue(objectProperty(compiler, 'module')) : undefined;
    return module != null && /^(commonjs|node16|node18|node20|nodenext)$/i.test(module);
  } catch {
    return false;
  }
}

/** Whether the adapter call goes in as `import` (ESM) or `require` (CommonJS). */
function moduleKindOf(tools: SourceTools, dir: string, pkg: PackageJson, entry: ParsedSource, file: string): 'esm' | 'cjs' {
  if (/\.c[jt]s$/.test(file)) return 'cjs';
  if (/\.m[jt]s$/.test(file)) return 'esm';
  if (/\.tsx?$/.test(file)) return compilesToCommonJs(tools, dir, pkg) ? 'cjs' : 'esm';
  return pkg.type === 'module' || entry.ast.program.sourceType === 'module' ? 'esm' : 'cjs';
}

function optionSchemas(options: readonly DiscoveredOption[]): Record<string, OptionSchema> {
  return Object.fromEntries([...options].sort((a, b) => a.name.localeCompare(b.name)).map((o) => [o.name, o.values != null ? { values: o.values } : {}]));
}

const posix = (path: string): string => path.split(sep).join('/');

/** Plans `init` for the project in `dir`; a source file that does not parse is a `clitel.init.parse` error. */
export async function planInit(dir: string, options: InitOptions): Promise<InitPlan> {
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile)) throw new CliError('clitel.init.no-package', `no package.json in ${dir}; run clitel init in the CLI project's folder`);
  const pkgText = readFileSync(pkgFile, 'utf8');
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(pkgText) as PackageJson;
  } catch {
    throw new CliError('clitel.init.no-package', `${pkgFile} is not valid JSON`);
  }
  const framework = detectFramework(pkg);
  const tool = toolName(pkg);
  const entry = entryFile(dir, pkg);
  const tools = await loadSourceTools();
  const sources = readSources(tools, dir, entry);
  const discovered = discoverCommands(sources, framework);
  const schema: Schema = {
    tool,
    mode: 'opt-out',
    commands: Object.fromEntries([...discovered.commands].sort(([a], [b]) => a.localeCompare(b)).map(([path, opts]) => [path, opts.length > 0 ? { options: optionSchemas(opts) } : {}])),
    ...(discovered.global.length > 0 ? { options: optionSchemas(discovered.global) } : {}),
  };
  const warnings = validateSchema(schema).map((p) => `the discovered schema needs a fix: ${p}`);
  const changes: FileChange[] = [];
  const schemaFile = join(dir, SCHEMA_FILE);
  if (existsSync(schemaFile)) warnings.push(`${SCHEMA_FILE} exists and is kept as it is`);
  else changes.push({ path: schemaFile, action: 'create', before: '', after: `${JSON.stringify(schema, null, 2)}\n`, why: `the allowlist: ${discovered.commands.size} commands found in the source; review it` });

  const entrySource = sources[0] as ParsedSource;
  const entryText = entrySource.text;
  const moduleKind = moduleKindOf(tools, dir, pkg, entrySource, entry);
  const edit = addAdapterCall(tools, entrySource, {
    framework, moduleKind,
    schemaPath: posix(relative(dirname(entry), schemaFile)),
    packagePath: posix(relative(dirname(entry), pkgFile)),
    ...(options.endpoint != null ? { endpoint: options.endpoint } : {}),
  });
  if (edit.ok) changes.push({ path: entry, action: 'update', before: entryText, after: edit.text, why: `call the @clitel/${framework} adapter before the program is parsed` });
  else warnings.push(`${posix(relative(dir, entry))} was not changed: ${edit.reason}`);

  const adapter = `@clitel/${framework}`;
  const nextPkg: PackageJson = { ...pkg, dependencies: { ...pkg.dependencies, [adapter]: pkg.dependencies?.[adapter] ?? options.adapterRange } };
  if (Array.isArray(pkg.files) && !pkg.files.includes(SCHEMA_FILE)) nextPkg.files = [...pkg.files, SCHEMA_FILE];
  const indent = /^\{\n([ \t]+)/.exec(pkgText)?.[1] ?? '  ';
  const pkgAfter = `${JSON.stringify(nextPkg, null, indent)}\n`;
  if (pkgAfter !== pkgText) changes.push({ path: pkgFile, action: 'update', before: pkgText, after: pkgAfter, why: `depend on ${adapter}${nextPkg.files !== pkg.files ? ` and publish ${SCHEMA_FILE}` : ''}` });

  const readme = ['README.md', 'readme.md', 'Readme.md'].map((f) => join(dir, f)).find((f) => existsSync(f));
  const readmeText = readme != null ? readFileSync(readme, 'utf8') : '';
  if (/^#{1,3}\s+telemetry\b/im.test(readmeText)) warnings.push('the README already has a Telemetry section; kept as it is');
  else {
    const after = readme != null ? `${readmeText.replace(/\s*$/, '')}\n\n${readmeSection(tool)}` : `# ${tool}\n\n${readmeSection(tool)}`;
    changes.push({ path: readme ?? join(dir, 'README.md'), action: readme != null ? 'update' : 'create', before: readmeText, after, why: 'tell users what is collected and how to opt out' });
  }
  if (options.endpoint == null) warnings.push('no --endpoint given: runs are recorded but sent nowhere until the adapter call gets an endpoint or OTEL_EXPORTER_OTLP_ENDPOINT is set');
  return { framework, tool, entry, schema, changes, warnings };
}

/** Writes the planned changes. */
export function applyInitPlan(plan: InitPlan): void {
  for (const change of plan.changes) writeFileSync(change.path, change.after);
}
