// Navigation across files on the index: definition, references, CodeLens titles, kind links,
// and completion of names, keys, ports and labels from the workspace.
import { strict as assert } from 'node:assert';
import { caret } from '../../helpers/caret';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { ChunkCache, parseFile } from '../../../server/src/yaml/parsedFile';
import { definition, references } from '../../../server/src/features/navigation/navigation';
import { codeLenses } from '../../../server/src/features/navigation/codeLenses';
import { documentLinks } from '../../../server/src/features/navigation/documentLinks';
import { crossCompletion } from '../../../server/src/features/navigation/crossCompletion';
import { loadSchema } from '../../../server/src/schema/schema';
import { setLanguage } from '../../../server/src/util/l10n';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  LOG_LEVEL: info\n  MODE: fast\n';
const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: x\n';
const SVC = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n    - {name: http, port: 80, targetPort: http}\n';
const DEPLOY = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 3',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata:',
  '      labels: {app: web, tier: fe}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx',
  '          ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]',
  '          envFrom: [{configMapRef: {name: app-config}}]',
  '          env:',
  '            - name: A',
  '              valueFrom: {configMapKeyRef: {name: app-config, key: MODE}}',
  '',
].join('\n');

const u = (n: string) => `file:///ws/${n}`;

function ws(extra: Record<string, string> = {}): WorkspaceIndex {
  const idx = new WorkspaceIndex();
  for (const [n, t] of Object.entries({ 'cm.yaml': CM, 'secret.yaml': SECRET, 'svc.yaml': SVC, 'deploy.yaml': DEPLOY, ...extra })) idx.setDiskFile(u(n), t);
  return idx;
}

const at = (list: { uri: string; range: { start: { line: number } } }[]) => list.map((l) => `${l.uri.slice(11)}:${l.range.start.line}`);

