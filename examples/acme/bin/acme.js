#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// acme: the example CLI of clitel. A real commander program; telemetry is five lines below.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { Command } from 'commander';
import { instrument } from '@clitel/commander';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const schema = JSON.parse(readFileSync(new URL('../telemetry.schema.json', import.meta.url), 'utf8'));

const program = new Command().name('acme').version(pkg.version).description('An example tool that deploys things.');
let telemetry;

program
  .command('deploy <target>')
  .description('deploy a target to an environment')
  .requiredOption('--env <env>', 'environment: dev, staging or prod')
  .requiredOption('--token <token>', 'access token')
  .option('--force', 'deploy even if checks fail')
  .option('--region <region>', 'region to deploy to', 'eu-west-1')
  .action((target, opts) => {
    telemetry.stage('build');
    process.stdout.write(`Building ${target}\n`);
    telemetry.stage('upload');
    process.stdout.write(`Deployed ${target} to ${opts.env} in ${opts.region}${opts.force ? ' (forced)' : ''}\n`);
  });

program
  .command('init <dir>')
  .description('create a new project')
  .option('--template <name>', 'project template', 'basic')
  .action((dir, opts) => {
    process.stdout.write(`Initialised ${dir} from template ${opts.template}\n`);
  });

program
  .command('greet')
  .description('say hello')
  .requiredOption('--name <name>', 'who to greet')
  .action((opts) => {
    process.stdout.write(`Hello, ${opts.name}!\n`);
  });

program
  .command('fail')
  .description('fail with exit code 3')
  .action(() => {
    process.stderr.write(`acme: cannot read ${homedir()}/.acme/credentials for alice@example.com\n`);
    process.exitCode = 3;
  });

program
  .command('crash')
  .description('throw an uncaught error')
  .action(() => {
    throw new Error(`cannot open ${homedir()}/.acme/secret.key`);
  });

// Telemetry: one call, after the commands are defined.
telemetry = instrument(program, { schema, docsUrl: 'https://github.com/clitel/clitel/blob/main/docs/telemetry.md' });

await program.parseAsync();
