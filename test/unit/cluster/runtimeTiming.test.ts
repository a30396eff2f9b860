// Table tests for the kubelet's timing rules: the crash / pull back-off (10 s doubling to 5 min,
// forgotten after 10 min), probe schedules and thresholds, image references, profile matching
// and validation.
import * as assert from 'node:assert/strict';
import { goDuration, inBackoffSince, inBackoffSinceUpdate, nextBackoff, BackoffTable } from '../../../server/src/cluster/runtime/backoff';
import { failureAt, livenessKillAt, probeAtOrAfter, probeTimes, successAt } from '../../../server/src/cluster/runtime/probeTiming';
import { normalizeImageRef } from '../../../server/src/cluster/runtime/imagePull';
import { behaviourFor, readSimulationProfile } from '../../../server/src/cluster/runtime/simulationProfile';
import { loadClusterProfile } from '../../../server/src/cluster/clusterProfile';

const S = 1_000_000;

/** Restart a container that always runs `runS` seconds: the delay before each restart (kubelet doBackOff). */
function restartDelays(runS: number, restarts: number): number[] {
  const table: BackoffTable = {};
  const delays: number[] = [];
  let now = S;
  for (let i = 0; i < restarts; i++) {
    const finished = now + runS * 1000;
    let t = finished + 1000; // the kubelet's next look
    while (inBackoffSince(table, 'c', finished, t)) t = finished + table.c.backoffMs;
    nextBackoff(table, 'c', finished, t);
    delays.push((t - finished) / 1000);
    now = t;
  }
  return delays;
}

