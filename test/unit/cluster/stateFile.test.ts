// The state file: version 2 writes repeated sub-objects once, version 3 recorded events as rows of
// a string table; version 1 and 2 files (every build before) still load, to the same cluster, and
// are rewritten as version 3 on the next save.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadState, saveState } from '../../../server/src/cluster/persistence/stateFile';
import { compactObjects, expandObjects } from '../../../server/src/cluster/persistence/compactObjects';
import { expandSiblings, siblingObjects } from '../../../server/src/cluster/persistence/siblingObjects';
import { packEvents, unpackEvents } from '../../../server/src/cluster/persistence/eventTable';
import { materialise, recordFromFields } from '../../../server/src/cluster/eventRecord';
import { Simulator, SimulatorState } from '../../../server/src/cluster/simulator';
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

/** An Event a user applied: kept as an object, not a recorded event. */
const userEvent = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'web.note' },
  involvedObject: { kind: 'Deployment', name: 'web' },
  reason: 'Noted',
  message: 'applied by hand',
  type: 'Normal',
} as unknown as KObject;

function cluster(): Simulator {
  const sim = Simulator.create();
  sim.apply([deployment('web', 4), service('web'), userEvent, deployment('api', 2), service('api')].map((obj) => ({ obj })));
  return sim;
}

/** The objects as version 1 and 2 files held them: every Event in full, at its kind's place. */
function fullObjects(state: SimulatorState): KObject[] {
  const events = (state.store.events ?? []).map((e) => ('metadata' in e ? e : materialise(recordFromFields(e))));
  return (state.store.kinds ?? []).flatMap((k) => (k === 'Event' ? events : state.store.objects.filter((o) => o.kind === k)));
}

/** The same cluster as an older build wrote it. */
function olderFile(sim: Simulator, version: 1 | 2): string {
  const { events: _, kinds: __, ...store } = sim.serialize().store;
  const objects = fullObjects(sim.serialize());
  return JSON.stringify({ ...sim.serialize(), version, store: { ...store, objects: version === 1 ? objects : compactObjects(objects) } }) + '\n';
}

describe('state file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kubemate-state-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes version 3: values repeating the previous sibling as markers, recorded events as rows; reads back every object exactly (key order included)', () => {
    const state = cluster().serialize();
    const path = join(dir, 's.json');
    saveState(path, state);
    const text = readFileSync(path, 'utf8');
    const raw = JSON.parse(text);
    assert.equal(raw.version, 3);
    assert.ok(text.includes('"containers":{"$same":1}'));
    assert.ok(text.length < JSON.stringify(state).length);
    assert.equal(
      raw.store.objects.some((o: KObject) => o.kind === 'Event'),
      false,
    );
    const rows = raw.store.events.rows as unknown[];
    assert.deepEqual(
      [rows.filter(Array.isArray).length > 10, rows.filter((r) => !Array.isArray(r)).map((r) => (r as KObject).metadata.name)],
      [true, ['web.note']],
    );
    const loaded = loadState(path);
    assert.equal(loaded.kind, 'ok');
    if (loaded.kind !== 'ok') return;
    assert.equal(JSON.stringify(loaded.state.store), JSON.stringify(state.store));
    assert.deepEqual(loaded.state.kubelet, state.kubelet);
  });

  for (const version of [1, 2] as const)
    it(`reads a version-${version} file (events in full) as the same cluster — recorded events become records again — and saves it as version 3`, () => {
      const sim = cluster();
      const path = join(dir, 'old.json');
      writeFileSync(path, olderFile(sim, version));
      const loaded = loadState(path);
      assert.equal(loaded.kind, 'ok');
      if (loaded.kind !== 'ok') return;
      const again = Simulator.fromState(loaded.state);
      assert.equal(JSON.stringify(again.serialize().store), JSON.stringify(sim.serialize().store));
      assert.deepEqual(fullObjects(again.serialize()), fullObjects(sim.serialize()));
      // The next command continues from it and writes the new format.
      again.apply([deployment('web', 5)].map((obj) => ({ obj })));
      saveState(path, again.serialize());
      assert.equal(JSON.parse(readFileSync(path, 'utf8')).version, 3);
      const reread = loadState(path);
      assert.equal(reread.kind === 'ok' && reread.state.store.objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('web-')).length, 5);
    });

  it('keeps an Event of an older file that no record can stand for (here: labelled) as the object', () => {
    const raw = JSON.parse(olderFile(cluster(), 1)) as { store: { objects: KObject[] } };
    const changed = raw.store.objects.find((o) => o.kind === 'Event' && o.metadata.name.startsWith('web-')) as KObject & { message: string };
    changed.metadata.labels = { note: 'edited' };
    const path = join(dir, 'changed.json');
    writeFileSync(path, JSON.stringify(raw));
    const loaded = loadState(path);
    assert.ok(loaded.kind === 'ok');
    const events = Simulator.fromState(loaded.state).serialize().store.events ?? [];
    assert.deepEqual(
      events.filter((e) => 'metadata' in e),
      [(JSON.parse(olderFile(cluster(), 1)) as { store: { objects: KObject[] } }).store.objects.find((o) => o.metadata.name === 'web.note'), changed],
    );
  });

  type Raw = { store: { objects: unknown[]; events?: { strings: unknown[]; rows: unknown[][] } } };
  const firstRow = (raw: Raw) => raw.store.events!.rows.find(Array.isArray)!;
  const refused: [string, (raw: Raw) => void][] = [
    ['a repeat with no earlier sibling', (raw) => (raw.store.objects[0] = { ...(raw.store.objects[0] as object), spec: { taints: { $same: 1 } } })],
    [
      'a repeat marker that is not 1',
      (raw) => ((raw.store.objects.find((o) => JSON.stringify(o).includes('{"$same":1}')) as { spec: Record<string, unknown> }).spec.containers = { $same: 2 }),
    ],
    ['no event table', (raw) => delete raw.store.events],
    ['an event row naming a string that is not in the table', (raw) => (firstRow(raw)[4] = raw.store.events!.strings.length)],
    ['an event row of the wrong length', (raw) => firstRow(raw).pop()],
    ['an event row holding text', (raw) => (firstRow(raw)[0] = 'x')],
    ['an event type that is neither Normal nor Warning', (raw) => (firstRow(raw)[7] = firstRow(raw)[6])],
    ['a string table holding a number', (raw) => raw.store.events!.strings.push(5)],
  ];
  for (const [name, damage] of refused)
    it(`refuses a damaged state file: ${name}`, () => {
      const path = join(dir, 'bad.json');
      saveState(path, cluster().serialize());
      const raw = JSON.parse(readFileSync(path, 'utf8'));
      damage(raw);
      writeFileSync(path, JSON.stringify(raw));
      const r = loadState(path);
      assert.deepEqual([r.kind, r.kind === 'invalid' && r.reason], ['invalid', 'foreign']);
    });
});

