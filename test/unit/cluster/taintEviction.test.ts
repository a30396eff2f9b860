// kubectl taint and what follows it: the taint specs kubectl accepts, NoSchedule keeping new pods
// away, and NoExecute evicting the pods that do not tolerate it — at once, after tolerationSeconds,
// or never.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../server/src/cluster/simulator';
import { applyVerb } from '../../../server/src/kubectl/verbs/apply';
import { parseTaintSpecs, taintVerb } from '../../../server/src/kubectl/verbs/taint';
import type { Pod, Toleration } from '../../../server/src/cluster/types';
import { outputText } from '../../../server/src/kubectl/verbResult';
import type { KEvent } from '../../../server/src/cluster/events';

describe('kubectl taint: specs', () => {
  // spec → what kubectl makes of it
  const table: [string, unknown][] = [
    ['smoke=true:NoSchedule', { add: [{ key: 'smoke', value: 'true', effect: 'NoSchedule' }], remove: [] }],
    ['dedicated:NoExecute', { add: [{ key: 'dedicated', effect: 'NoExecute' }], remove: [] }],
    ['example.com/gpu=a100:PreferNoSchedule', { add: [{ key: 'example.com/gpu', value: 'a100', effect: 'PreferNoSchedule' }], remove: [] }],
    ['smoke-', { add: [], remove: [{ key: 'smoke', effect: undefined }] }],
    ['smoke:NoSchedule-', { add: [], remove: [{ key: 'smoke', effect: 'NoSchedule' }] }],
    ['smoke=true', { error: 'error: invalid taint spec: smoke=true' }],
    ['smoke=true:Sometimes', { error: 'error: invalid taint effect: Sometimes, unsupported taint effect' }],
    ['bad key=x:NoSchedule', { error: 'error: invalid taint spec: bad key=x:NoSchedule' }],
    ['a=b=c:NoSchedule', { error: 'error: invalid taint spec: a=b=c:NoSchedule' }],
  ];
  for (const [spec, expected] of table) {
    it(`${spec} → ${JSON.stringify(expected)}`, () => assert.deepEqual(parseTaintSpecs([spec]), expected));
  }
});

describe('kubectl taint: the scheduler and the taint eviction controller', () => {
  function cluster(tolerations: Toleration[] = []): Simulator {
    const sim = Simulator.create();
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 4,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { tolerations, containers: [{ name: 'web', image: 'nginx:1.27' }] } },
      },
    };
    applyVerb(sim, [{ obj: deployment }]);
    return sim;
  }
  const pods = (sim: Simulator) => sim.store.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
  const onNode = (sim: Simulator, node: string) => pods(sim).filter((p) => p.spec.nodeName === node);

  it('NoSchedule keeps new pods off the node; the pods already there stay', () => {
    const sim = cluster();
    const before = onNode(sim, 'worker-1').map((p) => p.metadata.name);
    assert.ok(before.length > 0);
    assert.equal(outputText(taintVerb(sim, 'worker-1', ['smoke=true:NoSchedule'], false).lines), 'node/worker-1 tainted');
    assert.deepEqual(
      onNode(sim, 'worker-1').map((p) => p.metadata.name),
      before,
    );
    sim.scale('Deployment', 'default', 'web', 8);
    assert.equal(onNode(sim, 'worker-1').length, before.length);
  });

  it('NoExecute evicts the pods that do not tolerate it, with the controller event; their ReplicaSet recreates them elsewhere', () => {
    const sim = cluster();
    const evicted = onNode(sim, 'worker-1').map((p) => p.metadata.name);
    taintVerb(sim, 'worker-1', ['smoke=true:NoExecute'], false);
    assert.equal(onNode(sim, 'worker-1').length, 0);
    assert.equal(pods(sim).length, 4);
    const events = sim.store.list<KEvent>('Event', 'default').filter((e) => e.reason === 'TaintManagerEviction');
    assert.deepEqual(events.map((e) => e.message).sort(), evicted.map((n) => `Marking for deletion Pod default/${n}`).sort());
    assert.equal(events[0].source?.component, 'taint-eviction-controller');
  });

  it('a toleration without tolerationSeconds keeps the pods for ever', () => {
    const sim = cluster([{ key: 'smoke', operator: 'Exists', effect: 'NoExecute' }]);
    const before = onNode(sim, 'worker-1').length;
    taintVerb(sim, 'worker-1', ['smoke=true:NoExecute'], false);
    sim.advance(3600_000);
    assert.equal(onNode(sim, 'worker-1').length, before);
  });

  it('tolerationSeconds: the pods stay that long after the taint, then go', () => {
    const sim = cluster([{ key: 'smoke', operator: 'Equal', value: 'true', effect: 'NoExecute', tolerationSeconds: 60 }]);
    const names = () => onNode(sim, 'worker-1').map((p) => p.metadata.name);
    const before = names();
    taintVerb(sim, 'worker-1', ['smoke=true:NoExecute'], false);
    sim.advance(50_000);
    assert.deepEqual(names(), before);
    sim.advance(20_000);
    // Gone; their replacements tolerate the taint for 60 s too, so the scheduler may put them back there.
    assert.ok(
      before.every((n) => !names().includes(n)),
      names().join(),
    );
    assert.equal(pods(sim).length, 4);
  });

  it("removing the taint lets pods return; errors are kubectl's", () => {
    const sim = cluster();
    taintVerb(sim, 'worker-1', ['smoke=true:NoSchedule'], false);
    assert.equal(
      outputText(taintVerb(sim, 'worker-1', ['smoke=false:NoSchedule'], false).lines),
      'error: node worker-1 already has smoke taint(s) with same effect(s) and --overwrite is false',
    );
    assert.equal(outputText(taintVerb(sim, 'worker-1', ['smoke=false:NoSchedule'], true).lines), 'node/worker-1 tainted');
    assert.deepEqual(sim.get('Node', undefined, 'worker-1')?.spec.taints, [{ key: 'smoke', value: 'false', effect: 'NoSchedule' }]);
    assert.equal(outputText(taintVerb(sim, 'worker-1', ['smoke-'], false).lines), 'node/worker-1 untainted');
    assert.equal(sim.get('Node', undefined, 'worker-1')?.spec.taints, undefined);
    assert.equal(outputText(taintVerb(sim, 'worker-1', ['smoke-'], false).lines), 'error: taint "smoke" not found');
    assert.equal(outputText(taintVerb(sim, 'nope', ['a=b:NoSchedule'], false).lines), 'Error from server (NotFound): nodes "nope" not found');
  });
});
