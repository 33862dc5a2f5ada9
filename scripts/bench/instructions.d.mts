// SPDX-License-Identifier: Apache-2.0
export declare function findValgrind(): string | undefined;
export declare function countInstructions(valgrind: string, script: string, args: readonly string[], env: Record<string, string | undefined>): { instructions: number; status: number | null; stdout: string };
