// What rendering a kustomization may read: text files and folder tests, nothing else. The CLI and
// the language server pass one over the disk (or the editor's unsaved texts); tests pass a map.
export interface KustomizeFs {
  readText(path: string): string | undefined;
  isDirectory(path: string): boolean;
}

/** A problem found while rendering, in the user's language, with the file it concerns. */
export interface KustomizeProblem {
  file: string;
  message: string;
  severity: 'error' | 'warning' | 'information';
}
