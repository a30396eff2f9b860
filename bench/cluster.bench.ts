// Benchmark (not a test): 1,000 Deployments × 10 replicas + 1,000 Services (10,000 pods) applied
// to a fresh simulated cluster until it is stable, compared with the time `yaml` needs to parse
// the same text. Targets: apply ≤ 1 s, apply/parse ≤ 3×. Run: node out/bench/cluster.bench.js
// BENCH_CRASH_PERCENT=10: that share of the Deployments runs an image whose process exits 3 s
// after it starts (a simulation profile entry), so their pods crash-loop through the apply.
import { parseAllDocuments } from 'yaml';
import { performance } from 'node:perf_hooks';
import { Simulator } from '../server/src/cluster/simulator';
import { explainAll } from '../server/src/cluster/why/explainWhy';
import { traceRequest } from '../server/src/cluster/network/traceRequest';

const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 1000);
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 10);
const CRASH_PERCENT = Number(process.env.BENCH_CRASH_PERCENT ?? 0);
const crashes = (i: number) => CRASH_PERCENT > 0 && i % Math.round(100 / CRASH_PERCENT) === 0;
/** Every Nth Deployment reads a ConfigMap that does not exist (its pods: CreateContainerConfigError); 0: none. */
const BROKEN_EVERY = Number(process.env.BENCH_BROKEN_EVERY ?? 0);

function manifests(): string {
  const docs: string[] = [];
  for (let i = 0; i < DEPLOYMENTS; i++) {
    const name = `app-${String(i).padStart(4, '0')}`;
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  replicas: ${REPLICAS}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
        tier: backend
    spec:
      containers:
        - name: app
          image: registry.local/${crashes(i) ? 'crash' : name}:v1
          ports:
            - name: http
              containerPort: 8080
          resources:
            requests:
              cpu: 10m
              memory: 16Mi
          env:
            - name: MODE
${BROKEN_EVERY && i % BROKEN_EVERY === 0 ? '              valueFrom:\n                configMapKeyRef:\n                  name: missing\n                  key: MODE' : '              value: bench'}`);
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http`);
  }
  return docs.join('\n---\n') + '\n';
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function main(): void {
  const text = manifests();
  // Large enough nodes for 10,000 pods (110 pods per node would stop the scheduler first).
  const nodes = Simulator.create()
    .store.list('Node')
    .map((n, i) => {
      const c = JSON.parse(JSON.stringify(n));
      delete c.metadata.uid;
      delete c.metadata.resourceVersion;
      delete c.metadata.creationTimestamp;
      c.status.allocatable.pods = c.status.capacity.pods = '6000';
      c.spec.podCIDR = `10.${100 + i}.0.0/16`;
      c.spec.podCIDRs = [c.spec.podCIDR];
      c.status.allocatable.cpu = c.status.capacity.cpu = '64';
      c.status.allocatable.memory = c.status.capacity.memory = '256Gi';
      return c;
    });
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;

  const t0 = performance.now();
  const docs = parseAllDocuments(text);
  const objects = (Array.isArray(docs) ? docs : [docs]).map((d) => d.toJS() as Record<string, unknown>);
  const parseMs = performance.now() - t0;

  const sim = Simulator.create({
    nodes,
    simulation: CRASH_PERCENT > 0 ? [{ image: 'registry.local/crash:v1', exit: { code: 1, afterSeconds: 3 } }] : undefined,
  });
  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  const result = sim.apply(objects.map((obj) => ({ obj })));
  const applyMs = performance.now() - t1;
  const applyCpu = process.cpuUsage(cpu1);
  const heapAfter = process.memoryUsage().heapUsed;

  const t2 = performance.now();
  const why = explainAll(sim.store, (ns) => ns === 'default');
  const whyMs = performance.now() - t2;
  const t3 = performance.now();
  const trace = traceRequest(sim.store, { target: 'http://app-0001:80/', origin: { kind: 'client', namespace: 'default' }, count: 1000 });
  const requestMs = performance.now() - t3;
  const pods = sim.store.list('Pod').filter((p) => p.metadata.namespace === 'default');
  const running = pods.filter((p) => p.status?.phase === 'Running').length;
  const crashLooping = pods.filter((p) =>
    p.status?.containerStatuses?.some((c) => c.state.waiting?.reason === 'CrashLoopBackOff' || (c.restartCount ?? 0) > 0),
  ).length;
  const rows: [string, string][] = [
    ['documents', String(objects.length)],
    ['text size', mb(text.length)],
    ['pods (running)', `${pods.length} (${running})`],
    ['pods crash-looping', `${crashLooping} (${CRASH_PERCENT}% of the Deployments crash)`],
    ['controller rounds', `${result.rounds}${result.stable ? '' : ' (NOT stable)'}`],
    ['events recorded', String(sim.store.count('Event'))],
    ['yaml parse', `${parseMs.toFixed(0)} ms`],
    ['apply to stable', `${applyMs.toFixed(0)} ms   (target ≤ 1000 ms: ${applyMs <= 1000 ? 'met' : 'MISSED'})`],
    ['apply / parse', `${(applyMs / parseMs).toFixed(2)}×   (target ≤ 3×: ${applyMs / parseMs <= 3 ? 'met' : 'MISSED'})`],
    // All threads (the collector's helpers too); on a loaded machine it moves less than the wall time.
    ['apply CPU time', `${((applyCpu.user + applyCpu.system) / 1000).toFixed(0)} ms (user + system)`],
    ['Why? of every object', `${whyMs.toFixed(0)} ms (${why.length} explanations)`],
    [
      'request --count 1000',
      `${requestMs.toFixed(0)} ms (${'problem' in trace ? trace.problem : Object.keys(trace.distribution.answered).length + ' pods answered'})`,
    ],
    ['heap used', `${mb(heapAfter)} (+${mb(heapAfter - heapBefore)} during parse + apply)`],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`KubeMate cluster benchmark${CRASH_PERCENT ? ` (${CRASH_PERCENT}% crash-looping)` : ''}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
}

main();
