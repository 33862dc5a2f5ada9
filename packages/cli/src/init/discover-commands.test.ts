// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { discoverCommands as discoverIn, type Framework } from './discover-commands.js';
import { loadSourceTools } from './parse-source.js';

const tools = await loadSourceTools();
const discoverCommands = (texts: string[], framework: Framework, file = 'cli.js'): ReturnType<typeof discoverIn> => discoverIn(texts.map((t) => tools.parse(t, file)), framework);

const summary = (cli: ReturnType<typeof discoverCommands>): Record<string, string[]> => ({
  ...Object.fromEntries([...cli.commands].map(([path, opts]) => [path, opts.map((o) => (o.values != null ? `${o.name}=${o.values.join('|')}` : o.name))])),
  '(global)': cli.global.map((o) => o.name),
});

describe('discoverCommands', () => {
  it('reads commander chains, variables, addOption choices and ignores comments and strings', () => {
    const source = `
      // program.command('commented')
      const text = "program.command('quoted')";
      const program = new Command().option('--dry-run');
      program.command('build [dir]').option('-w, --watch').requiredOption('--target <t>')
        .addOption(new Option('--mode <m>').choices(["fast", 'safe']));
      const db = program.command('db');
      db.command('migrate').option('--to <version>');
      program.command('exec <cmd>', 'run an executable subcommand');
    `;
    expect(summary(discoverCommands([source], 'commander'))).toEqual({
      '': [], build: ['watch', 'target', 'mode=fast|safe'], db: [], 'db migrate': ['to'], exec: [], '(global)': ['dry-run'],
    });
  });

  it('reads yargs nested builders, default commands and command modules', () => {
    const main = `
      yargs(hideBin(process.argv))
        .option('config', { type: 'string' })
        .command(['serve [port]', 's'], 'serve', () => {})
        .command('$0', 'the default', () => {})
        .command('remote <cmd>', 'remotes', (y) => y
          .command('add <name>', 'add', (z) => z.option('mirror', { choices: ['fetch', 'push'] }))
          .command('rm <name>', 'remove'))
        .parse();
    `;
    const module = `export default { command: 'deploy <target>', builder: (y) => y.option('env', { choices: ['dev', 'prod'] }), handler() {} };`;
    expect(summary(discoverCommands([main, module], 'yargs'))).toEqual({
      '': [], serve: [], remote: [], 'remote add': ['mirror=fetch|push'], 'remote rm': [], deploy: ['env=dev|prod'], '(global)': ['config'],
    });
  });
});

describe('discoverCommands on a real parser', () => {
  it('finds every command after a regex literal with a backtick', () => {
    const source = `
      const fence = /\`{3}/g;
      program.command('build').option('--watch');
      program.command('serve');
    `;
    expect(summary(discoverCommands([source], 'commander'))).toEqual({ '': [], build: ['watch'], serve: [], '(global)': [] });
  });

  it('reads code inside ${} of a template literal and not the literal text around it', () => {
    const source = `
      const usage = \`run \${name} .command('ghost') \${\`nested \\\` .command('ghost2')\`}\`;
      const label = \`\${program.command('real').option('--fast').name()}\`;
      program.command('after');
    `;
    expect(summary(discoverCommands([source], 'commander'))).toEqual({ '': [], real: ['fast'], after: [], '(global)': [] });
  });

  it('ignores commands in line, block and doc comments', () => {
    const source = `
      // program.command('line')
      /* program.command('block').option('--nope') */
      /**
       * program.command('doc')
       */
      program.command('kept'); // .command('trailing')
    `;
    expect(summary(discoverCommands([source], 'commander'))).toEqual({ '': [], kept: [], '(global)': [] });
  });

  it('reads a TypeScript commander entry', () => {
    const source = `
      import { Command, Option } from 'commander';
      interface Opts { watch?: boolean }
      enum Mode { Fast = 'fast' }
      const MODES = ['fast', 'safe'] as const;
      const program: Command = new Command();
      program.command('build <dir>').option('-w, --watch').action((dir: string, opts: Opts): void => { void dir; void opts; });
      program.addOption(new Option('--mode <m>').choices(MODES));
      const db = program.command('db') as Command;
      db!.command('migrate').option<string>('--to <version>' satisfies string);
      function run<T extends object>(value: T): T { return value; }
      run(program).parse();
    `;
    expect(summary(discoverCommands([source], 'commander', 'src/cli.ts'))).toEqual({
      '': [], build: ['watch'], db: [], 'db migrate': ['to'], '(global)': ['mode'],
    });
    expect(discoverCommands([source], 'commander', 'src/cli.ts').global).toEqual([{ name: 'mode', values: ['fast', 'safe'] }]);
  });

  it('reads a TypeScript yargs entry and command modules in both export styles', () => {
    const main = `
      import yargs, { type Argv } from 'yargs';
      type Args = { env: string };
      yargs(process.argv.slice(2))
        .command<Args>('deploy <env>', 'deploy', (y: Argv) => y.option('region', { choices: ['eu', 'us'] as const }))
        .command('lint', 'lint', { fix: { type: 'boolean' }, level: { choices: ['warn', 'error'] } })
        .options({ verbose: { type: 'boolean' } })
        .parseAsync();
    `;
    const esmModule = `export const command = 'get <source>';\nexport const builder = { depth: { type: 'number' } };\nexport const handler = (): void => {};\n`;
    const cjsModule = `exports.command = ['put <target>', 'p'];\nexports.handler = () => {};\n`;
    expect(summary(discoverIn([tools.parse(main, 'cli.mts'), tools.parse(esmModule, 'get.ts'), tools.parse(cjsModule, 'put.cjs')], 'yargs'))).toEqual({
      '': [], deploy: ['region=eu|us'], lint: ['fix', 'level=warn|error'], get: ['depth'], put: [], '(global)': ['verbose'],
    });
  });

  it('reads commander subcommands added with .addCommand()', () => {
    const source = `
      const program = new Command('tool').option('--quiet');
      const deploy = new Command('deploy').option('--force');
      deploy.command('rollback').option('--to <v>');
      program.addCommand(deploy);
      program.addCommand(new Command('lint').option('--fix'), { hidden: true });
      program.addCommand(createCommand('init'));
      program.addCommand(program.createCommand('info').option('--json'));
      const loose = new Command('loose').option('--x');
    `;
    expect(summary(discoverCommands([source], 'commander'))).toEqual({
      '': [], deploy: ['force'], 'deploy rollback': ['to'], lint: ['fix'], init: [], info: ['json'], '(global)': ['quiet', 'x'],
    });
  });
});