describe('cluster/runtime timing', () => {
  it('crash back-off: first restart at once, then 10 s doubling to the 5 min cap', () => {
    assert.deepEqual(restartDelays(3, 9), [1, 10, 20, 40, 80, 160, 300, 300, 300]);
  });

  it('crash back-off: a container that ran more than 10 minutes restarts at once and starts again from 10 s', () => {
    assert.deepEqual(restartDelays(601, 3), [1, 1, 1]);
    const table: BackoffTable = {};
    nextBackoff(table, 'c', S, S);
    nextBackoff(table, 'c', S + 20_000, S + 20_000);
    assert.equal(table.c.backoffMs, 20_000);
    // upstream hasExpired: more than 2 × 5 min after the last update.
    for (const [gapS, expected] of [
      [600, 40_000],
      [601, 10_000],
    ] as const) {
      const t = { ...table, c: { ...table.c } };
      nextBackoff(t, 'c', S + 20_000 + gapS * 1000, S + 20_000 + gapS * 1000);
      assert.equal(t.c.backoffMs, expected, `gap ${gapS}s`);
    }
  });

  it('pull back-off: tries at 0, 10, 30, 70, 150, 310, 610, 910 s', () => {
    const table: BackoffTable = {};
    const tries: number[] = [];
    for (let t = S; tries.length < 8; t += 1000) {
      if (inBackoffSinceUpdate(table, 'img', t)) continue;
      tries.push((t - S) / 1000);
      nextBackoff(table, 'img', t, t);
    }
    assert.deepEqual(tries, [0, 10, 30, 70, 150, 310, 610, 910]);
  });

  it('Go durations as the kubelet prints back-offs', () => {
    for (const [ms, text] of [
      [10_000, '10s'],
      [80_000, '1m20s'],
      [300_000, '5m0s'],
    ] as const)
      assert.equal(goDuration(ms), text);
  });

  it('probe schedule: initialDelaySeconds, then every periodSeconds', () => {
    const p = probeTimes({ initialDelaySeconds: 5, periodSeconds: 10 });
    for (const [t, at] of [
      [0, 5],
      [5, 5],
      [6, 15],
      [25, 25],
      [26, 35],
    ] as const)
      assert.equal((probeAtOrAfter(p, S, S + t * 1000) - S) / 1000, at, `t=${t}`);
  });

  it('thresholds: successThreshold passes in a row, failureThreshold failures in a row (defaults 1 and 3, period 10)', () => {
    const table: [Record<string, number>, number, number, number][] = [
      // probe, process up at (s), ready at (s), killed at (s) by failures from the start
      [{}, 0, 0, 20],
      [{ initialDelaySeconds: 5 }, 0, 5, 25],
      [{ initialDelaySeconds: 5, successThreshold: 3, periodSeconds: 5 }, 0, 15, 15],
      [{ periodSeconds: 10 }, 45, 50, 20],
      [{ periodSeconds: 2, failureThreshold: 5 }, 7, 8, 8],
    ];
    for (const [spec, upS, readyS, failS] of table) {
      const p = probeTimes(spec);
      assert.equal((successAt(p, S, S + upS * 1000) - S) / 1000, readyS, JSON.stringify(spec));
      assert.equal((failureAt(p, S, S) - S) / 1000, failS, JSON.stringify(spec));
    }
  });

  it('liveness kill: early failures count only if failureThreshold fit before the process answers', () => {
    const p = probeTimes({ periodSeconds: 10, failureThreshold: 3 });
    const table: [number, number, number][] = [
      // up at (s), stops answering at (s), killed at (s)
      [45, Infinity, 20],
      [15, Infinity, Infinity],
      [15, 40, 60],
      [0, 33, 60],
      [Infinity, Infinity, 20],
    ];
    for (const [up, hang, kill] of table) assert.equal((livenessKillAt(p, S, S, S + up * 1000, S + hang * 1000) - S) / 1000, kill, `up ${up} hang ${hang}`);
  });

  it('image references as containerd resolves them', () => {
    for (const [image, ref] of [
      ['nginx', 'docker.io/library/nginx:latest'],
      ['nginx:1.27', 'docker.io/library/nginx:1.27'],
      ['crossoverjie/k8s-combat:v2', 'docker.io/crossoverjie/k8s-combat:v2'],
      ['registry.example.com/team/app', 'registry.example.com/team/app:latest'],
      ['localhost:5000/app:1', 'localhost:5000/app:1'],
      [`nginx@sha256:${'a'.repeat(64)}`, `docker.io/library/nginx@sha256:${'a'.repeat(64)}`],
      [`nginx:1.27@sha256:${'b'.repeat(64)}`, `docker.io/library/nginx@sha256:${'b'.repeat(64)}`],
      ['myOrg/app', 'myOrg/app:latest'],
      ['index.docker.io/redis:7', 'docker.io/library/redis:7'],
    ])
      assert.equal(normalizeImageRef(image), ref);
  });

  it('profile entries: the first match wins, * matches any run of characters', () => {
    const entries = [
      { image: 'nginx:1.27', pull: 'ok' as const },
      { image: 'nginx:*', pull: 'notFound' as const },
      { image: '*/private/*', pull: 'unauthorized' as const },
    ];
    for (const [image, pull] of [
      ['nginx:1.27', 'ok'],
      ['nginx:1.28', 'notFound'],
      ['registry.example.com/private/app:1', 'unauthorized'],
      ['nginx', undefined],
      ['redis:7', undefined],
    ] as const)
      assert.equal(behaviourFor(entries, image)?.pull, pull, image);
  });

  it('profile validation names the entry and the field', () => {
    const problems: string[] = [];
    const entries = readSimulationProfile(
      {
        kind: 'SimulationProfile',
        spec: {
          images: [
            { image: 'a', pull: 'maybe' },
            { image: 'b', exit: { code: 300 } },
            { image: 'c', memory: 'lots' },
            { image: 'd', listens: [0] },
            { image: 'e', readyAfterSeconds: -1 },
            { image: 'f', colour: 'red' },
            { pull: 'ok' },
            { image: 'g', httpPaths: ['healthz'] },
            {
              image: 'ok:1',
              exit: { code: 1 },
              memory: '64Mi',
              listens: [8080],
              httpPaths: ['/', '/healthz'],
              readyAfterSeconds: 5,
              livenessFailsAfterSeconds: 60,
            },
          ],
        },
      },
      'p.yaml:1',
      problems,
    );
    assert.deepEqual(entries, [
      {
        image: 'ok:1',
        exit: { code: 1, afterSeconds: 0 },
        memory: '64Mi',
        listens: [8080],
        httpPaths: ['/', '/healthz'],
        readyAfterSeconds: 5,
        livenessFailsAfterSeconds: 60,
      },
    ]);
    assert.deepEqual(problems, [
      'p.yaml:1: spec.images[0]: pull must be one of ok, notFound, unauthorized (found maybe).',
      'p.yaml:1: spec.images[1]: exit must be {code: 0-255, afterSeconds: a whole number of seconds ≥ 0}.',
      'p.yaml:1: spec.images[2]: memory is not a valid quantity: lots',
      'p.yaml:1: spec.images[3]: listens must be a list of port numbers (1-65535).',
      'p.yaml:1: spec.images[4]: readyAfterSeconds must be a whole number of seconds ≥ 0.',
      'p.yaml:1: spec.images[5]: unknown field "colour" (known: image, pull, exit, memory, readyAfterSeconds, listens, httpPaths, livenessFailsAfterSeconds, terminationSeconds).',
      'p.yaml:1: spec.images[6]: each entry needs "image" (an image or a pattern with *).',
      'p.yaml:1: spec.images[7]: httpPaths must be a list of paths that start with /.',
    ]);
  });

  it('a cluster profile with only a SimulationProfile keeps the default nodes', () => {
    const p = loadClusterProfile([{ obj: { kind: 'SimulationProfile', spec: { images: [{ image: 'x', pull: 'notFound' }] } }, file: 'c.yaml', line: 1 }]);
    assert.deepEqual(p, { nodes: undefined, simulation: [{ image: 'x', pull: 'notFound' }], problems: [] });
  });
});
