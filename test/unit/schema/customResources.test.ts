// Custom resources: a workspace CRD's openAPIV3Schema (and the bundled schemas of common CRDs)
// validate, complete and hover their kinds like built-in ones — in `kubemate check` and the
// editor alike (both go through pipeline/workspaceSchema).
import { strict as assert } from 'node:assert';
import { loadSchema } from '../../../server/src/schema/schema';
import { parseFile } from '../../../server/src/yaml/parsedFile';
import { checkFiles } from '../../../server/src/pipeline/checkFiles';
import { normalizeLintSettings } from '../../../server/src/features/lint/lintConfig';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { workspaceSchema } from '../../../server/src/pipeline/workspaceSchema';
import { completion } from '../../../server/src/features/completion/completion';
import { hover } from '../../../server/src/features/hover/hover';
import { caret } from '../../helpers/caret';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              description: What the widget should be.
              required: [size]
              properties:
                size: {type: integer, description: How many parts the widget has.}
                ratio: {type: number}
                enabled: {type: boolean}
                color: {type: string, enum: [red, blue]}
                port: {x-kubernetes-int-or-string: true}
                since: {type: string, format: date-time}
                cidr: {type: string, format: cidr}
                extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
                labels: {type: object, additionalProperties: {type: string}}
                parts: {type: array, items: {type: object, required: [name], properties: {name: {type: string}}}}
                open: {type: object, x-kubernetes-preserve-unknown-fields: true, properties: {known: {type: string}}}
    - name: v0
      served: false
      storage: false
`;

const widget = (spec: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n${spec}`;

/** `file line:col code` for every schema finding of a workspace of (name, text) files (cross-file rules off). */
function check(files: [string, string][]): string[] {
  const inputs = files.map(([name, text]) => ({ uri: `file:///ws/${name}`, text, explicit: false }));
  return checkFiles(loadSchema(), inputs, { lint: normalizeLintSettings({ enabled: false }), crossFile: false }).flatMap((f) =>
    f.findings.map((d) => `${f.uri.slice('file:///ws/'.length)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`),
  );
}

const crOnly = (spec: string) =>
  check([
    ['crd.yaml', CRD],
    ['w.yaml', widget(spec)],
  ]).filter((r) => r.startsWith('w.yaml'));

describe('custom resources from workspace CRDs', () => {
  const cases: [string, string, string[]][] = [
    ['a valid widget', '  size: 3\n  ratio: 0.5\n  enabled: true\n  color: red\n  port: 8080\n  since: 2024-05-01T10:00:00Z\n  cidr: 10.0.0.0/8\n', []],
    ['int-or-string takes a name', '  size: 3\n  port: http\n', []],
    ['wrong type', '  size: three\n', ['w.yaml 6:9 wrong-type']],
    ['integer refuses a fraction', '  size: 1.5\n', ['w.yaml 6:9 wrong-type']],
    ['missing required', '  color: red\n', ['w.yaml 5:1 missing-required']],
    ['enum', '  size: 1\n  color: green\n', ['w.yaml 7:10 invalid-enum']],
    ['date-time format', '  size: 1\n  since: yesterday\n', ['w.yaml 7:10 invalid-format']],
    ['cidr format', '  size: 1\n  cidr: 10.0.0.0/33\n', ['w.yaml 7:9 invalid-format']],
    ['unknown field', '  size: 1\n  colour: red\n', ['w.yaml 7:3 unknown-field']],
    ['preserve-unknown-fields keeps anything', '  size: 1\n  extra: {a: 1, b: [x]}\n  open: {known: k, other: 2}\n', []],
    ['preserve-unknown-fields still checks the fields it lists', '  size: 1\n  open: {known: 1}\n', ['w.yaml 7:17 wrong-type']],
    ['additionalProperties types the values', '  size: 1\n  labels: {a: b, c: 1}\n', ['w.yaml 7:21 wrong-type']],
    ['array items', '  size: 1\n  parts:\n    - {}\n', ['w.yaml 8:7 missing-required']],
  ];
  for (const [name, spec, expected] of cases) it(name, () => assert.deepEqual(crOnly(spec), expected));

  it('without its CRD the kind is an information note, never an error', () => {
    assert.deepEqual(check([['w.yaml', widget('  size: three\n')]]), ['w.yaml 2:7 custom-resource']);
  });
  it('an unserved version is not defined', () => {
    assert.deepEqual(
      check([
        ['crd.yaml', CRD],
        ['w.yaml', widget('  size: 1\n').replace('example.com/v1', 'example.com/v0')],
      ]).filter((r) => r.startsWith('w.yaml')),
      ['w.yaml 2:7 custom-resource'],
    );
  });
  it('a CRD without a schema accepts every field', () => {
    const bare = CRD.slice(0, CRD.indexOf('      schema:'));
    assert.deepEqual(
      check([
        ['crd.yaml', bare],
        ['w.yaml', widget('  anything: [1]\n')],
      ]),
      [],
    );
  });
  it('a workspace CRD overrides the bundled schema of the same kind', () => {
    const cert = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\nspec:\n  mine: 1\n  secretName: s\n  issuerRef: {name: ca}\n';
    assert.deepEqual(check([['c.yaml', cert]]), ['c.yaml 5:3 unknown-field']);
    const own = CRD.replace(/example\.com/g, 'cert-manager.io')
      .replace(/Widget/g, 'Certificate')
      .replace('required: [size]', 'required: []')
      .replace('size: {type: integer', 'mine: {type: integer')
      .replace('ratio: {type: number}', 'secretName: {type: string}')
      .replace('enabled: {type: boolean}', 'issuerRef: {type: object, x-kubernetes-preserve-unknown-fields: true}');
    assert.deepEqual(
      check([
        ['crd.yaml', own],
        ['c.yaml', cert],
      ]),
      [],
    );
  });
});

