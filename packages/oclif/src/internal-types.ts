// SPDX-License-Identifier: Apache-2.0
// The parts of @oclif/core the adapter uses, so oclif is never imported at run time.

/** A command as the config lists it (`Command.Loadable`). */
export interface LoadableLike {
  readonly id: string;
  readonly flags?: Readonly<Record<string, unknown>>;
}

/** A topic: the shared prefix of commands such as `remote:add`. */
interface TopicLike {
  readonly name: string;
}

/** oclif's loaded `Config`. */
export interface ConfigLike {
  readonly root: string;
  readonly bin: string;
  readonly version: string;
  readonly isSingleCommandCLI?: boolean;
  readonly commands: readonly LoadableLike[];
  readonly topics: readonly TopicLike[];
  findCommand(id: string): LoadableLike | undefined;
  findTopic(id: string): TopicLike | undefined;
}

/** What `this.parse()` resolves to. */
export interface ParseOutputLike {
  readonly flags?: Readonly<Record<string, unknown>>;
  readonly metadata?: { readonly flags?: Readonly<Record<string, { readonly setFromDefault?: boolean } | undefined>> };
}

/** A command class (`Command.Class`) as the `prerun` hook receives it. */
export interface CommandClassLike {
  readonly id?: string;
  readonly prototype: { parse?: (...args: unknown[]) => Promise<ParseOutputLike> };
}

/** The options every hook receives; which fields are set depends on the event. */
export interface HookOptionsLike {
  readonly config: ConfigLike;
  readonly id?: string;
  readonly argv?: readonly string[];
  readonly Command?: CommandClassLike;
  readonly error?: unknown;
  readonly result?: unknown;
}
