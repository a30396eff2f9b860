// Lists every localisable message in the sources — the first argument of t('…') /
// vscode.l10n.t('…') and the `summary: '…'` of CLI commands — and (with --write) rewrites the
// English bundle l10n/bundle.l10n.json from them. The zh-cn bundle is written by hand;
// test/unit/l10n.test.ts fails when either bundle misses a key.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CALL = /\bt\(\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.)*`)/g;
const SUMMARY = /\bsummary:\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

function unquote(lit) {
  return Function(`"use strict"; return (${lit});`)();
}

export function extractMessages(roots = ['server/src', 'client/src']) {
  const keys = new Map();
  for (const root of roots) {
    for (const file of walk(root)) {
      // Comment lines are not messages.
      const text = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
      for (const re of [CALL, SUMMARY]) {
        re.lastIndex = 0;
        let m;
        while ((m = re.exec(text))) {
          const key = unquote(m[1]);
          if (!keys.has(key)) keys.set(key, file);
        }
      }
    }
  }
  return keys;
}

if (process.argv.includes('--write')) {
  const keys = [...extractMessages().keys()].sort();
  writeFileSync('l10n/bundle.l10n.json', JSON.stringify(Object.fromEntries(keys.map((k) => [k, k])), null, 2) + '\n');
  const zh = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8'));
  const missing = keys.filter((k) => !(k in zh));
  console.log(`${keys.length} messages; zh-cn missing ${missing.length}`);
  for (const k of missing) console.log('  ' + JSON.stringify(k));
}