describe('bundled custom resources', () => {
  const cases: [string, string, string[]][] = [
    [
      'a valid Certificate',
      'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\nspec:\n  secretName: s\n  dnsNames: [a.example.com]\n  issuerRef: {name: ca, kind: ClusterIssuer}\n',
      [],
    ],
    [
      'a misspelt Certificate field',
      'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\nspec:\n  secretName: s\n  issuerRef: {name: ca}\n  duraton: 1h\n',
      ['c.yaml 7:3 unknown-field'],
    ],
    [
      'a valid HTTPRoute (fields inherited from CommonRouteSpec)',
      'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  parentRefs: [{name: gw}]\n  rules:\n    - backendRefs: [{name: web, port: 80}]\n',
      [],
    ],
    [
      'a ServiceMonitor with a wrong type',
      'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: m}\nspec:\n  selector: {matchLabels: {app: web}}\n  endpoints: yes\n',
      ['c.yaml 6:14 wrong-type'],
    ],
    [
      'an Argo CD Application',
      'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: a}\nspec:\n  project: default\n  source: {repoURL: https://example.com/r.git, path: k8s, targetRevision: HEAD}\n  destination: {server: https://kubernetes.default.svc, namespace: web}\n',
      [],
    ],
    [
      'IstioOperator has no schema in its package: a note',
      'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata: {name: i}\nspec: {profile: demo}\n',
      ['c.yaml 2:7 custom-resource'],
    ],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.deepEqual(check([['c.yaml', text]]), expected));
});

describe('custom resources in the editor features', () => {
  const index = new WorkspaceIndex();
  index.setDiskFile('file:///ws/crd.yaml', CRD);
  const schema = workspaceSchema(loadSchema(), index);
  it('completes the fields of a workspace CRD, required first', () => {
    const { text, offset } = caret(widget('  |\n'));
    const got = completion(schema, parseFile(text), offset, ['en']).map((i) => i.label);
    assert.equal(got[0], 'size');
    assert.ok(got.includes('color') && got.includes('labels'));
  });
  it('completes enum values', () => {
    const { text, offset } = caret(widget('  color: |\n'));
    assert.deepEqual(
      completion(schema, parseFile(text), offset, ['en'])
        .map((i) => i.label)
        .sort(),
      ['blue', 'red'],
    );
  });
  it("hovers with the CRD's description", () => {
    const { text, offset } = caret(widget('  si|ze: 1\n'));
    assert.match(hover(schema, parseFile(text), offset, ['en'])?.markdown ?? '', /How many parts the widget has\./);
  });
  it('hovers a bundled kind with its package description', () => {
    const { text, offset } = caret('apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\nspec:\n  secret|Name: s\n');
    assert.match(hover(schema, parseFile(text), offset, ['en'])?.markdown ?? '', /Secret/);
  });
  it('is rebuilt only when a CRD changes', () => {
    assert.equal(workspaceSchema(loadSchema(), index), schema);
    index.setDiskFile('file:///ws/crd.yaml', CRD.replace('How many', 'How much'));
    assert.notEqual(workspaceSchema(loadSchema(), index), schema);
  });
});
