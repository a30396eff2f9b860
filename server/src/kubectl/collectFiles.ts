// Expands the paths given on the command line into manifest files, the way kubectl -f does:
// a file is taken as is; a directory gives its .yaml/.yml/.json files in name order, and its
// sub-folders only with `recursive` (kubectl's -R; upstream: cli-runtime resource.ExpandPathsToFileVisitors).
// node_modules and dot-folders are never entered. Problems are returned as data, never thrown.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve, extname, basename } from 'node:path';
import { t } from '../util/l10n';

export interface CollectedFiles {
  files: string[];
  /** The files that were named directly rather than found in a directory. */
  explicit: Set<string>;
  /** Localised messages for paths that could not be used (missing, unreadable). */
  problems: string[];
  /** Sub-folders left out because `recursive` was not asked for. */
  skippedFolders: number;
}

export interface CollectOptions {
  /** Walk sub-folders too (kubectl -R). */
  recursive: boolean;
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export function collectFiles(paths: string[], cwd: string, opts: CollectOptions): CollectedFiles {
  const files: string[] = [];
  const explicit = new Set<string>();
  const problems: string[] = [];
  const out: CollectedFiles = { files, explicit, problems, skippedFolders: 0 };
  for (const p of paths) {
    const full = resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      problems.push(t('{0}: no such file or directory', p));
      continue;
    }
    if (!isDir) {
      files.push(full);
      explicit.add(full);
      continue;
    }
    walk(full, out, opts.recursive);
  }
  return out;
}

function walk(dir: string, out: CollectedFiles, recursive: boolean): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    out.problems.push(t('{0}: cannot read this directory', dir));
    return;
  }
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      continue;
    }
    if (isDir) {
      if (recursive) walk(full, out, recursive);
      else out.skippedFolders++;
    } else if (MANIFEST_EXTENSIONS.has(extname(name).toLowerCase()) && basename(name) !== 'package.json') out.files.push(full);
  }
}
