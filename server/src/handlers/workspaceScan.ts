// Finding the manifest files of a workspace folder on disk (the index itself never reads the
// disk). Skips node_modules, .git and Helm chart templates (`templates/` next to a Chart.yaml:
// Go templates, not manifests), and stops at maxFiles.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { aboveSizeLimit } from '../protocol/settings';
import { join, extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SKIP_DIRS = new Set(['node_modules', '.git']);
const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
/** Bigger files are generated data, not hand-written manifests. */
const MAX_BYTES = 2 * 1024 * 1024;

export interface ScanResult {
  /** Absolute paths, in directory order. */
  files: string[];
  /** More files were found than maxFiles allows. */
  truncated: boolean;
}

export function isManifestPath(path: string): boolean {
  return EXTENSIONS.has(extname(path).toLowerCase());
}

/** Is `dir` (containing `entries`) a Helm chart whose `templates/` must be skipped? */
function isChart(entries: string[]): boolean {
  return entries.includes('Chart.yaml') || entries.includes('Chart.yml');
}

/** Is this path inside skipped folders (for watched-file events)? `root` is the workspace folder. */
export function isSkippedPath(root: string, path: string): boolean {
  if (!path.startsWith(root)) return false;
  const parts = path.slice(root.length).split(/[\\/]/).filter(Boolean);
  let dir = root;
  for (let i = 0; i < parts.length - 1; i++) {
    if (SKIP_DIRS.has(parts[i])) return true;
    if (parts[i] === 'templates') {
      try {
        if (isChart(readdirSync(dir))) return true;
      } catch {
        // An unreadable folder is simply not a chart.
      }
    }
    dir = join(dir, parts[i]);
  }
  return false;
}

export function scanFolder(root: string, maxFiles: number): ScanResult {
  const files: string[] = [];
  let truncated = false;
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    const chart = isChart(entries);
    for (const name of entries) {
      if (truncated) return;
      const full = join(dir, name);
      let st;
      try {
        st = statSync(full);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (SKIP_DIRS.has(name) || (chart && name === 'templates')) continue;
        walk(full);
      } else if (st.isFile() && isManifestPath(name) && st.size <= MAX_BYTES) {
        if (files.length >= maxFiles) {
          truncated = true;
          return;
        }
        files.push(full);
      }
    }
  };
  walk(root);
  return { files, truncated };
}

/**
 * The text of a manifest file, or undefined for binary files and files that cannot hold a
 * Kubernetes object (no `apiVersion` or no `kind`: Helm values, CI workflows, compose files) —
 * those are not even parsed.
 */
export function readManifestFile(path: string, maxFileSizeMB = 0): string | undefined {
  let text: string;
  try {
    // Above the size limit the file is not even read (kubemate.maxFileSizeMB).
    if (aboveSizeLimit(statSync(path).size, maxFileSizeMB)) return undefined;
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  if (text.includes('\0') || !text.includes('apiVersion') || !text.includes('kind')) return undefined;
  return text;
}

/**
 * One spelling per file: editors and the disk scan may encode the same path differently
 * (VS Code writes `file:///c%3A/x`, Node `file:///c:/x`), so the index is keyed by this form.
 */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
