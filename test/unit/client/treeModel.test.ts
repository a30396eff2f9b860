// The Simulated Cluster tree built from a real ClusterView (tutorial manifests applied to the
// simulator), without VS Code: labels, descriptions, context values, ids, tooltips.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { clusterWith, fmt } from '../../helpers/clusterView';
import { runClusterAction } from '../../../server/src/handlers/cluster/clusterActions';
import { dryRun } from '../../../server/src/handlers/clusterHandler';
import { buildTree, podCounts } from '../../../client/src/clusterView/treeModel';
import { reconcile, TreeNode, walk } from '../../../client/src/clusterView/treeNode';
import type { ClusterView } from '../../../server/src/protocol/clusterView';

const TUTORIAL = readFileSync('test/fixtures/cluster/tutorial.yaml', 'utf8');
const BROKEN = readFileSync('test/fixtures/cluster/missing-key.yaml', 'utf8');

function child(n: TreeNode | undefined, label: string): TreeNode {
  const c = n?.children?.find((x) => x.label === label);
  assert.ok(c, `${n?.label} has no child "${label}" (has ${n?.children?.map((x) => x.label).join(', ')})`);
  return c;
}

const tree = (view: ClusterView, revealed = new Map<string, Record<string, string>>(), showSystemNamespaces = false) =>
  buildTree(view, { showSystemNamespaces, revealedSecrets: revealed }, fmt);

