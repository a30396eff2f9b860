// Gateway API in the simulated cluster: kinds registered by applied CRDs, the KubeMate gateway
// controller's status, and the HTTPRoute rule precedence of requests through a Gateway.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Simulator } from '../../../server/src/cluster/simulator';
import { applyVerb } from '../../../server/src/kubectl/verbs/apply';
import { getVerb } from '../../../server/src/kubectl/verbs/get';
import { describeVerb } from '../../../server/src/kubectl/verbs/describe';
import { resolveCustomResource } from '../../../server/src/cluster/customResources';
import { comparePrecedence, pickBackend, RuleCandidate } from '../../../server/src/cluster/network/gatewayRoute';
import { selectPath } from '../../../server/src/kubectl/printers/printerColumns';
import { traceRequest } from '../../../server/src/cluster/network/traceRequest';
import type { KObject } from '../../../server/src/cluster/types';
import type { RequestTrace } from '../../../server/src/protocol/requestTrace';

const EXAMPLE = join(process.cwd(), 'examples', 'gateway-api');
const docs = (file: string) =>
  parseAllDocuments(readFileSync(join(EXAMPLE, file), 'utf8'))
    .map((d) => d.toJS() as Record<string, unknown>)
    .filter(Boolean);
const apply = (sim: Simulator, objs: Record<string, unknown>[]) =>
  applyVerb(
    sim,
    objs.map((obj) => ({ obj, source: { file: 'x.yaml', line: 1 } })),
  );
const route = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name }, spec });
const condition = (o: KObject | undefined, type: string, i = 0) => {
  const c = (o?.status?.parents?.[i]?.conditions ?? o?.status?.conditions ?? []).find((x: { type: string }) => x.type === type);
  return c ? `${c.status}/${c.reason}` : 'none';
};

