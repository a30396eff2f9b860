// kustomize without kustomize: the built-in rendering on the project's fixtures, and — where
// kubectl is on the PATH — the same objects as `kubectl kustomize` produces.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { renderKustomization } from '../../../server/src/kustomize/renderKustomization';
import { generatorHash } from '../../../server/src/kustomize/generators';
import { strategicMerge, jsonPatch } from '../../../server/src/kustomize/patches';
import { splitImage } from '../../../server/src/kustomize/transforms';
import { diskKustomizeFs } from '../../../server/src/cli/diskKustomizeFs';
import { renderWithBestTool } from '../../../server/src/cli/kubectlKustomize';
import type { KustomizeFs } from '../../../server/src/kustomize/kustomizeFs';

const FIX = resolve('test/fixtures/kustomize');
// biome-ignore lint/suspicious/noExplicitAny: rendered objects are walked as plain JSON
type O = Record<string, any>;

function memFs(files: Record<string, string>): KustomizeFs {
  const abs = Object.fromEntries(Object.entries(files).map(([k, v]) => [resolve('/mem', k), v]));
  return {
    readText: (p) => abs[p],
    isDirectory: (p) => Object.keys(abs).some((f) => f.startsWith(p + '/')),
  };
}

function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore', timeout: 10000 });
    return true;
  } catch {
    return false;
  }
}

