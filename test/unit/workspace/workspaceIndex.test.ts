// The workspace index: what it extracts, how it stays current, what each change reports.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { parseFile, ChunkCache } from '../../../server/src/yaml/parsedFile';
import { extractObjects } from '../../../server/src/workspace/extractObjects';
import { scanFolder, canonicalUri, isSkippedPath } from '../../../server/src/handlers/workspaceScan';

const cm = (name: string, keys: string[], ns?: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}${ns ? `\n  namespace: ${ns}` : ''}\ndata:\n${keys.map((k) => `  ${k}: x\n`).join('')}`;
const consumer = (cmName: string, key: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox\n      env:\n        - name: A\n          valueFrom:\n            configMapKeyRef: {name: ${cmName}, key: ${key}}\n`;

describe('workspace index', () => {
  it('extracts identity, namespace (default, explicit, cluster-scoped), labels, references with ranges', () => {
    const idx = new WorkspaceIndex();
    idx.setDiskFile(
      'file:///w/a.yaml',
      `${cm('cfg', ['A'], 'shop')}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n${consumer('cfg', 'A')}`,
    );
    const [c, n, p] = idx.objectsIn('file:///w/a.yaml');
    assert.deepEqual([c.kind, c.namespace, c.explicitNamespace, c.name], ['ConfigMap', 'shop', 'shop', 'cfg']);
    assert.deepEqual([n.kind, n.namespace], ['Namespace', '']);
    assert.deepEqual([p.kind, p.namespace, p.explicitNamespace, p.line], ['Pod', 'default', undefined, 12]);
    assert.deepEqual(
      c.keys?.map((k) => k.key),
      ['A'],
    );
    const ref = p.refs[0];
    assert.deepEqual([ref.target, ref.via, ref.name, ref.keys[0].key, ref.container], ['ConfigMap', 'env', 'cfg', 'A', 'c']);
    // Ranges are relative to the document (which starts at its `---` line): the `cfg` value.
    assert.deepEqual(ref.range, { start: { line: 12, character: 36 }, end: { line: 12, character: 39 } });
  });

  it('reads the items of a kind: List', () => {
    const idx = new WorkspaceIndex();
    idx.setDiskFile(
      'file:///w/l.yaml',
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: b}\n',
    );
    assert.deepEqual(
      idx.objectsIn('file:///w/l.yaml').map((o) => `${o.kind}/${o.name}`),
      ['ConfigMap/a', 'Secret/b'],
    );
  });

  it('skips templates, non-Kubernetes YAML and disabled files', () => {
    const idx = new WorkspaceIndex();
    idx.setDiskFile('file:///w/t.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n');
    idx.setDiskFile('file:///w/c.yaml', 'version: "3"\nservices: {web: {image: nginx}}\n');
    idx.setDiskFile('file:///w/d.yaml', '# kubemate: disable\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
    assert.equal(idx.allObjects().length, 0);
  });

  it('caches extraction on the parsed chunk: an unchanged document is not re-extracted', () => {
    const chunks = new ChunkCache();
    const a = parseFile(`${cm('a', ['X'])}---\n${cm('b', ['Y'])}`, chunks);
    const b = parseFile(`${cm('a', ['X'])}---\n${cm('b', ['Y', 'Z'])}`, chunks);
    assert.equal(a.documents[0].chunk, b.documents[0].chunk);
    assert.equal(extractObjects(a.documents[0].chunk), extractObjects(b.documents[0].chunk));
    assert.notEqual(extractObjects(a.documents[1].chunk), extractObjects(b.documents[1].chunk));
  });

  it('an update reports only the dependency keys whose facts changed', () => {
    const idx = new WorkspaceIndex();
    idx.setDiskFile('file:///w/cm.yaml', cm('cfg', ['A']));
    idx.setDiskFile('file:///w/pod.yaml', consumer('cfg', 'A'));
    // A new key in the ConfigMap: its consumer depends on it.
    const changed = idx.setDiskFile('file:///w/cm.yaml', cm('cfg', ['A', 'B']));
    assert.ok(changed.has('obj:ConfigMap|default|cfg'));
    assert.deepEqual([...idx.dependentUris(changed)], ['file:///w/pod.yaml']);
    // The same text again: nothing changed.
    assert.equal(idx.setDiskFile('file:///w/cm.yaml', cm('cfg', ['A', 'B'])).size, 0);
    // A change nobody reads (the value of a key): the ConfigMap's keys are the same.
    assert.equal(idx.setDiskFile('file:///w/cm.yaml', cm('cfg', ['A', 'B']).replace('B: x', 'B: y')).size, 0);
  });

  it('an open editor wins over the file on disk; closing it brings the disk text back', () => {
    const chunks = new ChunkCache();
    const idx = new WorkspaceIndex(chunks);
    idx.setDiskFile('file:///w/cm.yaml', cm('on-disk', ['A']));
    idx.setEditorFile('file:///w/cm.yaml', parseFile(cm('in-editor', ['A']), chunks));
    assert.deepEqual(
      idx.ofKind('ConfigMap').map((o) => o.name),
      ['in-editor'],
    );
    idx.setDiskFile('file:///w/cm.yaml', cm('saved-elsewhere', ['A']));
    assert.deepEqual(
      idx.ofKind('ConfigMap').map((o) => o.name),
      ['in-editor'],
    );
    idx.closeEditor('file:///w/cm.yaml');
    assert.deepEqual(
      idx.ofKind('ConfigMap').map((o) => o.name),
      ['saved-elsewhere'],
    );
    idx.removeDiskFile('file:///w/cm.yaml');
    assert.equal(idx.fileCount, 0);
  });

  it('an editor without a file on disk disappears when closed', () => {
    const idx = new WorkspaceIndex();
    idx.setEditorFile('untitled:Untitled-1', parseFile(cm('a', [])));
    assert.equal(idx.ofKind('ConfigMap').length, 1);
    idx.closeEditor('untitled:Untitled-1');
    assert.equal(idx.ofKind('ConfigMap').length, 0);
  });

  it('keeps unchanged objects of an edited file (same instances) and re-indexes the rest', () => {
    const chunks = new ChunkCache();
    const idx = new WorkspaceIndex(chunks);
    idx.setEditorFile('file:///w/m.yaml', parseFile(`${cm('a', ['X'])}---\n${cm('b', ['Y'])}`, chunks));
    const [a1, b1] = idx.objectsIn('file:///w/m.yaml');
    idx.setEditorFile('file:///w/m.yaml', parseFile(`${cm('a', ['X'])}---\n${cm('b', ['Y']).replace('Y: x', 'Y: z')}`, chunks));
    const [a2, b2] = idx.objectsIn('file:///w/m.yaml');
    assert.equal(a1, a2);
    assert.notEqual(b1, b2);
  });

  it('stops at maxFiles and counts what it refused', () => {
    const idx = new WorkspaceIndex(new ChunkCache(), 2);
    for (const n of ['a', 'b', 'c']) idx.setDiskFile(`file:///w/${n}.yaml`, cm(n, []));
    assert.equal(idx.fileCount, 2);
    assert.equal(idx.skippedFiles, 1);
  });

  it('finds the pods a selector matches through the label index', () => {
    const idx = new WorkspaceIndex();
    const dep = (name: string, labels: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector: {matchLabels: ${labels}}\n  template:\n    metadata: {labels: ${labels}}\n    spec: {containers: [{name: c, image: i}]}\n`;
    idx.setDiskFile('file:///w/d.yaml', `${dep('web', '{app: web, tier: fe}')}---\n${dep('api', '{app: api, tier: be}')}`);
    const sel = {
      type: 'map' as const,
      selector: { app: 'web' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      block: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    };
    assert.deepEqual(
      idx.podsMatching('default', sel).map((o) => o.name),
      ['web'],
    );
    assert.deepEqual(idx.podsMatching('other', sel), []);
  });
});

describe('workspace scan (disk)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kubemate-scan-'));
    const put = (p: string, text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n') => {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), text);
    };
    put('k8s/app.yaml');
    put('k8s/app.yml');
    put('k8s/notes.txt');
    put('node_modules/pkg/x.yaml');
    put('.git/config.yaml');
    put('chart/Chart.yaml', 'apiVersion: v2\nname: c\nversion: 1.0.0\n');
    put('chart/values.yaml', 'replicas: 1\n');
    put('chart/templates/deploy.yaml', 'kind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n');
    put('plain/templates/keep.yaml');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds manifests, skipping node_modules, .git and Helm chart templates', () => {
    const files = scanFolder(dir, 100).files.map((f) => f.slice(dir.length + 1).replace(/\\/g, '/'));
    assert.deepEqual(files, ['chart/Chart.yaml', 'chart/values.yaml', 'k8s/app.yaml', 'k8s/app.yml', 'plain/templates/keep.yaml']);
    assert.ok(isSkippedPath(dir, join(dir, 'chart', 'templates', 'deploy.yaml')));
    assert.ok(isSkippedPath(dir, join(dir, 'node_modules', 'pkg', 'x.yaml')));
    assert.ok(!isSkippedPath(dir, join(dir, 'plain', 'templates', 'keep.yaml')));
  });

  it('stops at maxFiles', () => {
    const r = scanFolder(dir, 2);
    assert.equal(r.files.length, 2);
    assert.ok(r.truncated);
  });

  it('spells file URIs one way', () => {
    assert.equal(canonicalUri('file:///c%3A/Users/me/app.yaml'), canonicalUri('file:///c:/Users/me/app.yaml'));
    assert.equal(canonicalUri('file:///work/my%20app/a.yaml'), 'file:///work/my%20app/a.yaml');
    assert.equal(canonicalUri('untitled:Untitled-1'), 'untitled:Untitled-1');
  });
});
