// Every message in both languages: the English bundle lists exactly the keys used in the
// sources, the zh-cn bundle translates every one of them and keeps the placeholders.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CALL = /\bt\(\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g;
const SUMMARY = /\bsummary:\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) sources(full, out);
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of [...sources('server/src'), ...sources('client/src')]) {
    const text = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
    for (const re of [CALL, SUMMARY]) {
      re.lastIndex = 0;
      let m;
      while ((m = re.exec(text))) keys.add(Function(`"use strict"; return (${m[1]});`)() as string);
    }
  }
  return keys;
}

const placeholders = (s: string) => (s.match(/\{[0-9a-zA-Z_]+\}/g) ?? []).sort().join(',');

describe('localisation', () => {
  const en = JSON.parse(readFileSync('l10n/bundle.l10n.json', 'utf8')) as Record<string, string>;
  const zh = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')) as Record<string, string>;
  const used = usedKeys();

  it('the English bundle has every message the code uses (run `node scripts/l10nExtract.mjs --write`)', () => {
    assert.deepEqual(
      [...used].filter((k) => !(k in en)),
      [],
    );
  });
  it('the English bundle has no stale messages', () => {
    assert.deepEqual(
      Object.keys(en).filter((k) => !used.has(k)),
      [],
    );
  });
  it('every message has a Chinese translation', () => {
    assert.deepEqual(
      Object.keys(en).filter((k) => !zh[k]),
      [],
    );
  });
  it('the Chinese bundle has no keys the English one lacks', () => {
    assert.deepEqual(
      Object.keys(zh).filter((k) => !(k in en)),
      [],
    );
  });
  it('translations keep the placeholders', () => {
    assert.deepEqual(
      Object.keys(en).filter((k) => zh[k] && placeholders(k) !== placeholders(zh[k])),
      [],
    );
  });
  it('package.json contributions are localised in both languages', () => {
    const pkg = readFileSync('package.json', 'utf8');
    const keys = [...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    const nlsEn = JSON.parse(readFileSync('package.nls.json', 'utf8'));
    const nlsZh = JSON.parse(readFileSync('package.nls.zh-cn.json', 'utf8'));
    assert.deepEqual(
      keys.filter((k) => !nlsEn[k] || !nlsZh[k]),
      [],
    );
  });
});

describe('localisation: nothing bypasses the message layer', () => {
  // User-facing sinks that must receive t(…) / vscode.l10n.t(…), never an English literal.
  const SINKS =
    /\b(?:show(?:Information|Warning|Error)Message|showQuickPick|showInputBox|io\.(?:out|err)|withProgress|setStatusBarMessage)\(\s*(['"`])([A-Za-z][^'"`]*)\1/g;
  const MESSAGE_FIELDS = /\b(?:message|title|tooltip|placeHolder|prompt|label)\s*:\s*(['"`])([A-Z][a-z]+ [^'"`]*)\1/g;
  it('no English literal reaches a user-facing call or message field', () => {
    const bad: string[] = [];
    for (const file of [...sources('server/src'), ...sources('client/src')]) {
      if (file.includes('/protocol/')) continue;
      // A line may opt out with a trailing `// l10n-exempt: <why>` (kubectl's own words, a version string).
      const text = readFileSync(file, 'utf8')
        .replace(/^\s*(\/\/|\*).*$/gm, '')
        .replace(/^.*l10n-exempt.*$/gm, '');
      for (const re of [SINKS, MESSAGE_FIELDS]) {
        re.lastIndex = 0;
        let m;
        while ((m = re.exec(text))) bad.push(`${file}: ${m[0].slice(0, 80)}`);
      }
    }
    assert.deepEqual(bad, []);
  });
});
