// Gateway API objects in the Simulated Cluster tree, built from a real ClusterView (the
// examples/gateway-api manifests dry-run applied), without VS Code: each Gateway with its class,
// address, Programmed state and listeners; each HTTPRoute with its parents, rules, backends and
// their ready endpoints, coloured by the gateway controller's status.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { clusterWith, fmt } from '../../helpers/clusterView';
import { buildTree } from '../../../client/src/clusterView/treeModel';
import type { TreeNode } from '../../../client/src/clusterView/treeNode';

const CRDS = readFileSync('examples/gateway-api/00-crds.yaml', 'utf8');
const APP = readFileSync('examples/gateway-api/10-app.yaml', 'utf8');
// A route whose parent has no listener for it, one whose backend Service does not exist, and a
// Gateway of a class no controller of the simulated cluster runs.
const BROKEN = readFileSync('test/fixtures/cluster/gateway-broken.yaml', 'utf8');

function child(n: TreeNode | undefined, label: string): TreeNode {
  const c = n?.children?.find((x) => x.label === label);
  assert.ok(c, `${n?.label} has no child "${label}" (has ${n?.children?.map((x) => x.label).join(', ')})`);
  return c;
}

/** label · description · colour, one row per node, indented by depth. */
function rows(n: TreeNode, depth = 0): string[] {
  const self = `${'  '.repeat(depth)}${n.label} · ${n.description ?? ''} · ${n.look?.color ?? '-'}`;
  return [self, ...(n.children ?? []).flatMap((c) => rows(c, depth + 1))];
}

describe('client: Gateway API in the cluster tree', () => {
  const view = clusterWith(CRDS, APP, BROKEN).view();
  const roots = buildTree(view, { showSystemNamespaces: false, revealedSecrets: new Map() }, fmt);
  const ns = child(roots[1], 'default');
  // The ready pods of a Deployment (name-<hash>-<suffix>), as Service endpoints.
  const ip = (name: string) => view.pods.filter((p) => new RegExp(`^${name}-[a-z0-9]+-[a-z0-9]+$`).test(p.name) && p.ready === '1/1').map((p) => `${p.ip}:80`);

  it('lists Gateways and HTTPRoutes after the Ingresses, not among the other objects', () => {
    const labels = ns.children!.map((c) => c.label);
    assert.ok(labels.indexOf('Gateways') > labels.indexOf('Services'));
    assert.equal(labels.indexOf('HTTPRoutes'), labels.indexOf('Gateways') + 1);
    assert.ok(!labels.includes('Gateway objects') && !labels.includes('HTTPRoute objects'), labels.join(', '));
  });

  it('a Gateway shows its class, address, Programmed and listeners with their attached routes', () => {
    const gws = child(ns, 'Gateways');
    assert.deepEqual(rows(gws), [
      'Gateways · 2 · -',
      '  elsewhere · class other · no controller has taken it · charts.yellow',
      '    http · HTTP :8080 · -',
      '  web · class kubemate · 172.18.255.200 · Programmed · charts.green',
      '    http · HTTP :80 · 2 routes attached · charts.green',
    ]);
    const web = child(gws, 'web');
    assert.deepEqual([web.id, web.contextValue, web.ref], ['Gateway/default/web', 'gateway', { kind: 'Gateway', namespace: 'default', name: 'web' }]);
    assert.ok(web.source?.uri.endsWith('1.yaml'));
  });

  it('an HTTPRoute shows its parents, rules, weighted backends and their ready endpoints', () => {
    const shop = child(child(ns, 'HTTPRoutes'), 'shop');
    const [api, canary] = [ip('api').sort(), ip('api-canary')];
    assert.equal(api.length, 2);
    assert.deepEqual(rows(shop), [
      'shop · shop.example.com · accepted by web · charts.green',
      '  Gateway web · Accepted · charts.green',
      '  PathPrefix /api · 2 backends · -',
      '    api:80 · weight 90 · 2 endpoints · charts.green',
      ...child(child(shop, 'PathPrefix /api'), 'api:80').children!.map((e) => `      ${e.label} ·  · charts.green`),
      '    api-canary:80 · weight 10 · 1 endpoint · charts.green',
      `      ${canary[0]} ·  · charts.green`,
      '  Exact /health · 1 backend · -',
      '    api:80 · 2 endpoints · charts.green',
      ...child(child(shop, 'Exact /health'), 'api:80').children!.map((e) => `      ${e.label} ·  · charts.green`),
    ]);
    assert.deepEqual(
      child(child(shop, 'PathPrefix /api'), 'api:80')
        .children!.map((e) => e.label)
        .sort(),
      api,
    );
    assert.deepEqual(shop.ref, { kind: 'HTTPRoute', namespace: 'default', name: 'shop' });
  });

  // route → its row, its parent's row, and its first rule's backend row
  const broken: [string, string, string, string][] = [
    [
      'lost',
      'lost · * · not accepted · charts.red',
      'Gateway web · NoMatchingParent: No listener matches the parentRef sectionName/port · charts.red',
      'api:80 · 2 endpoints · charts.green',
    ],
    ['typo', 'typo · * · accepted by web · charts.red', 'Gateway web · Accepted · charts.green', 'shop:8080 · Service default/shop not found · charts.red'],
  ];
  for (const [name, route, parent, backend] of broken) {
    it(`a route that does not work (${name}) says why, in red`, () => {
      const r = child(child(ns, 'HTTPRoutes'), name);
      assert.equal(rows(r)[0], route);
      assert.equal(rows(r.children![0])[0], parent);
      assert.equal(rows(r.children![1].children![0])[0], backend);
    });
  }

  it('a rule with a method match names it', () => {
    assert.equal(child(child(ns, 'HTTPRoutes'), 'typo').children![1].label, 'PathPrefix /shop (GET)');
  });
});