describe('kustomize, built in', () => {
  const prod = renderKustomization(join(FIX, 'overlays/prod'), diskKustomizeFs);
  const byKind = (k: string) => prod.objects.map((r) => r.object as O).filter((o) => o.kind === k);

  it('renders the overlay in kustomize order with no problems', () => {
    assert.deepEqual(prod.problems, []);
    assert.deepEqual(
      prod.objects.map((r) => `${r.object.kind}/${(r.object as O).metadata.name}`),
      [
        'ConfigMap/prod-combat-config-8789cdcg26',
        'Secret/prod-combat-secret-fcdcm925dt',
        'Service/prod-k8s-combat-service',
        'Deployment/prod-k8s-combat',
        'Ingress/prod-k8s-combat-ingress',
      ],
    );
  });

  it('generators: merge behaviour, files, quotes stripped, hash suffix referenced by the workload', () => {
    const cm = byKind('ConfigMap')[0];
    assert.deepEqual(cm.data, { MODE: 'prod', LOG_LEVEL: 'info', 'app.properties': 'greeting=hello <world> & friends\n' });
    const c = byKind('Deployment')[0].spec.template.spec.containers[0];
    assert.equal(c.envFrom[0].configMapRef.name, 'prod-combat-config-8789cdcg26');
    assert.equal(c.env[0].valueFrom.secretKeyRef.name, 'prod-combat-secret-fcdcm925dt');
  });

  it('transformers: namespace, prefix with references, labels into selectors, annotations, images, replicas, patches', () => {
    const d = byKind('Deployment')[0];
    assert.equal(d.metadata.namespace, 'prod');
    assert.equal(d.spec.replicas, 3);
    assert.deepEqual(d.spec.selector.matchLabels, { app: 'k8s-combat', env: 'prod' });
    assert.deepEqual(d.spec.template.metadata.annotations, { owner: 'team-a' });
    assert.equal(d.spec.template.spec.containers[0].image, 'crossoverjie/k8s-combat:v2');
    assert.deepEqual(d.spec.template.spec.containers[0].resources, { limits: { memory: '256Mi' } });
    assert.deepEqual(byKind('Service')[0].spec.selector, { app: 'k8s-combat', env: 'prod' });
    const ing = byKind('Ingress')[0];
    assert.equal(ing.spec.rules[0].host, 'prod.service1.io');
    assert.equal(ing.spec.rules[0].http.paths[0].backend.service.name, 'prod-k8s-combat-service');
  });

  it('keeps where each object came from', () => {
    const d = prod.objects.find((r) => r.object.kind === 'Deployment');
    assert.equal(d?.file, join(FIX, 'base/deployment.yaml'));
    const cm = prod.objects.find((r) => r.object.kind === 'ConfigMap');
    assert.deepEqual(cm?.generated, { generator: 'configMapGenerator', name: 'combat-config' });
  });

  it('says what it could not do, never throws, never goes online', () => {
    const r = renderKustomization(join(FIX, 'overlays/broken'), diskKustomizeFs);
    const messages = r.problems.map((p) => `${p.severity}: ${p.message.replace(FIX, '<fix>')}`);
    assert.ok(
      messages.some((m) => /^warning: .*remote resource "https:\/\/github\.com\/example\/app\/\/deploy\?ref=v1" skipped/.test(m)),
      messages.join('\n'),
    );
    assert.ok(messages.some((m) => /^error: .*resource "missing\.yaml" not found/.test(m)));
    assert.ok(messages.some((m) => /^information: .*Helm charts are not rendered/.test(m)));
    assert.ok(messages.some((m) => /^warning: .*matches no resource/.test(m)));
    assert.equal(r.objects.length, 5);
  });

  const edge: [string, Record<string, string>, (r: ReturnType<typeof renderKustomization>) => void][] = [
    [
      'a file outside the folder is refused as kustomize does',
      { 'app/kustomization.yaml': 'resources: [../x.yaml]\n', 'x.yaml': 'kind: ConfigMap\n' },
      (r) => assert.match(r.problems[0].message, /outside the kustomization folder/),
    ],
    [
      'a cycle is reported',
      { 'a/kustomization.yaml': 'resources: [../b]\n', 'b/kustomization.yaml': 'resources: [../a]\n' },
      (r) => assert.match(r.problems.map((p) => p.message).join(), /cycle/),
    ],
    ['not YAML', { 'a/kustomization.yaml': 'resources: [\n' }, (r) => assert.match(r.problems[0].message, /not valid YAML/)],
    ['a folder without kustomization', { 'a/x.yaml': 'a: 1\n' }, (r) => assert.match(r.problems[0].message, /has no kustomization\.yaml/)],
    [
      'disableNameSuffixHash',
      { 'a/kustomization.yaml': 'generatorOptions: {disableNameSuffixHash: true}\nconfigMapGenerator: [{name: c, literals: [A=1]}]\n' },
      (r) => assert.equal((r.objects[0].object as O).metadata.name, 'c'),
    ],
    [
      'wrong shapes are ignored, not fatal',
      { 'a/kustomization.yaml': 'resources: 7\nimages: nope\nconfigMapGenerator: [{literals: [A]}, 3]\nnamespace: [x]\n' },
      (r) => assert.deepEqual(r.objects, []),
    ],
  ];
  for (const [name, files, check] of edge) {
    it(name, () => check(renderKustomization(resolve('/mem', Object.keys(files)[0].split('/')[0]), memFs(files))));
  }

  it("hash: kustomize's encoding (name left out, Go JSON, letter swaps)", () => {
    assert.equal(generatorHash({ kind: 'ConfigMap', data: { MODE: 'base' } }), 'btf6f9dc9c');
    assert.equal(generatorHash({ kind: 'Secret', type: 'Opaque', data: { PASSWORD: 'czNjcmV0', USER: 'YXBw' } }), '492d55tcmm');
  });

  it('strategic merge: by merge key, $patch delete, null deletes', () => {
    const target = {
      spec: {
        containers: [
          { name: 'a', image: 'x' },
          { name: 'b', image: 'y' },
        ],
        nodeSelector: { disk: 'ssd' },
      },
    };
    strategicMerge(target, {
      spec: {
        containers: [
          { name: 'a', image: 'x2' },
          { name: 'b', $patch: 'delete' },
          { name: 'c', image: 'z' },
        ],
        nodeSelector: null,
      },
    });
    assert.deepEqual(target, {
      spec: {
        containers: [
          { name: 'a', image: 'x2' },
          { name: 'c', image: 'z' },
        ],
      },
    });
  });

  it('JSON patch: add, remove, replace, test failures reported', () => {
    const doc: O = { spec: { replicas: 1, list: [1, 2] } };
    assert.deepEqual(
      jsonPatch(doc, [
        { op: 'add', path: '/spec/list/-', value: 3 },
        { op: 'remove', path: '/spec/list/0' },
        { op: 'replace', path: '/spec/replicas', value: 4 },
      ]),
      {},
    );
    assert.deepEqual(doc, { spec: { replicas: 4, list: [2, 3] } });
    assert.equal(jsonPatch(doc, [{ op: 'replace', path: '/spec/nope', value: 1 }]).reason, 'missing');
  });

  const images: [string, object][] = [
    ['nginx', { name: 'nginx', digest: undefined }],
    ['nginx:1.25', { name: 'nginx', tag: '1.25', digest: undefined }],
    ['reg.io:5000/team/app:1.0@sha256:abc', { name: 'reg.io:5000/team/app', tag: '1.0', digest: 'sha256:abc' }],
    ['reg.io:5000/team/app', { name: 'reg.io:5000/team/app', digest: undefined }],
  ];
  for (const [image, want] of images) it(`splitImage ${image}`, () => assert.deepEqual(splitImage(image), want));
});

