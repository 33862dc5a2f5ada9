// SPDX-License-Identifier: Apache-2.0
// Types of env.mjs, for the tests that import it.

/** The pinned packages. */
export declare const REQUIREMENTS: string;
/** The chDB-backed HTTP server the tests start. */
export declare const CHDB_SERVER: string;
/** How to install the environment, for skip and failure messages. */
export declare const CHDB_INSTALL_HINT: string;
/** Where the environment for the current requirements lives. */
export declare function chdbEnvDir(): string;
/** The interpreter with chdb, or undefined when the environment is not installed. */
export declare function chdbPython(): string | undefined;
/** Creates the environment unless it is there; returns its interpreter. */
export declare function installChdb(): string;
