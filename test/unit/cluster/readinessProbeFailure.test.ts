// A pod that runs but never turns Ready because its readiness probe fails (the tutorial mistake: a
// readinessProbe on a port the program does not listen on, or on a path it does not serve), and a
// slow start: each failed probe is a `Warning Unhealthy  Readiness probe failed: …` event, repeats
// counted on one event; the pod stays Running (not restarted), its Ready condition is False with
// ContainersNotReady, and its address is in notReadyAddresses / an EndpointSlice endpoint with
// ready=false. describe pod and Why? say so.
// upstream: pkg/kubelet/prober/prober.go (recordContainerEvent "%s probe failed: %s"),
// pkg/probe/http/http.go ("HTTP probe failed with statuscode: %d"), worker.go (startup first).
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../server/src/cluster/simulator';
import type { ImageBehaviour } from '../../../server/src/cluster/runtime/simulationProfile';
import type { KEvent } from '../../../server/src/cluster/events';
import type { KObject, Pod } from '../../../server/src/cluster/types';
import { explainWhy } from '../../../server/src/cluster/why/explainWhy';
import { describeText } from '../../../server/src/kubectl/verbs/describe';

const simulation: ImageBehaviour[] = [
  { image: 'web:port80', listens: [80] },
  { image: 'web:root-only', listens: [80], httpPaths: ['/'] },
  { image: 'web:slow', readyAfterSeconds: 25 },
  { image: 'web:slow-port80', listens: [80], readyAfterSeconds: 22 },
];

interface Probe {
  path?: string;
  port: number;
  tcp?: boolean;
  startup?: boolean;
}

function deploy(image: string, probe: Probe): KObject[] {
  const readinessProbe = probe.tcp ? { tcpSocket: { port: probe.port } } : { httpGet: { path: probe.path ?? '/', port: probe.port } };
  const container: Record<string, unknown> = { name: 'web', image, ports: [{ containerPort: 80 }], readinessProbe };
  if (probe.startup) container.startupProbe = { httpGet: { path: '/', port: 80 }, periodSeconds: 5, failureThreshold: 30 };
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container] } },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] },
    },
  ] as KObject[];
}

function run(image: string, probe: Probe) {
  const sim = Simulator.create({ simulation });
  sim.apply(deploy(image, probe).map((obj) => ({ obj, source: { file: 'web.yaml', line: 1 } })));
  const pod = sim.store.list<Pod>('Pod').find((p) => p.metadata.name.startsWith('web-')) as Pod;
  const unhealthy = (type = 'Readiness') =>
    sim.events.about(pod).filter((e: KEvent) => e.reason === 'Unhealthy' && e.message.startsWith(`${type} probe failed`));
  return { sim, pod, unhealthy };
}

