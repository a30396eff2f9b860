// Expands the paths given on the command line into manifest files, the way kubectl -f does:
// a file is taken as is, a directory is walked for .yaml/.yml/.json (recursively, skipping
// node_modules and dot-folders). Problems are returned as data, never thrown.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve, extname, basename } from 'node:path';
import { t } from '../util/l10n';

export interface CollectedFiles {
  files: string[];
  /** The files that were named directly rather than found in a directory. */
  explicit: Set<string>;
  /** Localised messages for paths that could not be used (missing, unreadable). */
  problems: string[];
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export function collectFiles(paths: string[], cwd: string): CollectedFiles {
  const files: string[] = [];
  const explicit = new Set<string>();
  const problems: string[] = [];
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
    walk(full, files, problems);
  }
  return { files, explicit, problems };
}

function walk(dir: string, files: string[], problems: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    problems.push(t('{0}: cannot read this directory', dir));
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
    if (isDir) walk(full, files, problems);
    else if (MANIFEST_EXTENSIONS.has(extname(name).toLowerCase()) && basename(name) !== 'package.json') files.push(full);
  }
}
