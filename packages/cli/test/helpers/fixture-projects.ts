// SPDX-License-Identifier: Apache-2.0
// Small CLI projects without telemetry, written into a temp dir for `clitel init` to instrument.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace's node_modules: commander, yargs and the built @clitel adapters. */
const WORKSPACE_NODE_MODULES = fileURLToPath(new URL('../../../../node_modules', import.meta.url));

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  symlinkSync(WORKSPACE_NODE_MODULES, join(root, 'node_modules'), 'dir');
}

/** `tasker`: a commander program with a nested command, an option with choices and a helper module. */
export function writeCommanderProject(root: string): void {
  write(root, {
    'package.json': `${JSON.stringify({ name: 'tasker', version: '2.1.0', type: 'module', bin: { tasker: './bin/tasker.js' }, files: ['bin', 'lib'], dependencies: { commander: '14.0.3' } }, null, 2)}\n`,
    'README.md': '# tasker\n\nKeeps a list of tasks.\n',
    'lib/remote.js': "export function addRemote(name, url) {\n  process.stdout.write(`remote ${name}${url ? ` at ${url}` : ''}\\n`);\n}\n",
    'bin/tasker.js': `#!/usr/bin/env node
// tasker: keeps a list of tasks.
import { Command, Option } from 'commander';
import { addRemote } from '../lib/remote.js';

const program = new Command();
program.name('tasker').version('2.1.0').option('-v, --verbose', 'say more');

program
  .command('add <title>')
  .description('add a task')
  .option('-p, --priority <level>', 'priority')
  .addOption(new Option('--status <status>', 'status').choices(['todo', 'doing', 'done']))
  .action((title, opts) => {
    process.stdout.write(\`added \${title}\${opts.status ? \` (\${opts.status})\` : ''}\\n\`);
  });

program
  .command('list')
  .option('--all', 'include done tasks')
  .action((opts) => {
    process.stdout.write(opts.all ? 'all tasks\\n' : 'open tasks\\n');
  });

const remote = program.command('remote').description('manage remotes');
remote.command('add <name>').option('--url <url>', 'remote url').action((name, opts) => addRemote(name, opts.url));

program.command('fail').action(() => {
  process.exitCode = 4;
});

program.parse();
`,
  });
}

/** `notes`: a yargs program built and parsed in one chain, with a builder and choices. */
export function writeYargsProject(root: string): void {
  write(root, {
    'package.json': `${JSON.stringify({ name: '@acme/notes', version: '0.3.0', type: 'module', bin: { notes: 'cli.js' }, dependencies: { yargs: '^17.7.2' } }, null, 2)}\n`,
    'cli.js': `#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';

yargs(hideBin(process.argv))
  .scriptName('notes')
  .option('verbose', { type: 'boolean', describe: 'say more' })
  .command('new <title>', 'create a note', (y) => y
    .positional('title', { type: 'string' })
    .option('tag', { type: 'string', describe: 'a tag' })
    .option('format', { choices: ['md', 'txt'], default: 'md' }),
  (argv) => {
    process.stdout.write(\`created \${argv.title}.\${argv.format}\\n\`);
  })
  .command('sync', 'sync notes', () => {}, () => {
    process.stdout.write('synced\\n');
  })
  .demandCommand(1)
  .strict()
  .parse();
`,
  });
}

const TSCONFIG = (strict: boolean): string => `${JSON.stringify({
  // tsconfig.json allows comments; init reads it as such.
  compilerOptions: { module: 'nodenext', target: 'es2022', strict, esModuleInterop: true, skipLibCheck: true, types: ['node'], rootDir: 'src', outDir: 'dist' },
}, null, 2).replace('{\n', '{\n  // compiled with tsc from the workspace\n')}\n`;

/** `tasker-ts`: a commander program in TypeScript (ESM), bin in dist/, a regex with a backtick before the commands. */
export function writeCommanderTsProject(root: string): void {
  write(root, {
    'package.json': `${JSON.stringify({ name: 'tasker-ts', version: '1.4.0', type: 'module', bin: { 'tasker-ts': './dist/cli.js' }, files: ['dist'], dependencies: { commander: '14.0.3' } }, null, 2)}\n`,
    'tsconfig.json': TSCONFIG(true),
    'src/cli.ts': `#!/usr/bin/env node
import { Command, Option } from 'commander';

interface BuildOptions { mode: Mode; watch?: boolean }
const MODES = ['fast', 'safe'] as const;
type Mode = (typeof MODES)[number];
const fence: RegExp = /\`{3}/g;

const program: Command = new Command('tasker-ts');
program
  .command('build <dir>')
  .addOption(new Option('--mode <mode>', 'how').choices(MODES).default('fast'))
  .option('-w, --watch', 'rebuild on change')
  .action((dir: string, opts: BuildOptions): void => {
    process.stdout.write(\`built \${dir.replace(fence, '')} (\${opts.mode})\\n\`);
  });
program.command('clean').action((): void => {
  process.stdout.write('cleaned\\n');
});

await program.parseAsync(process.argv);
`,
  });
}

/** `notes-cts`: a yargs program in a CommonJS TypeScript entry (.cts), built and parsed in one chain. */
export function writeYargsCtsProject(root: string): void {
  write(root, {
    'package.json': `${JSON.stringify({ name: 'notes-cts', version: '0.9.0', bin: { 'notes-cts': './dist/cli.cjs' }, dependencies: { yargs: '^17.7.2' } }, null, 2)}\n`,
    'tsconfig.json': TSCONFIG(false),
    'src/cli.cts': `#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';

type Format = 'md' | 'txt';
const FORMATS: readonly Format[] = ['md', 'txt'];

yargs(hideBin(process.argv))
  .scriptName('notes-cts')
  .command('new <title>', 'create a note', (y) => y.option('format', { choices: ['md', 'txt'], default: 'md' }), (argv: { title: string; format: Format }): void => {
    process.stdout.write(\`created \${argv.title}.\${argv.format} of \${FORMATS.length}\\n\`);
  })
  .command('sync', 'sync notes', {}, (): void => {
    process.stdout.write('synced\\n');
  })
  .demandCommand(1)
  .strict()
  .parse();
`,
  });
}
