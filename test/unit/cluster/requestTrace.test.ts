// Table tests of the request tracer's rules: DNS search, target forms, Ingress path matching,
// kube-proxy's uniform pick, and the stop reasons of each hop.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../server/src/cluster/simulator';
import { applyVerb } from '../../../server/src/kubectl/verbs/apply';
import { searchNames } from '../../../server/src/cluster/network/clusterDns';
import { parseRequestTarget } from '../../../server/src/cluster/network/requestTarget';
import { bestPath } from '../../../server/src/cluster/network/ingressRoute';
import { pickIndex, seededRandom } from '../../../server/src/cluster/network/seededPick';
import { traceRequest, RequestOrigin } from '../../../server/src/cluster/network/traceRequest';
import type { KObject } from '../../../server/src/cluster/types';
import type { RequestTrace } from '../../../server/src/protocol/requestTrace';

describe('cluster/network request tracing', () => {
  it('searches names as resolv.conf with ndots:5 does', () => {
    const table: [string, string, string[]][] = [
      ['web', 'default', ['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']],
      ['web.shop', 'default', ['web.shop.default.svc.cluster.local', 'web.shop.svc.cluster.local', 'web.shop.cluster.local', 'web.shop']],
      ['a.b.c.d.e.f', 'ns', ['a.b.c.d.e.f', 'a.b.c.d.e.f.ns.svc.cluster.local', 'a.b.c.d.e.f.svc.cluster.local', 'a.b.c.d.e.f.cluster.local']],
      ['web.default.svc.cluster.local.', 'x', ['web.default.svc.cluster.local']],
    ];
    for (const [name, ns, expected] of table) assert.deepEqual(searchNames(name, ns), expected, name);
  });

  it('reads every target form', () => {
    const table: [string, unknown][] = [
      ['http://web:8080/api', { scheme: 'http', host: 'web', port: 8080, portGiven: true, path: '/api' }],
      ['web.shop:80', { scheme: 'http', host: 'web.shop', port: 80, portGiven: true, path: '/' }],
      ['172.18.0.3:30080', { scheme: 'http', host: '172.18.0.3', port: 30080, portGiven: true, path: '/' }],
      ['Blog.Example.com/route2?x=1', { scheme: 'http', host: 'blog.example.com', port: 80, portGiven: false, path: '/route2' }],
      ['https://secure.local', { scheme: 'https', host: 'secure.local', port: 443, portGiven: false, path: '/' }],
    ];
    for (const [text, expected] of table) assert.deepEqual(parseRequestTarget(text), expected, text);
    for (const bad of ['', 'http://', 'web:0', 'web:70000', 'ftp://x', 'a b']) assert.ok('problem' in parseRequestTarget(bad), bad);
  });

  it('matches Ingress paths as upstream: element-wise Prefix, Exact, longest wins, Exact before Prefix on a tie', () => {
    const rule = (path: string, pathType: string) => ({
      ing: {} as KObject,
      host: undefined,
      path,
      pathType,
      backend: { service: { name: `${pathType}:${path}` } },
    });
    const rules = [
      rule('/', 'Prefix'),
      rule('/foo', 'Prefix'),
      rule('/foo/bar/', 'Prefix'),
      rule('/foo/bar', 'Exact'),
      rule('/aaa/bb', 'ImplementationSpecific'),
    ];
    const table: [string, string | undefined][] = [
      ['/foo', 'Prefix:/foo'],
      ['/foo/', 'Prefix:/foo'],
      ['/foobar', 'Prefix:/'],
      ['/foo/bar', 'Exact:/foo/bar'],
      ['/foo/bar/', 'Prefix:/foo/bar/'],
      ['/foo/bar/baz', 'Prefix:/foo/bar/'],
      ['/aaa/bbb', 'Prefix:/'],
      ['/aaa/bb/c', 'ImplementationSpecific:/aaa/bb'],
    ];
    for (const [path, expected] of table) assert.equal(bestPath(rules, path)?.backend.service?.name, expected, path);
    assert.equal(bestPath([rule('/foo', 'Exact')], '/foo/'), undefined);
  });

  it('picks each of n endpoints with probability 1/n (kube-proxy statistic walk)', () => {
    const random = seededRandom(42);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40000; i++) counts[pickIndex(4, random)]++;
    for (const c of counts) assert.ok(Math.abs(c - 10000) < 400, String(counts));
    assert.equal(pickIndex(1, random), 0);
  });

  describe('stop reasons', () => {
    const sim = Simulator.create();
    const deploy = (name: string, replicas: number, port: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', ports: [port] }], ...extra } },
      },
    });
    const svc = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
    applyVerb(
      sim,
      [
        deploy('api', 2, { name: 'web', containerPort: 9000 }),
        svc('api', { selector: { app: 'api' }, ports: [{ port: 80, targetPort: 'web' }] }),
        svc('api-badname', { selector: { app: 'api' }, ports: [{ port: 80, targetPort: 'http' }] }),
        deploy('stuck', 1, { containerPort: 80 }, { nodeSelector: { disk: 'ssd' } }),
        svc('stuck', { selector: { app: 'stuck' }, ports: [{ port: 80 }] }),
      ].map((obj) => ({ obj, source: { file: 'x.yaml', line: 1 } })),
    );
    const inside: RequestOrigin = { kind: 'client', namespace: 'default' };
    const run = (target: string, origin: RequestOrigin = inside, count = 1) => traceRequest(sim.store, { target, origin, count }) as RequestTrace;
    const table: [string, RequestOrigin, string | null][] = [
      ['api:80', inside, null],
      ['api-badname:80', inside, 'ConnectionRefused'],
      ['stuck:80', inside, 'ConnectionRefused'],
      ['api:9000', inside, 'ConnectionTimedOut'],
      ['no-such-svc', inside, 'NXDOMAIN'],
      ['10.1.2.3:80', inside, 'ConnectionTimedOut'],
      ['x.local/', { kind: 'outside' }, 'NotFound404'],
    ];
    for (const [target, origin, code] of table) {
      it(`${target} from ${origin.kind} → ${code ?? 'answered'}`, () => {
        const r = run(target, origin);
        assert.equal(r.error?.code ?? null, code, JSON.stringify(r.hops));
        assert.equal(r.answeredBy === null, code !== null);
      });
    }

    it('resolves a named targetPort per pod and answers on the container port', () => {
      const r = run('api:80');
      assert.equal(r.answeredBy?.port, 9000);
      assert.deepEqual(
        r.hops.map((h) => h.kind),
        ['Client', 'DNS', 'Service', 'Endpoints', 'kube-proxy', 'Pod'],
      );
    });

    it('a ClusterIP and a pod IP are not reachable from outside', () => {
      const clusterIP = sim.get('Service', 'default', 'api')!.spec.clusterIP;
      assert.equal(run(`${clusterIP}:80`, { kind: 'outside' }).error?.code, 'ConnectionTimedOut');
      assert.equal(run(`${clusterIP}:80`).answeredBy?.port, 9000);
      const pod = sim.snapshot().pods.find((p) => p.name.startsWith('api-'))!;
      assert.equal(run(`${pod.ip}:9000`, { kind: 'outside' }).error?.code, 'ConnectionTimedOut');
      assert.equal(run(`${pod.ip}:9000`).answeredBy?.pod, `default/${pod.name}`);
      assert.equal(run(`${pod.ip}:9001`).error?.code, 'ConnectionRefused');
    });

    it('a pod answers only on the ports its image really listens on (the simulation profile)', () => {
      const profile = [{ image: 'nginx:1.27', listens: [8080] }];
      const withProfile = (target: string) => traceRequest(sim.store, { target, origin: inside, profile }) as RequestTrace;
      // The Service's named targetPort resolves to the declared 9000, where the process does not listen.
      const r = withProfile('api:80');
      assert.equal(r.error?.code, 'ConnectionRefused');
      assert.match(r.hops.at(-1)!.result, /nothing listens on port 9000 \(its containers listen on: 8080\)/);
      const pod = sim.snapshot().pods.find((p) => p.name.startsWith('api-'))!;
      assert.equal(withProfile(`${pod.ip}:8080`).answeredBy?.port, 8080);
      // readyAfterSeconds: started, not serving yet.
      const slow = [{ image: 'nginx:1.27', readyAfterSeconds: 3600 }];
      const early = traceRequest(sim.store, { target: `${pod.ip}:9000`, origin: inside, profile: slow }) as RequestTrace;
      assert.equal(early.error?.code, 'ConnectionRefused');
      assert.match(early.hops.at(-1)!.result, /still starting/);
    });

    it('spreads --count over the ready pods and gives the same spread every time', () => {
      const a = run('api:80', inside, 200);
      assert.equal(Object.keys(a.distribution.answered).length, 2);
      for (const n of Object.values(a.distribution.answered)) assert.ok(n > 70, JSON.stringify(a.distribution));
      assert.deepEqual(run('api:80', inside, 200), a);
    });
  });
});
