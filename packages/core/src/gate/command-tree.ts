// SPDX-License-Identifier: Apache-2.0
// Tree mode, for `clitel schema`: with CLITEL_SCHEMA_TREE=<file> an adapter writes the
// framework's real command tree to that file and ends the process before any command runs,
// before consent is read, state is written or a socket is opened. The file is the cli's choice,
// so nothing the host prints on stdout can corrupt the tree.
import type { Env } from '../shared/types.js';
import { schemaTreeFile } from '../shared/env.js';
import { builtin } from '../shared/builtin.js';

/** How an option takes its value, as the framework declares it. */
export type TreeOptionKind = 'boolean' | 'string' | 'number' | 'count';

/** One declared option of a command. */
export interface TreeOption {
  /** The name the adapter records it under (`dry-run` for `--dry-run`). */
  name: string;
  kind: TreeOptionKind;
  /** Other spellings (short flags, aliases); recorded under `name`. */
  aliases?: string[];
  /** Values the framework accepts (commander `choices`, yargs `choices`, citty `enum`, oclif `options`). */
  choices?: string[];
  /** Hidden from the tool's help. */
  hidden?: boolean;
  /** Added and handled by the framework itself (`--help`, `--version`); never reaches a command. */
  builtin?: boolean;
}

/** One command (or topic) of the tree; the root is the path `''`. */
export interface TreeCommand {
  /** Space-separated path below the root, e.g. `remote add`. */
  path: string;
  /** Other names the framework accepts: for the last word of the path (oclif: whole paths). */
  aliases?: string[];
  /** Hidden from the tool's help. */
  hidden?: boolean;
  /** Options declared on this command itself; the root's are the global options. */
  options: TreeOption[];
}

/** The framework's command tree as an adapter reads it, in tree mode. */
export interface CommandTree {
  v: 1;
  /** `commander`, `yargs`, `cac`, `citty`, `oclif` or `parseargs`. */
  framework: string;
  /** The tool's name as the framework knows it, for a new schema. */
  tool?: string;
  commands: TreeCommand[];
}

/** Whether this process runs in tree mode (`CLITEL_SCHEMA_TREE` names a file). */
export function isTreeMode(env: Env): boolean {
  return schemaTreeFile(env) != null;
}

/**
 * In tree mode, builds the tree, writes it to the `CLITEL_SCHEMA_TREE` file and exits the process
 * (code 0, or 70 with one line on stderr when the tree cannot be read or written); a synchronous
 * `build` exits before this returns. Outside tree mode returns undefined and does nothing. The
 * only clitel function that ends the process: tree mode is a maintainer's tool, never a user's run.
 * The promise (an asynchronous `build`) never settles and never rejects, since its failures end the
 * process too: a caller that does not wait on it marks it `void`.
 */
export function emitTreeIfAsked(env: Env, build: () => CommandTree | Promise<CommandTree>): Promise<never> | undefined {
  const file = schemaTreeFile(env);
  if (file == null) return undefined;
  const fail = (error: unknown): never => {
    process.stderr.write(`clitel: could not read the command tree (${(error as Error | undefined)?.constructor?.name ?? 'error'}: ${(error as Error | undefined)?.message ?? ''})\n`);
    return process.exit(70);
  };
  const write = (tree: CommandTree): never => {
    try {
      builtin('node:fs').writeFileSync(file, `${JSON.stringify(tree)}\n`);
    } catch (error) {
      return fail(error);
    }
    return process.exit(0);
  };
  let built: CommandTree | Promise<CommandTree>;
  try {
    built = build();
  } catch (error) {
    return fail(error);
  }
  if (!(built instanceof Promise)) return write(built);
  return built.then(write, fail);
}