describe('readiness probe failures', () => {
  // image, probe → the Unhealthy message (IP elided), its count a minute after apply (the container
  // starts 8 s in: probes at 0, 10 … 50 s of its life), Ready then
  const table: [string, string, Probe, string | undefined, number, boolean][] = [
    [
      'wrong port',
      'web:port80',
      { port: 8080, path: '/' },
      'Readiness probe failed: Get "http://IP:8080/": dial tcp IP:8080: connect: connection refused',
      6,
      false,
    ],
    ['wrong port, tcpSocket', 'web:port80', { port: 8080, tcp: true }, 'Readiness probe failed: dial tcp IP:8080: connect: connection refused', 6, false],
    ['wrong path', 'web:root-only', { port: 80, path: '/healthz' }, 'Readiness probe failed: HTTP probe failed with statuscode: 404', 6, false],
    ['right path', 'web:root-only', { port: 80, path: '/' }, undefined, 0, true],
    [
      'slow start: probes at 0, 10, 20 s fail, 30 s passes',
      'web:slow',
      { port: 80, path: '/' },
      'Readiness probe failed: Get "http://IP:80/": dial tcp IP:80: connect: connection refused',
      3,
      true,
    ],
    // the startup probe passes at 25 s; readiness probes before that are skipped, so 30, 40, 50 s fail
    [
      'readiness waits for the startup probe',
      'web:slow-port80',
      { port: 8080, path: '/', startup: true },
      'Readiness probe failed: Get "http://IP:8080/": dial tcp IP:8080: connect: connection refused',
      3,
      false,
    ],
  ];
  for (const [what, image, probe, message, count, ready] of table) {
    it(`${what} → ${message ? `${count} × Unhealthy` : 'no Unhealthy event'}, ${ready ? 'Ready' : 'not Ready'}`, () => {
      const { pod, unhealthy } = run(image, probe);
      const ip = pod.status.podIP ?? '';
      const events = unhealthy();
      assert.deepEqual(
        events.map((e) => [e.type, e.message.split(ip).join('IP'), e.count, e.source.component]),
        message ? [['Warning', message, count, 'kubelet']] : [],
      );
      assert.equal(pod.status.phase, 'Running');
      assert.equal(pod.status.containerStatuses?.[0].ready, ready);
      assert.equal(pod.status.containerStatuses?.[0].restartCount, 0, 'a readiness failure does not restart the container');
      const cond = pod.status.conditions?.find((c) => c.type === 'Ready');
      assert.deepEqual([cond?.status, cond?.reason], ready ? ['True', undefined] : ['False', 'ContainersNotReady']);
    });
  }

  it('startup probe failures before it passes are evented too, and the container is not restarted', () => {
    // probes every 5 s; the process answers from 22 s: 0, 5, 10, 15, 20 s fail, 25 s passes
    const { pod, unhealthy } = run('web:slow-port80', { port: 80, path: '/', startup: true });
    const ip = pod.status.podIP ?? '';
    assert.deepEqual(
      unhealthy('Startup').map((e) => [e.message.split(ip).join('IP'), e.count]),
      [['Startup probe failed: Get "http://IP:80/": dial tcp IP:80: connect: connection refused', 5]],
    );
    assert.equal(pod.status.containerStatuses?.[0].restartCount, 0);
    assert.equal(pod.status.containerStatuses?.[0].started, true);
  });

  it('the pod address is not ready in Endpoints and EndpointSlice; time passing counts more failures on the same event', () => {
    const { sim, pod, unhealthy } = run('web:port80', { port: 8080, path: '/' });
    const ep = sim.get('Endpoints', 'default', 'web') as KObject & { subsets?: { addresses?: unknown[]; notReadyAddresses?: { ip: string }[] }[] };
    assert.equal(ep.subsets?.[0].addresses, undefined);
    assert.deepEqual(
      ep.subsets?.[0].notReadyAddresses?.map((a) => a.ip),
      [pod.status.podIP],
    );
    const slice = sim.store
      .list<KObject & { endpoints?: { addresses: string[]; conditions: { ready: boolean } }[] }>('EndpointSlice')
      .find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web');
    assert.deepEqual(
      slice?.endpoints?.map((e) => [e.addresses[0], e.conditions.ready]),
      [[pod.status.podIP, false]],
    );
    const { count, firstTimestamp, lastTimestamp } = unhealthy()[0];
    sim.advance(60_000);
    const later = unhealthy();
    assert.equal(later.length, 1, 'one event, its count bumped');
    assert.deepEqual([later[0].count, later[0].firstTimestamp], [count + 6, firstTimestamp]);
    assert.equal(Date.parse(later[0].lastTimestamp) - Date.parse(lastTimestamp), 60_000);
  });

  it('describe pod shows the probe, the Ready condition and the aggregated event', () => {
    const { sim, pod } = run('web:root-only', { port: 80, path: '/healthz' });
    const text = describeText(sim, sim.get('Pod', 'default', pod.metadata.name) as KObject);
    assert.match(text, /Readiness: +http-get http:\/\/:80\/healthz delay=0s timeout=1s period=10s #success=1 #failure=3/);
    assert.match(text, /^ {2}Ready +False *$/m);
    assert.match(text, /^ {2}ContainersReady +False *$/m);
    assert.match(text, /Warning +Unhealthy +1s \(x6 over 51s\) +kubelet +Readiness probe failed: HTTP probe failed with statuscode: 404\n/);
    assert.match(text, /Decided by: deployment\/web spec\.template\.spec\.containers\[0\]\.readinessProbe\.httpGet\.path/);
  });

  // probe → the field Why? points at and what its cause names
  const why: [string, string, Probe, string, RegExp][] = [
    ['wrong port', 'web:port80', { port: 8080, path: '/' }, 'spec.template.spec.containers[0].readinessProbe.httpGet.port', /port 8080[\s\S]*nothing listens/],
    ['wrong tcp port', 'web:port80', { port: 8080, tcp: true }, 'spec.template.spec.containers[0].readinessProbe.tcpSocket.port', /port 8080/],
    ['wrong path', 'web:root-only', { port: 80, path: '/healthz' }, 'spec.template.spec.containers[0].readinessProbe.httpGet.path', /\/healthz[\s\S]*404/],
  ];
  for (const [what, image, probe, field, cause] of why) {
    it(`Why? for a ${what}: the field and the cause`, () => {
      const { sim, pod } = run(image, probe);
      const w = explainWhy(sim.store, sim.get('Pod', 'default', pod.metadata.name) as KObject);
      assert.equal(w?.condition, 'ReadinessFailing');
      assert.equal(w?.field?.path, field);
      assert.match(w?.text.cause ?? '', cause);
      assert.match(w?.text.event ?? '', /^Warning Unhealthy: Readiness probe failed: /);
    });
  }
});
