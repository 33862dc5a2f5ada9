// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { discoverCommands } from './discover-commands.js';

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
      '': [], remote: [], 'remote add': ['mirror=fetch|push'], 'remote rm': [], deploy: ['env=dev|prod'], '(global)': ['config'],
    });
  });
});
