// The build machine's shared folder (../shared next to the checkout, or next to the folder that
// holds a git worktree): real-world corpora and the yaml-language-server comparison. Absent on a
// fresh clone; the benchmarks then say what they skipped.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function sharedPath(root: string, ...sub: string[]): string | undefined {
  for (let dir = resolve(root), i = 0; i < 3; i++, dir = dirname(dir)) {
    const p = join(dirname(dir), 'shared', ...sub);
    if (existsSync(p)) return p;
  }
  return undefined;
}
