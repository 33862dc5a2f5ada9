// SPDX-License-Identifier: Apache-2.0
// In-process announcements of tracked modules, heard by the runs of the same process (whatever
// copy of core each uses). Nothing leaves the process from here.

/** Where runs of this process listen for module loads (shared by every copy of core). */
const REGISTRY = Symbol.for('clitel.module-load-listeners');
type Listener = (name: string, version: string | undefined) => void;

function listeners(): Set<Listener> {
  const g = globalThis as { [REGISTRY]?: Set<Listener> };
  g[REGISTRY] ??= new Set();
  return g[REGISTRY];
}

/** Lets a run hear about modules that start usage tracking in this process. Returns the undo. */
export function onModuleLoad(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Tells the runs of this process that a tracked module was loaded. */
export function announceModuleLoad(name: string, version: string | undefined): void {
  for (const listener of listeners()) {
    try {
      listener(name, version);
    } catch {
      // a listener never breaks the module that announced itself
    }
  }
}
