// Finds and reads the generated schema files. They sit next to the bundle (dist/) in the
// product; tests and benchmarks run from out/, so we also look upward for dist/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findGeneratedFile(name: string): string {
  const candidates: string[] = [];
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    candidates.push(join(dir, name), join(dir, 'dist', name));
    dir = dirname(dir);
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`${name} not found: run \`npm run build\` first (looked in ${candidates[0]} and parents)`);
  return found;
}

export function readGeneratedJson<T>(name: string): T {
  return JSON.parse(readFileSync(findGeneratedFile(name), 'utf8')) as T;
}