describe('packEvents / unpackEvents', () => {
  it('round-trips recorded events (absent namespace, uid and host included) and Event objects, in order', () => {
    const events = [
      {
        rv: 7,
        seq: 1,
        kind: 'Pod',
        ns: 'default',
        name: 'p',
        uid: 'u-1',
        apiVersion: 'v1',
        type: 'Normal',
        reason: 'Scheduled',
        message: 'Successfully assigned default/p to n',
        component: 'default-scheduler',
        host: undefined,
        first: 'T0',
        last: 'T0',
        count: 1,
      },
      userEvent,
      {
        rv: 5,
        seq: 9,
        kind: 'Node',
        ns: undefined,
        name: 'n',
        uid: undefined,
        apiVersion: 'v1',
        type: 'Warning',
        reason: 'Rebooted',
        message: 'n',
        component: 'kubelet',
        host: 'n',
        first: 'T0',
        last: 'T1',
        count: 3,
      },
    ] as Parameters<typeof packEvents>[0];
    const packed = JSON.parse(JSON.stringify(packEvents(events)));
    assert.equal(JSON.stringify(unpackEvents(packed)), JSON.stringify(events));
    assert.deepEqual(packed.rows[2].slice(0, 2), [8, -2], 'seq and resourceVersion as steps');
    assert.ok(packed.strings.filter((s: string) => s === 'n').length === 1, 'each text once');
  });
});

// Version 3 writes siblingObjects; version 2 files were written with compactObjects and are still read.
const codecs: [string, (objects: readonly KObject[]) => unknown[], (objects: unknown[]) => KObject[], RegExp][] = [
  ['siblingObjects / expandSiblings', siblingObjects, expandSiblings, /"\$same"/g],
  ['compactObjects / expandObjects', compactObjects, expandObjects, /"\$ref"/g],
];
for (const [title, write, read, marker] of codecs)
  describe(title, () => {
    // Values that look like the encoding's own markers must survive too.
    const KEYS = ['a', 'b', '$ref', '$same', '$lit', 'spec', 'metadata'];
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
          const generateName = ['a-', 'b-', undefined][Math.floor(ids.next() * 3)];
          const o: Record<string, unknown> = { kind: ids.next() < 0.8 ? 'X' : 'Y', metadata: { name: `o${i}`, generateName, labels: pool[i % 3] } };
          for (const k of ['spec', 'status', '$ref', '$same', '$lit'])
            if (ids.next() < 0.6) o[k] = ids.next() < 0.5 ? pool[Math.floor(ids.next() * 3)] : value(ids, 1);
          return o as unknown as KObject;
        });
        const before = JSON.stringify(objects);
        const c = write(objects);
        assert.equal(JSON.stringify(objects), before, 'the input is not modified');
        const back = read(JSON.parse(JSON.stringify(c)));
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
      const text = JSON.stringify(write(objects));
      assert.equal((text.match(marker) ?? []).length, 2);
      const [a, b] = read(JSON.parse(text)) as unknown as { metadata: { labels: Record<string, string> } }[];
      a.metadata.labels.app = 'changed';
      assert.equal(b.metadata.labels.app, 'web');
    });
  });
