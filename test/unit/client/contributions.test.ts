// package.json contributions of issue 5 against the contract (ISSUE5-CONTRACT.md): every command
// id under the KubeMate category, the view, menus that point at real commands, snippets, the
// output grammar, the walkthrough's media in both languages, Workspace Trust, YAML-only activation.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const nlsEn = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
const nlsZh = JSON.parse(readFileSync('package.nls.zh-cn.json', 'utf8')) as Record<string, string>;
const c = pkg.contributes;

const CONTRACT_COMMANDS = [
  'dryRun',
  'dryRunDocument',
  'dryRunSelection',
  'dryRunFolder',
  'showClusterView',
  'resetCluster',
  'openClusterProfile',
  'describe',
  'revealSource',
  'deletePod',
  'deleteObject',
  'scale',
  'rolloutHistory',
  'rolloutUndo',
  'cordonNode',
  'uncordonNode',
  'drainNode',
  'failReadiness',
  'recoverReadiness',
  'revealSecret',
  'showTopology',
].map((x) => `kubemate.${x}`);

describe('client: package.json contributions', () => {
  it('contributes every contract command under the KubeMate category with localised titles', () => {
    const ids = c.commands.map((x: { command: string }) => x.command);
    assert.deepEqual(
      CONTRACT_COMMANDS.filter((id) => !ids.includes(id)),
      [],
    );
    for (const cmd of c.commands.filter((x: { command: string }) => x.command.startsWith('kubemate.'))) {
      assert.equal(cmd.category, 'KubeMate', cmd.command);
      const key = /^%(.+)%$/.exec(cmd.title)?.[1];
      assert.ok(key && nlsEn[key] && nlsZh[key], `${cmd.command} title localised`);
    }
  });

  it('menus and walkthrough steps only name contributed commands', () => {
    const ids = new Set(c.commands.map((x: { command: string }) => x.command));
    for (const [menu, items] of Object.entries(c.menus as Record<string, { command: string }[]>))
      for (const it of items) assert.ok(ids.has(it.command), `${menu}: ${it.command}`);
    const text = JSON.stringify(c.walkthroughs) + Object.values(nlsEn).join('\n');
    for (const m of text.matchAll(/command:(kubemate\.[A-Za-z]+)/g)) assert.ok(ids.has(m[1]), m[1]);
  });

  it('has the view container, the tree view and the output language with its grammar', () => {
    assert.equal(c.viewsContainers.activitybar[0].id, 'kubemate');
    assert.equal(c.views.kubemate[0].id, 'kubemate.clusterView');
    assert.ok(existsSync(c.viewsContainers.activitybar[0].icon));
    assert.ok(c.languages.some((l: { id: string }) => l.id === 'kubemate-output'));
    const grammar = c.grammars.find((g: { language: string }) => g.language === 'kubemate-output');
    const g = JSON.parse(readFileSync(grammar.path, 'utf8'));
    assert.equal(g.scopeName, grammar.scopeName);
    const regexes: string[] = [];
    (function walk(o: unknown) {
      for (const [k, v] of Object.entries(o as object))
        if (k === 'match') regexes.push(v as string);
        else if (v && typeof v === 'object') walk(v);
    })(g.repository);
    for (const r of regexes) new RegExp(r);
    const applied = g.repository.applied.patterns.map((p: { match: string }) => new RegExp(p.match));
    assert.deepEqual(
      applied.map((r: RegExp) => r.test('deployment.apps/web created')),
      [true, false, false],
    );
    assert.deepEqual(
      applied.map((r: RegExp) => r.test('service/web unchanged')),
      [false, true, false],
    );
  });

  it('contributes the YAML snippets and activates on YAML only', () => {
    assert.deepEqual(c.snippets, [{ language: 'yaml', path: './snippets/kubernetes.json' }]);
    assert.deepEqual(pkg.activationEvents, ['onLanguage:yaml']);
  });

  it('declares limited support for untrusted workspaces, with a description', () => {
    const u = pkg.capabilities.untrustedWorkspaces;
    assert.equal(u.supported, 'limited');
    const key = /^%(.+)%$/.exec(u.description)![1];
    assert.ok(nlsEn[key] && nlsZh[key]);
    assert.deepEqual(c.commands.find((x: { command: string }) => x.command === 'kubemate.openClusterProfile').enablement, 'isWorkspaceTrusted');
  });

  it('has a walkthrough whose media exist in English and Chinese', () => {
    const steps = c.walkthroughs[0].steps as { id: string; media: { markdown: string } }[];
    assert.deepEqual(
      steps.map((s) => s.id),
      ['snippet', 'hover', 'dryRun', 'scale', 'deletePod', 'watch'],
    );
    for (const s of steps) {
      const key = /^%(.+)%$/.exec(s.media.markdown)![1];
      assert.match(nlsEn[key], /\/en\//);
      assert.match(nlsZh[key], /\/zh-cn\//);
      assert.ok(existsSync(nlsEn[key]) && existsSync(nlsZh[key]), key);
    }
  });

  it('describes every kubemate.* setting in both languages', () => {
    for (const [name, p] of Object.entries(c.configuration.properties as Record<string, { description?: string; markdownDescription?: string }>)) {
      const d = p.description ?? p.markdownDescription ?? '';
      const key = /^%(.+)%$/.exec(d)?.[1];
      assert.ok(key && nlsEn[key] && nlsZh[key], name);
    }
  });
});
