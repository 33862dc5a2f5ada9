// SPDX-License-Identifier: Apache-2.0
// Packages as the registry would serve them: `npm pack` of workspaces into a temp dir, then
// `npm install` of those tarballs (and of the frameworks, from the local npm cache) into a fresh
// project, the way a newcomer's `npm install @clitel/<adapter>` lays them out.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './run-cli.js';

interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** This process's env without what a running npm script added (npm_config_*, npm_lifecycle_*…). */
function npmEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => !e[0].toLowerCase().startsWith('npm_') && e[1] != null));
}

function npm(args: readonly string[], cwd: string): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile('npm', args, { cwd, env: npmEnv(), timeout: 240_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error == null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

/** `name@version` of a workspace package's pinned devDependency (the framework version it is tested with). */
export function pinnedDevDependency(workspace: string, name: string): string {
  const manifest = JSON.parse(readFileSync(join(REPO, workspace, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  const version = manifest.devDependencies?.[name];
  if (version == null) throw new Error(`${workspace}/package.json has no devDependency ${name}`);
  return `${name}@${version}`;
}

export interface PackedProject {
  /** The temp dir holding the tarballs and `project/`; remove it when done. */
  work: string;
  /** The project the tarballs are installed in (its own package.json, node_modules). */
  project: string;
}

/**
 * Packs `workspaces` (paths like `packages/core`, built beforehand) and installs the tarballs plus
 * `registryPackages` (`name@version`, from the cache when it has them) into a fresh project.
 */
export async function packAndInstall(workspaces: readonly string[], registryPackages: readonly string[]): Promise<PackedProject> {
  const work = mkdtempSync(join(tmpdir(), 'clitel-readme-'));
  const packed = await npm(['pack', '--pack-destination', work, ...workspaces.flatMap((w) => ['-w', w])], REPO);
  if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const tarballs = readdirSync(work).filter((f) => f.endsWith('.tgz')).map((f) => join(work, f));
  if (tarballs.length !== workspaces.length) throw new Error(`npm pack made ${tarballs.length} tarballs for ${workspaces.length} workspaces`);
  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "name": "newcomer-project", "private": true, "type": "module" }\n');
  const installed = await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs, ...registryPackages], project);
  if (installed.code !== 0) throw new Error(`npm install failed: ${installed.stderr}`);
  return { work, project };
}
