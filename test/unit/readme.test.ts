// README.md and README.zh-CN.md describe the same product: the same command lines (CLI and
// development table), every CLI command, and links to each other.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { commandTable } from '../../server/src/cli/commandTable';

/** Command lines of the ```sh blocks (comments dropped) and the first column of tables. */
function commands(md: string): string[] {
  const out: string[] = [];
  for (const block of md.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of block[1].split('\n')) {
      const cmd = line.replace(/\s+#.*$/, '').trim();
      if (cmd) out.push(cmd);
    }
  }
  for (const row of md.matchAll(/^\| `([^`]+)` \|/gm)) out.push(row[1]);
  return out;
}

describe('README.md and README.zh-CN.md', () => {
  const en = readFileSync('README.md', 'utf8');
  const zh = readFileSync('README.zh-CN.md', 'utf8');
  it('list the same commands, in the same order', () => {
    assert.ok(commands(en).length >= 20, `${commands(en).length} commands found`);
    assert.deepEqual(commands(zh), commands(en));
  });
  it('show every CLI command', () => {
    const shown = commands(en)
      .filter((c) => c.startsWith('node dist/cli.js '))
      .map((c) => c.split(' ')[2])
      .join(' ');
    assert.deepEqual(
      commandTable.map((c) => c.name).filter((n) => !shown.split(/[ |]/).includes(n)),
      [],
    );
  });
  it('link to each other and to the glossary', () => {
    assert.match(en, /\[README\.zh-CN\.md\]\(README\.zh-CN\.md\)/);
    assert.match(zh, /\[README\.md\]\(README\.md\)/);
    for (const md of [en, zh]) assert.match(md, /docs\/GLOSSARY\.md/);
  });
  it("say that command titles follow VS Code's display language", () => {
    assert.match(en, /package\.nls\.\*\.json[\s\S]{0,80}command titles/);
    assert.match(zh, /package\.nls\.\*\.json[\s\S]{0,60}命令标题/);
  });
});
