// Every cross-resource rule, table-driven over small multi-file workspaces: fires, does not fire,
// `optional: true`, suppression comments.
import { strict as assert } from 'node:assert';
import { yaml } from '../../helpers/caret';
import { check, rows } from './workspaceFixture';

const configMap = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: app-config
  data:
    LOG_LEVEL: info
    app.properties: |
      a=1
`;

const secret = yaml`
  apiVersion: v1
  kind: Secret
  metadata:
    name: db
  stringData:
    password: s3cret
`;

/** A Deployment `web` (pod labels app=web, tier=frontend); `spec` holds the pod spec lines, indented 6. */
const deployment = (spec: string) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  replicas: 2',
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    '      labels: {app: web, tier: frontend}',
    '    spec:',
    spec,
  ].join('\n') + '\n';

const container = (more = '') =>
  [
    '      containers:',
    '        - name: web',
    '          image: nginx:1.27',
    '          ports:',
    '            - name: http',
    '              containerPort: 8080',
  ].join('\n') + more;

const service = (selector: string, targetPort: string) =>
  [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: web',
    'spec:',
    `  selector: ${selector}`,
    '  ports:',
    '    - name: http',
    '      port: 80',
    `      targetPort: ${targetPort}`,
  ].join('\n') + '\n';

const ingress = (svc: string, port: string, cls = '') =>
  [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: web',
    `spec:${cls}`,
    '  rules:',
    '    - http:',
    '        paths:',
    '          - path: /',
    '            pathType: Prefix',
    '            backend:',
    '              service:',
    `                name: ${svc}`,
    `                port: ${port}`,
  ].join('\n') + '\n';

describe('cross-resource rules', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    // ConfigMaps and Secrets
    [
      'env configMapKeyRef: all present',
      {
        'cm.yaml': configMap,
        'app.yaml': deployment(
          container(
            '\n          env:\n            - name: LOG_LEVEL\n              valueFrom:\n                configMapKeyRef: {name: app-config, key: LOG_LEVEL}',
          ),
        ),
      },
      [],
    ],
    [
      'env configMapKeyRef: missing ConfigMap',
      {
        'app.yaml': deployment(
          container(
            '\n          env:\n            - name: LOG_LEVEL\n              valueFrom:\n                configMapKeyRef: {name: app-config, key: LOG_LEVEL}',
          ),
        ),
      },
      ['app.yaml:22:41 missing-configmap'],
    ],
    [
      'env configMapKeyRef: missing key',
      {
        'cm.yaml': configMap,
        'app.yaml': deployment(
          container(
            '\n          env:\n            - name: LOG_LEVEL\n              valueFrom:\n                configMapKeyRef: {name: app-config, key: LOG_LEVL}',
          ),
        ),
      },
      ['app.yaml:22:58 missing-configmap-key'],
    ],
    [
      'env configMapKeyRef: optional',
      {
        'app.yaml': deployment(
          container(
            '\n          env:\n            - name: LOG_LEVEL\n              valueFrom:\n                configMapKeyRef: {name: app-config, key: X, optional: true}',
          ),
        ),
      },
      [],
    ],
    [
      'env configMapKeyRef: optional key',
      {
        'cm.yaml': configMap,
        'app.yaml': deployment(
          container(
            '\n          env:\n            - name: X\n              valueFrom:\n                configMapKeyRef: {name: app-config, key: X, optional: true}',
          ),
        ),
      },
      [],
    ],
    [
      'env secretKeyRef: missing Secret and key',
      {
        'app.yaml': deployment(
          container('\n          env:\n            - name: PW\n              valueFrom:\n                secretKeyRef: {name: db, key: password}'),
        ),
      },
      ['app.yaml:22:38 missing-secret'],
    ],
    [
      'env secretKeyRef: key from stringData',
      {
        's.yaml': secret,
        'app.yaml': deployment(
          container('\n          env:\n            - name: PW\n              valueFrom:\n                secretKeyRef: {name: db, key: password}'),
        ),
      },
      [],
    ],
    [
      'env secretKeyRef: missing key',
      {
        's.yaml': secret,
        'app.yaml': deployment(
          container('\n          env:\n            - name: PW\n              valueFrom:\n                secretKeyRef: {name: db, key: pasword}'),
        ),
      },
      ['app.yaml:22:47 missing-secret-key'],
    ],
    [
      'envFrom: missing ConfigMap and Secret',
      {
        'app.yaml': deployment(
          container('\n          envFrom:\n            - configMapRef: {name: app-config}\n            - secretRef: {name: db, optional: true}'),
        ),
      },
      ['app.yaml:20:36 missing-configmap'],
    ],
    [
      'volume configMap items: missing key',
      {
        'cm.yaml': configMap,
        'app.yaml': deployment(
          container() +
            '\n      volumes:\n        - name: cfg\n          configMap:\n            name: app-config\n            items:\n              - {key: app.props, path: app.properties}',
        ),
      },
      ['app.yaml:24:23 missing-configmap-key'],
    ],
    [
      'volume secret: missing',
      { 'app.yaml': deployment(container() + '\n      volumes:\n        - name: tls\n          secret:\n            secretName: tls') },
      ['app.yaml:22:25 missing-secret'],
    ],
    [
      'volume secret: optional',
      { 'app.yaml': deployment(container() + '\n      volumes:\n        - name: tls\n          secret: {secretName: tls, optional: true}') },
      [],
    ],
    [
      'projected sources',
      {
        'cm.yaml': configMap,
        'app.yaml': deployment(
          container() +
            '\n      volumes:\n        - name: all\n          projected:\n            sources:\n              - configMap: {name: app-config}\n              - secret: {name: db}',
        ),
      },
      ['app.yaml:24:32 missing-secret'],
    ],
    ['imagePullSecrets', { 'app.yaml': deployment(container() + '\n      imagePullSecrets:\n        - name: regcred') }, ['app.yaml:20:17 missing-secret']],
    [
      'namespaces must match',
      {
        'cm.yaml': configMap.replace('name: app-config', 'name: app-config\n  namespace: other'),
        'app.yaml': deployment(container('\n          envFrom:\n            - configMapRef: {name: app-config}')),
      },
      ['cm.yaml:5:14 namespace-undefined (information)', 'app.yaml:20:36 missing-configmap'],
    ],
    // ServiceAccount, PVC
    [
      'serviceAccountName: missing',
      { 'app.yaml': deployment('      serviceAccountName: builder\n' + container()) },
      ['app.yaml:13:27 missing-service-account'],
    ],
    ['serviceAccountName: default exists everywhere', { 'app.yaml': deployment('      serviceAccountName: default\n' + container()) }, []],
    [
      'serviceAccountName: defined',
      {
        'sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n',
        'app.yaml': deployment('      serviceAccountName: builder\n' + container()),
      },
      [],
    ],
    [
      'PVC claimName: missing',
      { 'app.yaml': deployment(container() + '\n      volumes:\n        - name: data\n          persistentVolumeClaim: {claimName: data}') },
      ['app.yaml:21:46 missing-pvc'],
    ],
    [
      'PVC claimName: defined',
      {
        'pvc.yaml':
          'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n',
        'app.yaml': deployment(container() + '\n      volumes:\n        - name: data\n          persistentVolumeClaim: {claimName: data}'),
      },
      [],
    ],
    // Services
    ['Service selects the Deployment', { 'app.yaml': deployment(container()), 'svc.yaml': service('{app: web}', 'http') }, []],
    ['Service selector typo', { 'app.yaml': deployment(container()), 'svc.yaml': service('{app: wbe}', 'http') }, ['svc.yaml:6:3 service-selects-nothing']],
    ['Service with no workload in its namespace', { 'svc.yaml': service('{app: web}', 'http') }, ['svc.yaml:6:3 service-selects-nothing (information)']],
    [
      'Service without selector (manual Endpoints)',
      { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  ports: [{port: 80}]\n' },
      [],
    ],
    [
      'Service targetPort name unknown',
      { 'app.yaml': deployment(container()), 'svc.yaml': service('{app: web}', 'web') },
      ['svc.yaml:10:19 target-port-not-exposed'],
    ],
    [
      'Service targetPort number not declared',
      { 'app.yaml': deployment(container()), 'svc.yaml': service('{app: web}', '80') },
      ['svc.yaml:10:19 target-port-not-exposed'],
    ],
    ['Service targetPort number declared', { 'app.yaml': deployment(container()), 'svc.yaml': service('{app: web}', '8080') }, []],
    [
      'Service targetPort number, container declares no ports',
      { 'app.yaml': deployment('      containers: [{name: web, image: nginx}]'), 'svc.yaml': service('{app: web}', '80') },
      [],
    ],
    // Ingress
    [
      'Ingress backend and port by name',
      { 'app.yaml': deployment(container()), 'svc.yaml': service('{app: web}', 'http'), 'ing.yaml': ingress('web', '{name: http}') },
      [],
    ],
    [
      'Ingress backend by number',
      { 'app.yaml': deployment(container()), 'svc.yaml': service('{app: web}', 'http'), 'ing.yaml': ingress('web', '{number: 80}') },
      [],
    ],
    [
      'Ingress port is the container port',
      { 'app.yaml': deployment(container()), 'svc.yaml': service('{app: web}', 'http'), 'ing.yaml': ingress('web', '{number: 8080}') },
      ['ing.yaml:14:32 ingress-port-missing'],
    ],
    ['Ingress backend Service missing', { 'ing.yaml': ingress('api', '{number: 80}') }, ['ing.yaml:13:23 ingress-backend-missing']],
    [
      'Ingress class unknown',
      {
        'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n',
        'ing.yaml': ingress('web', '{number: 80}', '\n  ingressClassName: nginx'),
      },
      ['ing.yaml:6:21 unknown-ingress-class (information)'],
    ],
    [
      'Ingress class defined',
      {
        'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n',
        'cls.yaml': 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\nspec:\n  controller: k8s.io/ingress-nginx\n',
        'ing.yaml': ingress('web', '{number: 80}', '\n  ingressClassName: nginx'),
      },
      [],
    ],
    [
      'extensions/v1beta1 backend',
      { 'ing.yaml': 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: old\nspec:\n  backend:\n    serviceName: api\n    servicePort: 80\n' },
      ['ing.yaml:7:18 ingress-backend-missing'],
    ],
    // HPA, PDB, StatefulSet
    [
      'HPA target missing',
      {
        'hpa.yaml':
          'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 3\n',
      },
      ['hpa.yaml:6:65 hpa-target-missing'],
    ],
    [
      'HPA target present',
      {
        'app.yaml': deployment(container()),
        'hpa.yaml':
          'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 3\n',
      },
      [],
    ],
    [
      'HPA target of another kind',
      {
        'app.yaml': deployment(container()),
        'hpa.yaml':
          'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: web}\n  maxReplicas: 3\n',
      },
      ['hpa.yaml:6:66 hpa-target-missing'],
    ],
    [
      'PDB selects nothing',
      {
        'app.yaml': deployment(container()),
        'pdb.yaml':
          'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: api}\n',
      },
      ['pdb.yaml:7:3 pdb-selects-nothing'],
    ],
    [
      'PDB with matchExpressions',
      {
        'app.yaml': deployment(container()),
        'pdb.yaml':
          'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchExpressions: [{key: tier, operator: In, values: [frontend]}]\n',
      },
      [],
    ],
    [
      'StatefulSet serviceName missing',
      {
        'sts.yaml':
          'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db, image: postgres}]\n',
      },
      ['sts.yaml:6:16 statefulset-service-missing'],
    ],
    [
      'StatefulSet claim templates replace the pod volume',
      {
        'sts.yaml':
          'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db, image: postgres}]\n      volumes:\n        - name: data\n          persistentVolumeClaim: {claimName: data}\n  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n',
      },
      [],
    ],
    // Namespaces and duplicates
    [
      'namespace undefined',
      { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: shop\n' },
      ['cm.yaml:5:14 namespace-undefined (information)'],
    ],
    [
      'namespace defined',
      {
        'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
        'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: shop\n',
      },
      [],
    ],
    [
      'built-in namespaces need no manifest',
      {
        'cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: kube-system\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: kube-public\n',
      },
      [],
    ],
    [
      'one report per namespace and file',
      {
        'cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: shop\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: shop\n',
      },
      ['cm.yaml:5:14 namespace-undefined (information)'],
    ],
    [
      'duplicate in one file',
      { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' },
      ['cm.yaml:4:9 duplicate-object', 'cm.yaml:9:9 duplicate-object'],
    ],
    [
      'same name in two files of a folder is a hint',
      { 'a.yaml': configMap, 'b.yaml': configMap },
      ['a.yaml:4:9 duplicate-object (hint)', 'b.yaml:4:9 duplicate-object (hint)'],
    ],
    ['same name, different kinds', { 'a.yaml': configMap + '---\n' + configMap.replace('ConfigMap', 'Secret') }, []],
    // Suppression comments (the lint helper's syntax, applied to every code)
    [
      'suppressed on the next line',
      { 'app.yaml': deployment('      # kubemate-disable-next-line missing-service-account\n      serviceAccountName: builder\n' + container()) },
      [],
    ],
    [
      'suppressed for the file',
      {
        'app.yaml':
          '# kubemate-disable missing-pvc\n' +
          deployment(container() + '\n      volumes:\n        - name: data\n          persistentVolumeClaim: {claimName: data}'),
      },
      [],
    ],
    [
      'another rule is not suppressed',
      { 'app.yaml': '# kubemate-disable missing-pvc\n' + deployment('      serviceAccountName: builder\n' + container()) },
      ['app.yaml:14:27 missing-service-account'],
    ],
    // kustomize generators make ConfigMaps and Secrets
    [
      'kustomize configMapGenerator: name and keys',
      {
        'kustomization.yaml':
          'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nconfigMapGenerator:\n  - name: app-config\n    literals: [LOG_LEVEL=info]\n    files: [config/app.properties]\n',
        'app.yaml': deployment(
          container(
            '\n          env:\n            - name: A\n              valueFrom:\n                configMapKeyRef: {name: app-config, key: app.properties}\n            - name: B\n              valueFrom:\n                configMapKeyRef: {name: app-config, key: MODE}',
          ),
        ),
      },
      ['app.yaml:25:58 missing-configmap-key'],
    ],
    [
      'kustomize secretGenerator from an env file: keys unknown',
      {
        'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nsecretGenerator:\n  - name: db\n    envs: [db.env]\n',
        'app.yaml': deployment(
          container('\n          env:\n            - name: PW\n              valueFrom:\n                secretKeyRef: {name: db, key: password}'),
        ),
      },
      [],
    ],
    // Not Kubernetes, templates
    [
      'Helm templates are not indexed',
      { 'app.yaml': deployment(container()).replace('name: web\n', 'name: {{ .Release.Name }}\n'), 'svc.yaml': service('{app: api}', 'http') },
      ['svc.yaml:6:3 service-selects-nothing (information)'],
    ],
  ];
  for (const [name, files, expected] of cases) it(name, () => assert.deepEqual(rows(files), expected));

  it('messages name what is missing and how it fails, with related locations', () => {
    const [d] = check({
      'cm.yaml': configMap,
      'app.yaml': deployment(
        container(
          '\n          env:\n            - name: LOG_LEVEL\n              valueFrom:\n                configMapKeyRef: {name: app-config, key: LOG_LEVL}',
        ),
      ),
    });
    assert.match(
      d.message,
      /ConfigMap "app-config" has no key "LOG_LEVL" \(it defines: LOG_LEVEL, app.properties\).*CreateContainerConfigError.*Did you mean "LOG_LEVEL"\?/,
    );
    assert.deepEqual(
      d.related!.map((r) => [r.location.uri, r.location.range.start.line]),
      [['file:///ws/cm.yaml', 3]],
    );
    assert.equal(d.data?.replacement, 'LOG_LEVEL');
  });

  it('a selector typo names the nearest workloads and links to their labels', () => {
    const [d] = check({ 'app.yaml': deployment(container()), 'svc.yaml': service('{app: wbe}', 'http') });
    assert.match(d.message, /No pod template in namespace default has the labels app=wbe.*Nearest: Deployment\/web \(app=web, tier=frontend\)/);
    assert.deepEqual(d.related![0].location, { uri: 'file:///ws/app.yaml', range: { start: { line: 10, character: 6 }, end: { line: 10, character: 12 } } });
  });

  it('a missing object links to a same-name object in another namespace', () => {
    const d = check({
      'cm.yaml': configMap.replace('name: app-config', 'name: app-config\n  namespace: other'),
      'app.yaml': deployment(container('\n          envFrom:\n            - configMapRef: {name: app-config}')),
    }).find((x) => x.code === 'missing-configmap')!;
    assert.match(d.related![0].message, /exists in namespace other/);
  });

  it('speaks of different versions of one API group as one object (kubeconform compares apiVersion)', () => {
    const a = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx\n';
    const [d] = check({ 'd.yaml': a + '---\n' + a.replace('apps/v1', 'apps/v1beta1') });
    assert.match(d.message, /Different versions of one API group \(apps\/v1, apps\/v1beta1\)/);
  });
});
