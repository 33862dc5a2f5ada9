// SPDX-License-Identifier: Apache-2.0
// `clitel init [--write] [--endpoint url] [dir]`: scaffolds telemetry into an existing CLI project.
import { relative, resolve } from 'node:path';
import type { Command } from '../context.js';
import { booleanFlag, parseCommandArgs, stringFlag } from '../args.js';
import { applyInitPlan, planInit } from '../init/plan-init.js';
import { lineDiff } from '../init/line-diff.js';
import { cliVersion } from '../cli-version.js';
import { styleFor, writeJson } from './shared.js';

export const INIT_HELP = `Usage: clitel init [dir] [--write] [--endpoint https://collector.example.com]

Adds clitel to an existing commander or yargs CLI: detects the framework from package.json,
writes telemetry.schema.json with the commands and options found in the source, adds the
adapter call before the program is parsed, adds the adapter dependency and a README section.
Shows the changes and writes nothing unless --write is given. It reads your code, never runs it.`;

export const init: Command = async (context) => {
  const parsed = parseCommandArgs('init', context.args, { write: { type: 'boolean' }, endpoint: { type: 'string' } }, 1);
  const dir = resolve(context.cwd, parsed.positionals[0] ?? '.');
  const endpoint = stringFlag(parsed, 'endpoint');
  const plan = await planInit(dir, { adapterRange: `^${cliVersion()}`, ...(endpoint != null ? { endpoint } : {}) });
  const write = booleanFlag(parsed, 'write');
  if (write) applyInitPlan(plan);
  if (booleanFlag(parsed, 'json')) {
    writeJson(context, {
      written: write, framework: plan.framework, tool: plan.tool, entry: plan.entry, schema: plan.schema,
      changes: plan.changes.map((c) => ({ path: c.path, action: c.action, why: c.why })), warnings: plan.warnings,
    });
    return 0;
  }
  const style = styleFor(context);
  const out: string[] = [`${style.bold(`clitel init`)}: ${plan.framework} CLI ${style.cyan(plan.tool)} (${relative(dir, plan.entry)})`, ''];
  for (const change of plan.changes) {
    out.push(`${style.bold(change.action === 'create' ? 'create' : 'update')} ${relative(dir, change.path)}: ${change.why}`);
    const diff = lineDiff(change.before, change.after).split('\n').map((l) => (l.startsWith('+') ? style.green(l) : l.startsWith('-') ? style.red(l) : style.dim(l)));
    out.push(...diff.map((l) => `    ${l}`), '');
  }
  for (const warning of plan.warnings) out.push(style.yellow(`note: ${warning}`));
  out.push('', write ? style.green(`Wrote ${plan.changes.length} files. Next: npm install, then try it with CLITEL_DEBUG=1.`) : style.dim('Dry run: nothing was written. Run again with --write to apply.'));
  context.stdout.write(`${out.join('\n')}\n`);
  return 0;
};
