// SPDX-License-Identifier: Apache-2.0
// Ending a run when the process ends: normal exit, process.exit, an uncaught error, or a signal.
// signal-exit re-raises a signal when nobody else listens, so the host's behaviour is unchanged;
// uncaught errors are watched with `uncaughtExceptionMonitor`, never `uncaughtException`.
import { constants } from 'node:os';
import { onExit } from 'signal-exit';

/** Exit code for a process ended by a signal: 128 + its number (SIGINT → 130). */
function signalExitCode(signal: string | null): number {
  const n = signal != null ? (constants.signals as Record<string, number | undefined>)[signal] : undefined;
  return n != null ? 128 + n : 1;
}

/**
 * Calls `onEnd` once when the process ends and `onError` for an uncaught error. Returns a detach
 * function for ending early. While the process is exiting, detaching is left undone: signal-exit
 * walks its listener list at that moment, and removing one from inside it would skip the next
 * clitel listener (another tool or library in the same process).
 */
export function watchProcess(onEnd: (exitCode: number) => void, onError: (error: unknown) => void): () => void {
  let exiting = false;
  const monitor = (error: unknown): void => onError(error);
  process.on('uncaughtExceptionMonitor', monitor);
  const remove = onExit((code, signal) => {
    exiting = true;
    onEnd(code ?? signalExitCode(signal));
  });
  return () => {
    if (exiting) return;
    remove();
    process.off('uncaughtExceptionMonitor', monitor);
  };
}