describe('client: cluster tree model', () => {
  const cluster = clusterWith(TUTORIAL, BROKEN);
  const view = cluster.view();
  const roots = tree(view);
  const ns = child(roots[1], 'default');

  it('has Nodes, Namespaces and Events at the top', () => {
    assert.deepEqual(
      roots.map((r) => r.label),
      ['Nodes', 'Namespaces', 'Events'],
    );
    assert.deepEqual(
      roots[1].children!.map((n) => n.label),
      ['default'],
    );
  });

  it('shows each node with its status, pods, capacity and allocated requests', () => {
    const nodes = roots[0].children!;
    assert.deepEqual(
      nodes.map((n) => n.label),
      ['control-plane', 'worker-1', 'worker-2'],
    );
    const w1 = nodes[1];
    assert.equal(w1.contextValue, 'node');
    assert.equal(w1.id, 'Node//worker-1');
    assert.match(w1.description!, /^Ready · \d+ pods?$/);
    assert.equal(child(w1, 'Capacity').description, 'cpu 4 · memory 8Gi · pods 110');
    assert.match(child(w1, 'Allocated requests').description!, /^cpu \d+m \(\d+%\) · memory \d+Mi \(\d+%\)$/);
    const podsOnNode = w1.children!.filter((c) => c.contextValue === 'pod');
    assert.ok(podsOnNode.length > 0);
    assert.ok(podsOnNode.every((p) => p.id.startsWith('Node//worker-1>Pod/')));
    assert.ok(child(nodes[0], 'Taints').description!.includes('node-role.kubernetes.io/control-plane:NoSchedule'));
  });

  it('nests Deployments → ReplicaSets → Pods with READY counts and statuses', () => {
    const dep = child(child(ns, 'Deployments'), 'k8s-combat');
    assert.equal(dep.contextValue, 'deployment');
    assert.equal(dep.id, 'Deployment/default/k8s-combat');
    assert.equal(dep.description, '2/2');
    assert.equal(dep.look?.color, 'charts.green');
    const rs = dep.children![0];
    assert.equal(rs.contextValue, 'replicaset');
    assert.match(rs.description!, /^2\/2 · revision 1$/);
    assert.deepEqual(
      rs.children!.map((p) => [p.contextValue, p.description]),
      [
        ['pod', 'Running'],
        ['pod', 'Running'],
      ],
    );
    assert.match(rs.children![0].id, /^Pod\/default\/k8s-combat-[a-z0-9]+-[a-z0-9]{5}$/);
  });

  it('explains why a pod does not run, in the tooltip', () => {
    const broken = child(child(ns, 'Deployments'), 'broken').children![0].children![0];
    assert.equal(broken.description, 'CreateContainerConfigError');
    assert.equal(broken.look?.color, 'charts.red');
    assert.match(broken.tooltip!, /reads a ConfigMap, Secret or key that does not exist/);
    assert.match(broken.tooltip!, /couldn't find key LOG_LEVEL in ConfigMap default\/app-config/);
    const greedy = child(child(ns, 'Deployments'), 'greedy').children![0].children![0];
    assert.equal(greedy.description, 'Pending');
    assert.match(greedy.tooltip!, /The scheduler found no node for this pod/);
    assert.match(greedy.tooltip!, /0\/3 nodes are available/);
  });

  it("hovering a status or an event explains the reason, in the client's language", () => {
    const zh = buildTree(view, { showSystemNamespaces: false, revealedSecrets: new Map(), lang: 'zh-cn' }, fmt);
    const zhNs = child(zh[1], 'default');
    const broken = child(child(zhNs, 'Deployments'), 'broken').children![0].children![0];
    assert.match(broken.tooltip!, /💡 CreateContainerConfigError — 容器配置引用了不存在的对象/);
    assert.match(broken.tooltip!, /• .*optional: true/);
    const greedy = child(child(ns, 'Deployments'), 'greedy').children![0].children![0];
    assert.match(greedy.tooltip!, /💡 Unschedulable — No node can take this pod/);
    const running = child(child(ns, 'Deployments'), 'k8s-combat').children![0].children![0];
    assert.doesNotMatch(running.tooltip!, /💡/);
    const events = zh[2].children!;
    const scheduled = events.find((e) => e.label === 'Scheduled');
    assert.ok(scheduled, 'a Scheduled event');
    assert.match(scheduled.tooltip!, /💡 Scheduled — 已调度到节点/);
  });

  it("lists a Service's endpoints as pod → ip:port", () => {
    const svc = child(child(ns, 'Services'), 'k8s-combat');
    assert.equal(svc.contextValue, 'service');
    assert.equal(svc.description, 'ClusterIP · 2/2 ready');
    assert.equal(svc.children!.length, 2);
    for (const ep of svc.children!) {
      assert.equal(ep.contextValue, 'endpoint');
      assert.match(ep.label, /^k8s-combat-/);
      assert.match(ep.description!, /^10\.244\.\d+\.\d+:8081$/);
      assert.equal(ep.ref?.kind, 'Pod');
    }
  });

  it('routes Ingress rules to backends and their endpoints', () => {
    const ing = child(child(ns, 'Ingresses'), 'k8s-combat');
    assert.equal(ing.contextValue, 'ingress');
    const rule = child(ing, 'k8s-combat.local/ping');
    const backend = child(rule, 'k8s-combat:8081');
    assert.equal(backend.description, '2 endpoints');
    assert.ok(backend.children!.every((e) => /:8081$/.test(e.label)));
  });

  it('shows ConfigMap values but masks Secret values until revealed', () => {
    const cm = child(child(ns, 'ConfigMaps'), 'k8s-combat-config');
    assert.equal(child(cm, 'APP_MODE').description, 'production');
    assert.match(cm.description!, /1 key · used by 2/);
    const secret = child(child(ns, 'Secrets'), 'k8s-combat-db');
    assert.equal(child(secret, 'DB_PASSWORD').description, '••••••');
    const revealed = tree(view, new Map([['Secret/default/k8s-combat-db', { DB_PASSWORD: 'change-me' }]]));
    const again = child(child(child(revealed[1], 'default'), 'Secrets'), 'k8s-combat-db');
    assert.equal(child(again, 'DB_PASSWORD').description, 'change-me');
  });

  it('gives every item a unique id and a parent link', () => {
    const all = [...walk(roots)];
    assert.equal(new Set(all.map((n) => n.id)).size, all.length);
    const byId = new Map(all.map((n) => [n.id, n]));
    for (const n of all) if (n.parentId) assert.ok(byId.get(n.parentId)?.children?.includes(n));
  });

  it('lists events, warnings first in colour', () => {
    const events = roots[2];
    assert.ok(events.children!.some((e) => e.label === 'FailedScheduling' && e.look?.icon === 'warning'));
    assert.ok(events.children!.some((e) => e.label === 'Scheduled'));
  });

  it('a pod whose readiness fails leaves the endpoints: marked not ready', () => {
    const c = clusterWith(TUTORIAL);
    const pod = c.view().services.find((s) => s.name === 'k8s-combat')!.endpoints[0].pod!;
    runClusterAction(c, { action: 'failReadiness', target: { kind: 'Pod', namespace: 'default', name: pod } });
    const t = tree(c.view());
    const svc = child(child(child(t[1], 'default'), 'Services'), 'k8s-combat');
    assert.match(child(svc, pod).description!, /:8081 · not ready$/);
    assert.equal(svc.description, 'ClusterIP · 1/2 ready');
    const podItem = [...walk(t)].find((n) => n.id === `Pod/default/${pod}`)!;
    assert.equal(podItem.description, 'Running (0/1 ready)');
    assert.match(podItem.tooltip!, /readiness probe fail/);
  });

  it('a crash-looping Deployment from the simulation profile shows CrashLoopBackOff and its restarts', () => {
    const c = clusterWith();
    const profile = readFileSync('examples/simulation/cluster.yaml', 'utf8');
    assert.equal(c.loadProfile('file:///ws/.kubemate/cluster.yaml', profile).ok, true);
    dryRun(c, {
      sources: [{ uri: 'file:///ws/crash.yaml', label: 'crash.yaml', text: readFileSync('examples/simulation/crashloop.yaml', 'utf8') }],
      command: 'kubectl apply -f crash.yaml',
    });
    const pods = [
      ...new Map([...walk(tree(c.view()))].filter((n) => n.contextValue === 'pod' && n.ref!.namespace === 'default').map((n) => [n.ref!.name, n])).values(),
    ];
    assert.equal(pods.length, 2, pods.map((p) => `${p.label} ${p.description}`).join('; '));
    for (const p of pods) assert.match(p.description!, /^CrashLoopBackOff/);
    const r = runClusterAction(c, { action: 'fault', target: { kind: 'Pod', namespace: 'default', name: String(pods[0].label) }, fault: 'liveness' });
    assert.equal(r.ok, false);
    assert.match(r.message, /is not running: there is no process to act on/);
  });

  it('counts pods for the status bar and can show the system namespaces', () => {
    assert.deepEqual(podCounts(view), { pods: 4, pending: 2, failing: 1 });
    assert.ok(tree(view, new Map(), true)[1].children!.some((n) => n.label === 'kube-system'));
  });

  it('keeps node objects across rebuilds, updated in place (VS Code tracks tree elements by identity)', () => {
    const c = clusterWith(TUTORIAL);
    const first = tree(c.view());
    const byId = new Map([...walk(first)].map((n) => [n.id, n]));
    const dep = byId.get('Deployment/default/k8s-combat')!;
    runClusterAction(c, { action: 'scale', target: { kind: 'Deployment', namespace: 'default', name: 'k8s-combat' }, replicas: 3 });
    const second = reconcile(byId, tree(c.view()));
    const again = [...walk(second)].find((n) => n.id === dep.id)!;
    assert.equal(again, dep);
    assert.equal(dep.description, '3/3');
    assert.equal(dep.children![0].children!.length, 3);
    assert.equal(second[0], byId.get('group/Nodes'));
  });
});
