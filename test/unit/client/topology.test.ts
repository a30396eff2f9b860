// The topology picture: which boxes and edges, grouped how, for the file or the cluster; the SVG
// escapes names; the page has a strict CSP and loads nothing.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { buildTopology } from '../../../client/src/webview/topologyModel';
import { escapeXml, topologyPage, topologySvg } from '../../../client/src/webview/topologyHtml';
import { clusterWith, fmt } from '../../helpers/clusterView';

const TUTORIAL = readFileSync('test/fixtures/cluster/tutorial.yaml', 'utf8');
const MISSING = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: lonely
spec:
  replicas: 1
  selector:
    matchLabels: {app: lonely}
  template:
    metadata:
      labels: {app: lonely}
    spec:
      containers:
        - name: app
          image: busybox:1.36
          envFrom:
            - configMapRef:
                name: nowhere
`;

// Gateway API: the example (a Gateway, an HTTPRoute splitting /api 90/10 over two Services) and
// the tree test's broken routes: `lost` (its parent has no `https` listener), `typo` (its backend
// Service does not exist).
const GATEWAY_CRDS = readFileSync('examples/gateway-api/00-crds.yaml', 'utf8');
const GATEWAY_APP = readFileSync('examples/gateway-api/10-app.yaml', 'utf8');
const BROKEN_ROUTES = readFileSync('test/fixtures/cluster/gateway-broken.yaml', 'utf8');

describe('client: topology of Gateway API routes', () => {
  const view = clusterWith(GATEWAY_CRDS, GATEWAY_APP, BROKEN_ROUTES).view();

  it('draws each HTTPRoute in the first column with its Gateway, routed to its backend Services', () => {
    const topo = buildTopology(view, { groupBy: 'owner', t: fmt });
    const routes = topo.boxes.filter((b) => b.kind === 'HTTPRoute').map((b) => `${b.label} · ${b.sub} · ${b.status} · x=${b.x}`);
    assert.deepEqual(routes.sort(), ['lost · ⇐ web · error · x=20', 'shop · ⇐ web · shop.example.com · ok · x=20', 'typo · ⇐ web · error · x=20']);
    const routed = topo.edges.filter((e) => e.kind === 'route').map((e) => `${e.from} → ${e.to}`);
    assert.deepEqual(routed.sort(), [
      'HTTPRoute/default/lost → Service/default/api',
      'HTTPRoute/default/shop → Service/default/api',
      'HTTPRoute/default/shop → Service/default/api-canary',
    ]);
    const first = topo.boxes.filter((b) => b.x === 20).sort((a, b) => a.y - b.y);
    for (let i = 1; i < first.length; i++) assert.ok(first[i].y >= first[i - 1].y + first[i - 1].h, 'boxes of the first column do not overlap');
    assert.ok(topologySvg(topo, fmt).includes('data-id="HTTPRoute/default/shop"'));
  });

  it('for the active file: the routes it applied and the Services they lead to', () => {
    const topo = buildTopology(view, { fileUri: 'file:///ws/2.yaml', groupBy: 'owner', t: fmt });
    assert.deepEqual(
      topo.boxes.filter((b) => b.kind === 'HTTPRoute').map((b) => b.label),
      ['lost', 'typo'],
    );
  });
});

describe('client: topology', () => {
  const view = clusterWith(TUTORIAL, MISSING).view();

  it('draws Ingress → Service → Pods → ConfigMap/Secret for the whole cluster', () => {
    const topo = buildTopology(view, { groupBy: 'owner', t: fmt });
    const kinds = (k: string) => topo.boxes.filter((b) => b.kind === k).map((b) => b.label);
    assert.deepEqual(kinds('Ingress'), ['k8s-combat']);
    assert.deepEqual(kinds('Service'), ['k8s-combat']);
    assert.equal(kinds('Pod').length, 3);
    assert.deepEqual(kinds('ConfigMap').sort(), ['k8s-combat-config', 'nowhere']);
    assert.deepEqual(kinds('Secret'), ['k8s-combat-db']);
    const count = (k: string) => topo.edges.filter((e) => e.kind === k).length;
    assert.equal(count('route'), 1);
    assert.equal(count('endpoint'), 2);
    assert.equal(count('reads'), 5);
    const missing = topo.boxes.find((b) => b.label === 'nowhere')!;
    assert.equal(missing.status, 'error');
    assert.match(missing.sub, /missing/);
    assert.equal(topo.boxes.find((b) => b.kind === 'Service')!.status, 'ok');
    assert.equal(topo.groups.length, 2);
    assert.ok(topo.groups.every((g) => g.label.startsWith('ReplicaSet ')));
  });

  it('for the active file: only what that file applied and what it leads to', () => {
    const topo = buildTopology(view, { fileUri: 'file:///ws/1.yaml', groupBy: 'owner', t: fmt });
    assert.deepEqual(
      topo.boxes.map((b) => `${b.kind}/${b.label}`).filter((x) => !x.startsWith('Pod/')),
      ['ConfigMap/nowhere'],
    );
    assert.equal(topo.boxes.filter((b) => b.kind === 'Pod').length, 1);
  });

  it('groups pods by node on request', () => {
    const topo = buildTopology(view, { groupBy: 'node', t: fmt });
    assert.ok(
      topo.groups.every((g) => /^worker-\d$/.test(g.label)),
      topo.groups.map((g) => g.label).join(),
    );
  });

  it('keeps boxes apart and inside the picture', () => {
    const topo = buildTopology(view, { groupBy: 'owner', t: fmt });
    for (const a of topo.boxes) {
      assert.ok(a.x + a.w <= topo.width && a.y + a.h <= topo.height);
      for (const b of topo.boxes)
        if (a !== b) assert.ok(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y, `${a.id} overlaps ${b.id}`);
    }
  });

  it('escapes text in the SVG and says so when there is nothing to draw', () => {
    assert.equal(escapeXml(`<a href="x">&'`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    const topo = buildTopology(view, { groupBy: 'owner', t: fmt });
    topo.boxes[0].label = '<img src=x onerror=alert(1)>';
    const svg = topologySvg(topo, fmt);
    assert.ok(!svg.includes('<img'));
    assert.ok(svg.includes('data-id="Ingress/default/k8s-combat"'));
    assert.match(topologySvg({ boxes: [], groups: [], edges: [], width: 0, height: 0 }, fmt), /Nothing to draw yet/);
  });

  it('has a strict Content-Security-Policy and no remote resources', () => {
    const text = { title: 'T', scopeFile: 'f', scopeCluster: 'c', groupOwner: 'o', groupNode: 'n', hint: 'h', legend: 'l' };
    const page = topologyPage('NONCE123', '<svg></svg>', text);
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(page)![1];
    assert.equal(csp, "default-src 'none'; style-src 'nonce-NONCE123'; script-src 'nonce-NONCE123'; base-uri 'none'; form-action 'none';");
    assert.ok(!/unsafe-(inline|eval)/.test(page));
    assert.ok(!/(src|href)=["']?https?:/i.test(page));
    assert.equal((page.match(/<script/g) ?? []).length, 1);
    assert.match(page, /<script nonce="NONCE123">/);
    assert.match(page, /var\(--vscode-charts-green\)/);
    assert.ok(!/ on[a-z]+=/.test(page), 'no inline event handlers');
  });
});
