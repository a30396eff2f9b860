// The dependency keys an index update reports (workspaceIndex changedKeys): a file opened,
// closed or emptied (one side empty) takes a short way that writes no positions out; it must
// report what the general comparison reports. An object that provides nothing changes no key,
// so adding one to both sides forces the general comparison on the same lists.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { changedKeys, WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import type { IndexedObject } from '../../../server/src/workspace/indexedObject';
import { ChunkCache, parseFile } from '../../../server/src/yaml/parsedFile';
import { generateManifests } from '../../../bench/manifestGenerator';

const cm = (name: string, ns: string, keys: string[]) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${ns}\ndata:\n${keys.map((k) => `  ${k}: x\n`).join('') || '  {}\n'}`;

/** Objects of several files and kinds, some with the same keys (same names, namespaces, pods). */
function pool(): IndexedObject[] {
  const chunks = new ChunkCache();
  const idx = new WorkspaceIndex(chunks);
  idx.setEditorFile('file:///w/gen.yaml', parseFile(generateManifests(12), chunks));
  idx.setEditorFile('file:///w/gen2.yaml', parseFile(generateManifests(6), chunks));
  idx.setEditorFile('file:///w/cm.yaml', parseFile([cm('app-0-config', 'default', ['config']), cm('a', 'x', ['k']), cm('a', 'y', [])].join('---\n'), chunks));
  return [...idx.objectsIn('file:///w/gen.yaml'), ...idx.objectsIn('file:///w/gen2.yaml'), ...idx.objectsIn('file:///w/cm.yaml')];
}

const objects = pool();
const providesNothing = { ...objects[0], provides: [] } as IndexedObject;
const general = (removed: IndexedObject[], added: IndexedObject[]) => changedKeys([...removed, providesNothing], [...added, providesNothing]);

describe('changedKeys', () => {
  it('the pool has objects providing keys, some keys provided twice', () => {
    const keys = objects.flatMap((o) => o.provides.map(([k]) => k));
    assert.ok(keys.length > 40);
    assert.ok(new Set(keys).size < keys.length);
  });

  it('with one side empty: every key of the other side, as the general comparison says', () => {
    fc.assert(
      fc.property(fc.subarray(objects), fc.boolean(), (list, opened) => {
        const [removed, added] = opened ? [[], list] : [list, []];
        const fast = changedKeys(removed, added);
        assert.deepEqual([...fast], [...general(removed, added)]);
        assert.deepEqual([...fast], [...new Set(list.flatMap((o) => o.provides.map(([k]) => k)))]);
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('with both sides: unchanged when an object providing nothing is added to both', () => {
    fc.assert(
      fc.property(fc.subarray(objects, { minLength: 1 }), fc.subarray(objects, { minLength: 1 }), (removed, added) => {
        assert.deepEqual([...changedKeys(removed, added)], [...general(removed, added)]);
      }),
      { seed: 6, numRuns: 200 },
    );
  });

  const at = (o: IndexedObject, line: number): IndexedObject => ({ ...o, line });
  const cases: [string, () => [IndexedObject[], IndexedObject[]], number][] = [
    ['nothing', () => [[], []], 0],
    ['the same objects', () => [objects.slice(0, 5), objects.slice(0, 5)], 0],
    ['an object moved down a line', () => [[objects[0]], [at(objects[0], objects[0].line + 1)]], objects[0].provides.length],
    ['an object opened', () => [[], [objects[0]]], objects[0].provides.length],
  ];
  for (const [name, lists, n] of cases)
    it(`${name}: ${n} keys`, () => {
      const [removed, added] = lists();
      assert.equal(changedKeys(removed, added).size, n);
    });
});
