// "Send Request…" as a picture: the trace of the tutorial's requests laid over its topology —
// which boxes are on the path, which pod answered, where a request stopped, the --count spread
// on the pod boxes — and the hop list above the drawing, escaped.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { buildTopology } from '../../../client/src/webview/topologyModel';
import { requestHopsHtml, requestMarks, requestPicture } from '../../../client/src/webview/requestPicture';
import { traceOf } from '../../../server/src/kubectl/verbs/request';
import type { RequestTrace } from '../../../server/src/protocol/requestTrace';
import { clusterWith, fmt } from '../../helpers/clusterView';

const TUTORIAL = readFileSync('test/fixtures/cluster/tutorial.yaml', 'utf8');

describe('client: a request drawn over the topology', () => {
  const cluster = clusterWith(TUTORIAL);
  const topo = buildTopology(cluster.view(), { groupBy: 'owner', t: fmt });
  const pods = topo.boxes.filter((b) => b.kind === 'Pod').map((b) => b.id);
  const trace = (target: string, opts: { fromOutside?: boolean; count?: number } = {}): RequestTrace => {
    const r = traceOf(cluster.sim, target, { fromOutside: opts.fromOutside ?? false, namespace: 'default', count: opts.count ?? 1 });
    assert.ok(!('ok' in r), `a trace for ${target}`);
    return r;
  };
  const marksOf = (r: RequestTrace) => {
    const m = requestMarks(topo, r);
    return { path: [...m.path].sort(), answered: m.answered, stopped: m.stopped, counts: Object.fromEntries(m.counts) };
  };

  it('marks the boxes of each request (table)', () => {
    const ok = trace('http://k8s-combat:8081/ping');
    const answering = `Pod/${ok.answeredBy!.pod}`;
    const spread = trace('http://k8s-combat:8081/ping', { count: 10 });
    const ingress = trace('k8s-combat.local/ping', { fromOutside: true });
    const cases: [string, RequestTrace, ReturnType<typeof marksOf>][] = [
      [
        'Service → the pod kube-proxy picked',
        ok,
        { path: [answering, 'Service/default/k8s-combat'].sort(), answered: answering, stopped: null, counts: { [answering]: 1 } },
      ],
      [
        '--count 10: every pod that answered, with its count',
        spread,
        {
          path: [...pods, 'Service/default/k8s-combat'].sort(),
          answered: `Pod/${spread.answeredBy!.pod}`,
          stopped: null,
          counts: Object.fromEntries(Object.entries(spread.distribution.answered).map(([p, n]) => [`Pod/${p}`, n])),
        },
      ],
      [
        'Ingress → Service → pod',
        ingress,
        {
          path: [`Pod/${ingress.answeredBy!.pod}`, 'Ingress/default/k8s-combat', 'Service/default/k8s-combat'].sort(),
          answered: `Pod/${ingress.answeredBy!.pod}`,
          stopped: null,
          counts: { [`Pod/${ingress.answeredBy!.pod}`]: 1 },
        },
      ],
      [
        'a Service port it does not have: stops at the Service',
        trace('http://k8s-combat:9999/'),
        { path: ['Service/default/k8s-combat'], answered: null, stopped: 'Service/default/k8s-combat', counts: {} },
      ],
      ['NXDOMAIN: nothing drawn is on the path', trace('http://nowhere:80/'), { path: [], answered: null, stopped: null, counts: {} }],
    ];
    for (const [name, r, want] of cases) assert.deepEqual(marksOf(r), want, name);
    assert.equal(Object.keys(spread.distribution.answered).length, 2, 'the load test spreads over both ready pods');
    assert.equal(
      Object.values(spread.distribution.answered).reduce((a, b) => a + b, 0),
      10,
    );
  });

  it('the markup: the hop list, the answer, the path classes and the counts on the pod boxes', () => {
    const r = trace('http://k8s-combat:8081/ping', { count: 10 });
    const html = requestPicture(topo, r, fmt);
    assert.equal((html.match(/<li class="hop/g) ?? []).length, r.hops.length);
    assert.deepEqual(
      [...html.matchAll(/<span class="hop-kind">([^<]*)<\/span>/g)].map((m) => m[1]),
      ['Client', 'DNS', 'Service', 'Endpoints', 'kube-proxy', 'Pod'],
    );
    assert.match(html, new RegExp(`<p class="outcome answered">Answered by pod ${r.answeredBy!.pod} on worker-\\d \\(10\\.244\\.\\d+\\.\\d+:8081\\)\\.</p>`));
    assert.match(html, /<p class="spread">10 requests: default\/k8s-combat-[a-z0-9-]+ ×\d+, default\/k8s-combat-[a-z0-9-]+ ×\d+; no answer: 0\.<\/p>/);
    for (const [pod, n] of Object.entries(r.distribution.answered)) {
      const box = html.match(new RegExp(`<g class="box [a-z]+ onPath[^"]*" data-id="Pod/${pod}"[^]*?</g>`));
      assert.ok(box, `the box of ${pod} is on the path`);
      assert.match(box[0], new RegExp(`<text class="count"[^>]*>×${n}</text>`));
    }
    assert.equal((html.match(/class="edge endpoint onPath"/g) ?? []).length, 2, 'both Service → pod edges are highlighted');
    assert.ok(
      !/Ingress\/default\/k8s-combat" [^>]*onPath/.test(html) && !/class="box ok onPath[^"]*" data-id="Ingress/.test(html),
      'the Ingress is not on this path',
    );
  });

  it('a request that stops: the last hop and the stop reason stand out, no counts', () => {
    const r = trace('http://k8s-combat:9999/');
    const html = requestPicture(topo, r, fmt);
    assert.match(html, /<li class="hop stop"><span class="hop-kind">Service<\/span>/);
    assert.match(html, new RegExp(`<p class="outcome stopped">Stopped \\(${r.error!.code}\\): `));
    assert.match(html, /class="box [a-z]+ onPath stopped" data-id="Service\/default\/k8s-combat"/);
    assert.ok(!html.includes('class="count"') && !html.includes('class="spread"'));
  });

  it('escapes every text of the trace', () => {
    const evil = '<script>alert(1)</script>';
    const html = requestHopsHtml(
      {
        target: evil,
        hops: [{ kind: evil, name: `default/${evil}`, rule: `"'${evil}`, result: evil }],
        answeredBy: null,
        error: { code: evil, message: evil },
        distribution: { requests: 2, answered: { [`default/${evil}`]: 2 }, failed: 0 },
      },
      fmt,
    );
    assert.ok(!html.includes('<script>') && !html.includes(`"'`));
    assert.equal((html.match(/&lt;script&gt;/g) ?? []).length, 9);
  });
});
