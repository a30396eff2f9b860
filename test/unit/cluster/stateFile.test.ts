// The state file: version 2 writes repeated sub-objects once; version 1 files (every build
// before it) still load, to the same cluster, and are rewritten as version 2 on the next save.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadState, saveState } from '../../../server/src/cluster/persistence/stateFile';
import { compactObjects, expandObjects } from '../../../server/src/cluster/persistence/compactObjects';
import { Simulator } from '../../../server/src/cluster/simulator';
import type { KObject } from '../../../server/src/cluster/types';
import { SeededIds } from '../../../server/src/util/seededIds';

const deployment = (name: string, replicas: number): KObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: `example/${name}:1`, ports: [{ containerPort: 8080 }] }] } },
    },
  }) as unknown as KObject;
const service = (name: string): KObject =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }] } }) as unknown as KObject;

function cluster(): Simulator {
  const sim = Simulator.create();
  sim.apply([deployment('web', 4), service('web'), deployment('api', 2), service('api')].map((obj) => ({ obj })));
  return sim;
}

describe('state file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kubemate-state-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes version 2 with repeated sub-objects as references and reads back every object exactly (key order included)', () => {
    const state = cluster().serialize();
    const path = join(dir, 's.json');
    saveState(path, state);
    const raw = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(raw.version, 2);
    assert.ok(readFileSync(path, 'utf8').includes('{"$ref":'));
    assert.ok(readFileSync(path, 'utf8').length < JSON.stringify(state).length);
    const loaded = loadState(path);
    assert.equal(loaded.kind, 'ok');
    if (loaded.kind !== 'ok') return;
    assert.equal(JSON.stringify(loaded.state.store), JSON.stringify(state.store));
    assert.deepEqual(loaded.state.kubelet, state.kubelet);
  });

  it('reads a version-1 file (no references) as the same cluster, and saves it as version 2', () => {
    const sim = cluster();
    const v1 = { ...sim.serialize(), version: 1 };
    const path = join(dir, 'old.json');
    writeFileSync(path, JSON.stringify(v1) + '\n');
    const loaded = loadState(path);
    assert.equal(loaded.kind, 'ok');
    if (loaded.kind !== 'ok') return;
    const again = Simulator.fromState(loaded.state);
    assert.equal(JSON.stringify(again.serialize().store), JSON.stringify(sim.serialize().store));
    // The next command continues from it and writes the new format.
    again.apply([deployment('web', 5)].map((obj) => ({ obj })));
    saveState(path, again.serialize());
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).version, 2);
    const reread = loadState(path);
    assert.equal(reread.kind === 'ok' && reread.state.store.objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('web-')).length, 5);
  });

  const refused: [string, (raw: { store: { objects: unknown[] } }) => void][] = [
    ['a reference to no earlier value', (raw) => (raw.store.objects[0] = { ...(raw.store.objects[0] as object), spec: { $ref: 999999 } })],
    ['a reference that is not a whole number', (raw) => (raw.store.objects[0] = { ...(raw.store.objects[0] as object), spec: { $ref: 0.5 } })],
  ];
  for (const [name, damage] of refused)
    it(`refuses a damaged version-2 file: ${name}`, () => {
      const path = join(dir, 'bad.json');
      saveState(path, cluster().serialize());
      const raw = JSON.parse(readFileSync(path, 'utf8'));
      damage(raw);
      writeFileSync(path, JSON.stringify(raw));
      const r = loadState(path);
      assert.deepEqual([r.kind, r.kind === 'invalid' && r.reason], ['invalid', 'foreign']);
    });
});

describe('compactObjects / expandObjects', () => {
  // Values that look like the encoding's own markers must survive too.
  const KEYS = ['a', 'b', '$ref', '$lit', 'spec', 'metadata'];
  function value(ids: SeededIds, depth: number): unknown {
    const r = ids.next();
    if (depth > 3 || r < 0.3) return [0, 1, 'x', true, null, 'a long enough string value'][Math.floor(ids.next() * 6)];
    if (r < 0.5) return Array.from({ length: Math.floor(ids.next() * 3) }, () => value(ids, depth + 1));
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(ids.next() * 3); i >= 0; i--) o[KEYS[Math.floor(ids.next() * KEYS.length)]] = value(ids, depth + 1);
    return o;
  }

  it('round-trips 300 random object lists, repeats and marker-like values included', () => {
    const ids = new SeededIds(5);
    for (let n = 0; n < 300; n++) {
      const pool = Array.from({ length: 3 }, () => value(ids, 1));
      const objects = Array.from({ length: 1 + Math.floor(ids.next() * 6) }, (_, i) => {
        const o: Record<string, unknown> = { kind: 'X', metadata: { name: `o${i}`, labels: pool[i % 3] } };
        for (const k of ['spec', 'status', '$ref', '$lit']) if (ids.next() < 0.6) o[k] = ids.next() < 0.5 ? pool[Math.floor(ids.next() * 3)] : value(ids, 1);
        return o as unknown as KObject;
      });
      const before = JSON.stringify(objects);
      const c = compactObjects(objects);
      assert.equal(JSON.stringify(objects), before, 'the input is not modified');
      const back = expandObjects(JSON.parse(JSON.stringify(c)));
      assert.equal(JSON.stringify(back), before, `case ${n}`);
    }
  });

  it('expanded copies are independent objects (the simulator modifies objects in place)', () => {
    const labels = { app: 'web', tier: 'frontend-long-enough' };
    const objects = [0, 1].map((i) => ({
      kind: 'Pod',
      metadata: { name: `p${i}`, labels: { ...labels } },
      spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
    })) as unknown as KObject[];
    const text = JSON.stringify(compactObjects(objects));
    assert.equal((text.match(/"\$ref"/g) ?? []).length, 2);
    const [a, b] = expandObjects(JSON.parse(text)) as unknown as { metadata: { labels: Record<string, string> } }[];
    a.metadata.labels.app = 'changed';
    assert.equal(b.metadata.labels.app, 'web');
  });
});
