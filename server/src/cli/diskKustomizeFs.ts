// The disk as KustomizeFs for the CLI: files read as UTF-8, a missing or unreadable file is undefined.
import { readFileSync, statSync } from 'node:fs';
import type { KustomizeFs } from '../kustomize/kustomizeFs';

export const diskKustomizeFs: KustomizeFs = {
  readText(path) {
    try {
      return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  },
  isDirectory(path) {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
};