describe('kustomize, the real one when it is there', () => {
  const kubectl = hasKubectl();
  it('the built-in rendering equals `kubectl kustomize` on the fixtures (skipped without kubectl)', function () {
    if (!kubectl) this.skip();
    for (const dir of ['base', 'overlays/prod']) {
      const real = parseAllDocuments(execFileSync('kubectl', ['kustomize', join(FIX, dir)], { encoding: 'utf8' })).map((d) => d.toJS());
      const ours = renderKustomization(join(FIX, dir), diskKustomizeFs).objects.map((r) => r.object);
      assert.deepEqual(ours, real, dir);
    }
  });
  it('renderWithBestTool uses kubectl when present, the built-in otherwise, and says which', function () {
    const withTool = renderWithBestTool(join(FIX, 'overlays/prod'));
    assert.equal(withTool.renderer, kubectl ? 'kubectl' : 'built-in');
    const without = renderWithBestTool(join(FIX, 'overlays/prod'), { PATH: '/nonexistent' });
    assert.equal(without.renderer, 'built-in');
    assert.deepEqual(
      without.objects.map((r) => r.object),
      withTool.objects.map((r) => r.object),
    );
    // Remote resources: never handed to an external tool.
    assert.equal(renderWithBestTool(join(FIX, 'overlays/broken')).renderer, 'built-in');
  });
});

describe('kubemate apply -k', () => {
  async function run(args: string[]) {
    const { runCli } = await import('../../../server/src/cli/main');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd: process.cwd() }, { PATH: '/nonexistent' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  it('applies the rendered overlay: the namespace must exist first, as in a real cluster', async () => {
    const r = await run(['apply', '-k', 'test/fixtures/kustomize/overlays/prod']);
    assert.equal(r.code, 1);
    assert.match(r.err, /namespaces "prod" not found/);
    assert.match(r.err, /built-in kustomize/);
  });
  it('applies the base: generated names with their hash, pods created', async () => {
    const r = await run(['apply', '-k', 'test/fixtures/kustomize/base', '-o', 'json']);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.ok(
      json.applied.some((a: { kind: string; name: string }) => a.kind === 'ConfigMap' && /^combat-config-[a-z0-9]{10}$/.test(a.name)),
      JSON.stringify(json.applied),
    );
    assert.equal(json.pods.length, 1);
  });
  it('-f and -k together are refused as kubectl refuses them', async () => {
    const r = await run(['apply', '-k', 'test/fixtures/kustomize/base', '-f', 'x.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.err, /Only one of -f or -k/);
  });
});
