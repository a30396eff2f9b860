// The CrashLoopBackOff explanation on every surface (issue 9 §3): examples/simulation/crashloop.yaml
// applied with examples/simulation/cluster.yaml — the runtime makes its pods crash-loop, the Why?
// table explains it — in `kubemate apply`, the dry-run summary line, `kubemate describe pod` (the built CLI, dist/cli.js, built
// by `pretest`) and the tree item's tooltip and "Why?" child, in English and Chinese.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTree } from '../../../client/src/clusterView/treeModel';
import { walk } from '../../../client/src/clusterView/treeNode';
import { WorkspaceCluster } from '../../../server/src/handlers/cluster/workspaceCluster';
import { dryRun } from '../../../server/src/handlers/clusterHandler';
import { fmt } from '../../helpers/clusterView';

const MANIFEST = 'examples/simulation/crashloop.yaml';
const PROFILE = 'examples/simulation/cluster.yaml';
const CAUSE_EN = /Container app keeps exiting \(last exit code 1, Error\) and the kubelet keeps restarting it \(restarts: \d+\)/;

describe('CrashLoopBackOff explained: apply, describe and the tree (examples/simulation)', function () {
  this.timeout(20_000);
  let dir: string;
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['dist/cli.js', ...args, '--state', join(dir, 'state.json')], { encoding: 'utf8' });
    return `${r.stdout}${r.stderr}`;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kubemate-crashloop-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('kubemate apply: STATUS CrashLoopBackOff and the Why? block for it', () => {
    const out = cli('apply', '-f', MANIFEST, '--cluster', PROFILE);
    assert.match(out, /crasher-[a-z0-9]+-[a-z0-9]+ {3}0\/1 {5}CrashLoopBackOff/);
    assert.match(
      out,
      /Why\? \(what is not fine, and what to change\):\npod\/crasher-[a-z0-9-]+ — CrashLoopBackOff \(and 1 more pod\(s\) of deployment\/crasher alike\)/,
    );
    assert.match(out, CAUSE_EN);
    assert.match(out, /Shown by: Warning BackOff: Back-off restarting failed container app in pod crasher-/);
  });

  it('kubemate describe pod: the explanation after the events, in both languages', () => {
    const en = cli('describe', 'pod');
    assert.equal((en.match(/Why \(KubeMate, CrashLoopBackOff\):/g) ?? []).length, 2, 'one per crashing pod');
    assert.match(en, CAUSE_EN);
    assert.match(en, /Fix: Read why the program exits/);
    const zh = cli('describe', 'pod', '--lang', 'zh-cn');
    assert.match(zh, /CrashLoopBackOff/);
    assert.ok(/[\u4e00-\u9fff]/.test(zh.slice(zh.indexOf('CrashLoopBackOff', zh.indexOf('Events:')))), 'the explanation is in Chinese');
  });

  it('the tree: each crashing pod has the explanation in its tooltip and a "Why? CrashLoopBackOff" child', () => {
    const c = new WorkspaceCluster();
    c.configure({ trusted: true, clusterProfile: { uri: 'file:///ws/.kubemate/cluster.yaml', text: readFileSync(PROFILE, 'utf8') } });
    c.start();
    const r = dryRun(c, {
      sources: [{ uri: 'file:///ws/crashloop.yaml', label: 'crashloop.yaml', text: readFileSync(MANIFEST, 'utf8') }],
      command: 'kubectl apply -f crashloop.yaml',
    });
    assert.match(r.summary.line, / — Why\? pod\/crasher-[a-z0-9-]+: Container app keeps exiting/, 'the dry-run summary notification');
    for (const lang of ['en', 'zh-cn'] as const) {
      const nodes = [...walk(buildTree(c.view(), { showSystemNamespaces: false, revealedSecrets: new Map(), lang }, fmt))];
      const pods = nodes.filter((n) => n.contextValue === 'pod' && n.label.startsWith('crasher-'));
      assert.ok(pods.length >= 2, `${lang}: the crashing pods are in the tree`);
      for (const p of pods) {
        const why = p.children?.[0];
        assert.equal(why?.label, 'Why? CrashLoopBackOff', `${lang}: ${p.id}`);
        assert.ok(p.tooltip?.includes(why.tooltip!), `${lang}: the tooltip ends with the explanation`);
        if (lang === 'en') assert.match(why.tooltip!, CAUSE_EN);
        else assert.ok(/[\u4e00-\u9fff]/.test(why.tooltip!.split('\n')[1]), 'the cause is in Chinese');
      }
    }
  });
});