describe('navigation across files', () => {
  it('goes from a reference to the ConfigMap, and from a key to the key', () => {
    const idx = ws();
    assert.deepEqual(at(definition(idx, u('deploy.yaml'), { line: 15, character: 47 })), ['cm.yaml:3']);
    assert.deepEqual(at(definition(idx, u('deploy.yaml'), { line: 18, character: 68 })), ['cm.yaml:6']);
  });

  it('goes from a Service selector to the pod templates, and from targetPort to the container port', () => {
    const idx = ws();
    assert.deepEqual(at(definition(idx, u('svc.yaml'), { line: 5, character: 4 })), ['deploy.yaml:9']);
    assert.deepEqual(at(definition(idx, u('svc.yaml'), { line: 7, character: 40 })), ['deploy.yaml:14']);
  });

  it('finds every consumer of a ConfigMap, and of one of its keys', () => {
    const idx = ws();
    assert.deepEqual(at(references(idx, u('cm.yaml'), { line: 3, character: 9 }, true)), ['cm.yaml:3', 'deploy.yaml:15', 'deploy.yaml:18']);
    assert.deepEqual(at(references(idx, u('cm.yaml'), { line: 6, character: 3 }, false)), ['deploy.yaml:18']);
  });

  it('finds the Services selecting a workload, from its labels or its name', () => {
    const idx = ws();
    assert.deepEqual(at(references(idx, u('deploy.yaml'), { line: 9, character: 10 }, false)), ['svc.yaml:5']);
    assert.deepEqual(at(references(idx, u('deploy.yaml'), { line: 3, character: 9 }, false)), ['svc.yaml:5']);
  });

  it('titles CodeLenses with what is selected and who uses what', () => {
    setLanguage('en');
    const idx = ws({ 'svc2.yaml': SVC.replace('name: web', 'name: none').replace('{app: web}', '{app: nope}') });
    assert.deepEqual(
      codeLenses(idx, u('svc.yaml')).map((l) => l.title),
      ['selects 3 pods (Deployment/web)'],
    );
    assert.deepEqual(
      codeLenses(idx, u('svc2.yaml')).map((l) => l.title),
      ['selects no pods'],
    );
    assert.deepEqual(
      codeLenses(idx, u('cm.yaml')).map((l) => l.title),
      ['used by 1 workload (Deployment/web)'],
    );
    assert.deepEqual(
      codeLenses(idx, u('secret.yaml')).map((l) => l.title),
      ['not used by any workload in the workspace'],
    );
    assert.deepEqual(
      codeLenses(idx, u('deploy.yaml')).map((l) => l.title),
      ['selected by Service/web'],
    );
    setLanguage('zh-cn');
    assert.deepEqual(
      codeLenses(idx, u('svc.yaml')).map((l) => l.title),
      ['选中 3 个 Pod（Deployment/web）'],
    );
    setLanguage('en');
  });

  it('links kinds to kubernetes.io, in Chinese for Chinese users, not for custom resources', () => {
    const schema = loadSchema();
    const file = parseFile(`${DEPLOY}---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n`);
    assert.deepEqual(
      documentLinks(schema, file, 'en').map((l) => [l.range.start.line, l.target]),
      [[1, 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/']],
    );
    assert.equal(
      documentLinks(schema, parseFile(SVC), 'zh-cn')[0].target,
      'https://kubernetes.io/zh-cn/docs/reference/kubernetes-api/service-resources/service-v1/',
    );
  });
});

describe('completion from the workspace', () => {
  const complete = (source: string, extra: Record<string, string> = {}) => {
    const { text, offset } = caret(source);
    const chunks = new ChunkCache();
    const idx = ws(extra);
    const file = parseFile(text, chunks);
    idx.setEditorFile(u('new.yaml'), file);
    return crossCompletion(idx, u('new.yaml'), file, offset).map((i) => i.label);
  };
  const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

  const cases: [string, string, string[]][] = [
    [
      'ConfigMap names in configMapKeyRef',
      pod(
        '  containers:\n    - name: c\n      image: i\n      env:\n        - name: A\n          valueFrom:\n            configMapKeyRef:\n              name: |\n',
      ),
      ['app-config'],
    ],
    [
      'keys of the named ConfigMap',
      pod(
        '  containers:\n    - name: c\n      image: i\n      env:\n        - name: A\n          valueFrom:\n            configMapKeyRef:\n              name: app-config\n              key: |\n',
      ),
      ['LOG_LEVEL', 'MODE'],
    ],
    ['Secret names in a volume', pod('  containers: [{name: c, image: i}]\n  volumes:\n    - name: s\n      secret:\n        secretName: |\n'), ['db']],
    [
      'keys in volume items',
      pod('  containers: [{name: c, image: i}]\n  volumes:\n    - name: s\n      configMap:\n        name: app-config\n        items:\n          - key: |\n'),
      ['LOG_LEVEL', 'MODE'],
    ],
    ['ServiceAccount names (default first known)', pod('  serviceAccountName: |\n  containers: [{name: c, image: i}]\n'), ['default', 'builder']],
    [
      'Service ports in an Ingress backend',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port:\n        name: |\n',
      ['http'],
    ],
    [
      'container ports for a Service targetPort',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector: {app: web}\n  ports:\n    - port: 80\n      targetPort: |\n',
      ['http', 'metrics', '8080', '9090'],
    ],
    ['labels for a Service selector', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector:\n    |\n', ['app: web', 'tier: fe']],
    ['label values for a selector key', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector:\n    app: |\n', ['web']],
    [
      'pod template labels from Services',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n      labels:\n        |\n',
      ['app: web'],
    ],
    ['nothing elsewhere', pod('  containers:\n    - name: c\n      image: |\n'), []],
  ];
  for (const [name, source, expected] of cases) {
    it(name, () =>
      assert.deepEqual(complete(source, { 'sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n' }).sort(), [...expected].sort()),
    );
  }
});