describe('cluster Gateway API', () => {
  it('refuses a custom kind until its CRD is applied, with kubectl words, also when both are in one apply', () => {
    const sim = Simulator.create();
    const together = apply(sim, [...docs('00-crds.yaml'), ...docs('10-app.yaml').filter((d) => d.kind === 'GatewayClass')]);
    const text = together.lines.map((l) => l.text).join('\n');
    assert.match(text, /customresourcedefinition\.apiextensions\.k8s\.io\/httproutes\.gateway\.networking\.k8s\.io created/);
    assert.match(text, /no matches for kind "GatewayClass" in version "gateway.networking.k8s.io\/v1"\nensure CRDs are installed first/);
    const again = apply(sim, docs('10-app.yaml'));
    assert.deepEqual(
      again.lines.map((l) => l.text).filter((l) => l.includes('gateway')),
      [
        'gatewayclass.gateway.networking.k8s.io/kubemate created',
        'gateway.gateway.networking.k8s.io/web created',
        'httproute.gateway.networking.k8s.io/shop created',
      ],
    );
    const wrongVersion = apply(sim, [{ ...route('v', {}), apiVersion: 'gateway.networking.k8s.io/v9' }]);
    assert.match(wrongVersion.lines.map((l) => l.text).join('\n'), /no matches for kind "HTTPRoute" in version "gateway.networking.k8s.io\/v9"/);
  });

  describe('with the example applied', () => {
    const sim = Simulator.create();
    apply(sim, docs('00-crds.yaml'));
    apply(sim, docs('10-app.yaml'));
    apply(sim, [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } },
      route('bad-section', { parentRefs: [{ name: 'web', sectionName: 'nope' }], rules: [{ backendRefs: [{ name: 'api', port: 80 }] }] }),
      route('missing-gw', { parentRefs: [{ name: 'nowhere' }], rules: [] }),
      route('no-backend', { parentRefs: [{ name: 'web' }], hostnames: ['b.example.com'], rules: [{ backendRefs: [{ name: 'api', port: 81 }] }] }),
      route('cross-ns', {
        parentRefs: [{ name: 'web' }],
        hostnames: ['c.example.com'],
        rules: [{ backendRefs: [{ name: 'api', namespace: 'other', port: 80 }] }],
      }),
      { ...route('foreign', { parentRefs: [{ name: 'web', namespace: 'default' }], rules: [] }), metadata: { name: 'foreign', namespace: 'other' } },
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'else' }, spec: { controllerName: 'example.com/else' } },
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'unserved' }, spec: { gatewayClassName: 'else', listeners: [] } },
    ]);
    const get = (kind: string, name: string, ns: string | null = 'default') => sim.store.get(kind, ns ?? undefined, name);

    it('resolves the custom kinds by plural, singular, short name and group', () => {
      const table: [string, string | undefined][] = [
        ['httproutes', 'HTTPRoute'],
        ['httproute', 'HTTPRoute'],
        ['HTTPRoute', 'HTTPRoute'],
        ['gtw', 'Gateway'],
        ['gc', 'GatewayClass'],
        ['gateways.gateway.networking.k8s.io', 'Gateway'],
        ['gateways.example.com', undefined],
        ['tcproutes', undefined],
      ];
      for (const [name, kind] of table) assert.equal(resolveCustomResource(sim.store, name)?.kind, kind, name);
    });

    it('writes the controller status: classes, Gateways and HTTPRoute parents', () => {
      const table: [KObject | undefined, string, string, number?][] = [
        [get('GatewayClass', 'kubemate', null), 'Accepted', 'True/Accepted'],
        [get('GatewayClass', 'else', null), 'Accepted', 'none'],
        [get('Gateway', 'web'), 'Programmed', 'True/Programmed'],
        [get('Gateway', 'unserved'), 'Accepted', 'none'],
        [get('HTTPRoute', 'shop'), 'Accepted', 'True/Accepted'],
        [get('HTTPRoute', 'shop'), 'ResolvedRefs', 'True/ResolvedRefs'],
        [get('HTTPRoute', 'bad-section'), 'Accepted', 'False/NoMatchingParent'],
        [get('HTTPRoute', 'missing-gw'), 'Accepted', 'False/NoMatchingParent'],
        [get('HTTPRoute', 'no-backend'), 'ResolvedRefs', 'False/BackendNotFound'],
        [get('HTTPRoute', 'cross-ns'), 'ResolvedRefs', 'False/RefNotPermitted'],
        [get('HTTPRoute', 'foreign', 'other'), 'Accepted', 'False/NotAllowedByListeners'],
      ];
      for (const [o, type, expected] of table) assert.equal(condition(o, type), expected, `${o?.metadata.name} ${type}`);
      const gw = get('Gateway', 'web')!;
      assert.deepEqual(gw.status.addresses, [{ type: 'IPAddress', value: '172.18.255.200' }]);
      assert.equal(gw.status.listeners[0].attachedRoutes, 3);
      assert.equal(get('HTTPRoute', 'shop')!.status.parents[0].controllerName, 'kubemate.dev/gateway-controller');
    });

    it("prints the CRD's printer columns (NAME and AGE without any) and describes custom resources in the generic layout", () => {
      const table = (kind: string, group: string) =>
        getVerb(sim, { kinds: [{ kind, group }], prefixed: false, namespace: 'default', allNamespaces: false, format: 'text' }).lines[0].text.split('\n');
      assert.match(table('Gateway', 'gateway.networking.k8s.io')[0], /^NAME +CLASS +ADDRESS +PROGRAMMED +AGE$/);
      assert.match(table('Gateway', 'gateway.networking.k8s.io')[2], /^web +kubemate +172\.18\.255\.200 +True +\d+s$/);
      assert.match(table('HTTPRoute', 'gateway.networking.k8s.io').at(-1) ?? '', /^shop +\["shop.example.com"\] +\d+s$/);
      const crd = docs('00-crds.yaml')[2] as KObject;
      const bare = {
        ...crd,
        metadata: { name: 'widgets.example.com' },
        spec: {
          ...crd.spec,
          group: 'example.com',
          names: { kind: 'Widget', plural: 'widgets' },
          versions: [{ ...crd.spec.versions[0], additionalPrinterColumns: undefined }],
        },
      };
      apply(sim, [bare]);
      apply(sim, [{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1' }, spec: { size: 3 } }]);
      assert.deepEqual(table('Widget', 'example.com')[0].split(/ +/), ['NAME', 'AGE']);
      const d = describeVerb(sim, 'HTTPRoute', 'gateway.networking.k8s.io', 'default', 'bad-section').lines[0].text;
      for (const line of [
        /^Name: +bad-section$/m,
        /^API Version: +gateway.networking.k8s.io\/v1$/m,
        /^Kind: +HTTPRoute$/m,
        /^ +Reason: +NoMatchingParent$/m,
        /^Events: +<none>$/m,
      ])
        assert.match(d, line);
    });

    const outside = { kind: 'outside' as const };
    const table: [string, Record<string, string>, string, string | null][] = [
      ['shop.example.com/api/x', {}, 'default/shop', null],
      ['shop.example.com/apix', {}, '-', 'NotFound404'],
      ['shop.example.com/health', {}, 'default/shop', null],
      ['shop.example.com/health/x', {}, '-', 'NotFound404'],
      ['b.example.com/', {}, 'default/no-backend', 'InternalServerError500'],
      ['c.example.com/', {}, 'default/cross-ns', 'InternalServerError500'],
      ['172.18.255.200/api', { Host: 'shop.example.com' }, 'default/shop', null],
      ['172.18.255.200:81/api', {}, '', 'ConnectionRefused'],
    ];
    for (const [target, headers, via, code] of table) {
      it(`request ${target} ${JSON.stringify(headers)} → ${via} ${code ?? 'answered'}`, () => {
        const r = traceRequest(sim.store, {
          target,
          origin: target.startsWith('172.') ? { kind: 'client', namespace: 'default' } : outside,
          headers,
        }) as RequestTrace;
        assert.equal(r.error?.code ?? null, code, JSON.stringify(r.hops));
        assert.equal(r.hops.find((h) => h.kind === 'HTTPRoute')?.name ?? '', via);
        assert.equal(r.hops[1].kind, 'Gateway');
      });
    }
  });

  it('ranks rule matches by Gateway API precedence', () => {
    const base: RuleCandidate = {
      route: { kind: 'HTTPRoute', apiVersion: 'v1', metadata: { name: 'b', namespace: 'default', creationTimestamp: '2026-01-01T00:00:02Z' } } as KObject,
      ruleIndex: 0,
      rule: {},
      hostScore: 2,
      hostLen: 10,
      exact: false,
      pathLen: 4,
      method: false,
      headers: 0,
      queries: 0,
      matchIndex: 0,
    };
    const older = { ...base.route, metadata: { ...base.route.metadata, creationTimestamp: '2026-01-01T00:00:01Z' } } as KObject;
    const table: [string, Partial<RuleCandidate>][] = [
      ['exact hostname over wildcard', { hostScore: 3 }],
      ['longer wildcard hostname', { hostLen: 12 }],
      ['Exact path over PathPrefix', { exact: true, pathLen: 1 }],
      ['longer prefix', { pathLen: 8 }],
      ['method match', { method: true }],
      ['more header matches', { headers: 2 }],
      ['older route', { route: older }],
      ['earlier rule', { ruleIndex: -1 }],
    ];
    for (const [why, winner] of table) {
      const w = { ...base, ...winner };
      assert.ok(comparePrecedence(w, base) < 0 && comparePrecedence(base, w) > 0, why);
    }
  });

  it('reads the JSONPath subset of printer columns', () => {
    const o = {
      spec: { hostnames: ['a', 'b'] },
      status: {
        addresses: [{ value: '1.2.3.4' }, { value: '5.6.7.8' }],
        conditions: [
          { type: 'Accepted', status: 'True' },
          { type: 'Programmed', status: 'False' },
        ],
      },
    };
    const table: [string, unknown[]][] = [
      ['.spec.hostnames', [['a', 'b']]],
      ['.spec.hostnames[1]', ['b']],
      ['.status.addresses[*].value', ['1.2.3.4', '5.6.7.8']],
      ['.status.conditions[?(@.type=="Programmed")].status', ['False']],
      ['.status.missing.x', []],
    ];
    for (const [path, expected] of table) assert.deepEqual(selectPath(o, path), expected, path);
  });

  it('picks backendRefs by weight and none when every weight is 0', () => {
    const refs = [
      { name: 'a', weight: 3 },
      { name: 'b', weight: 1 },
      { name: 'c', weight: 0 },
    ];
    let x = 0;
    const seq = () => [0.1, 0.74, 0.76, 0.99][x++ % 4];
    assert.deepEqual(
      [1, 2, 3, 4].map(() => pickBackend(refs, seq)?.name),
      ['a', 'a', 'b', 'b'],
    );
    assert.equal(pickBackend([{ name: 'z', weight: 0 }], Math.random), undefined);
    assert.equal(pickBackend([{ name: 'd' }], () => 0.5)?.name, 'd');
  });
});
