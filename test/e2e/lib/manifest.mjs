// Command titles as the (English) workbench shows them, read from package.json + package.nls.json,
// so the UI test types what a person sees and follows renames without edits.
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './codeServer.mjs';

const read = (name) => JSON.parse(fs.readFileSync(path.join(REPO, name), 'utf8'));

/** The first of `ids` that package.json contributes, with its title and its palette label (`Category: Title`). */
export function commandTitle(...ids) {
  const manifest = read('package.json');
  const nls = read('package.nls.json');
  const local = (s) => (typeof s === 'string' ? s.replace(/^%(.+)%$/, (m, key) => nls[key] ?? m) : s?.value);
  for (const id of ids) {
    const c = manifest.contributes?.commands?.find((x) => x.command === id);
    if (!c) continue;
    const title = local(c.title);
    const category = local(c.category);
    return { id, title, palette: category ? `${category}: ${title}` : title };
  }
  throw new Error(`package.json contributes none of ${ids.join(', ')}`);
}
