// Converting removed APIs: the whole resulting text, comments and formatting kept.
import { strict as assert } from 'node:assert';
import { applyFix, actionsFor, diagnosticsOf } from './fixHelper';

describe('quick fix: convert a removed API', () => {
  it('extensions/v1beta1 Ingress → networking.k8s.io/v1 (block style, comments kept)', () => {
    const before = `# the shop's front door
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: shop
spec:
  backend:
    serviceName: fallback
    servicePort: 80
  rules:
    - host: shop.example.com
      http:
        paths:
          # everything under /api
          - path: /api
            backend:
              serviceName: api   # the Go service
              servicePort: http
          - backend:
              serviceName: web
              servicePort: 8080
`;
    const after = `# the shop's front door
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  defaultBackend:
    service:
      name: fallback
      port:
        number: 80
  rules:
    - host: shop.example.com
      http:
        paths:
          # everything under /api
          - path: /api
            pathType: ImplementationSpecific
            backend:
              service:
                name: api   # the Go service
                port:
                  name: http
          - backend:
              service:
                name: web
                port:
                  number: 8080
            pathType: ImplementationSpecific
`;
    const converted = applyFix(before, 'removed-api', /^Convert to networking\.k8s\.io\/v1$/);
    assert.equal(converted, after);
    assert.deepEqual(diagnosticsOf(converted, 'removed-api'), []);
  });

  it('networking.k8s.io/v1beta1 Ingress in flow style', () => {
    const before =
      'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: a}\nspec:\n  rules:\n  - http:\n      paths:\n      - {path: /, backend: {serviceName: web, servicePort: 80}}\n';
    const after =
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a}\nspec:\n  rules:\n  - http:\n      paths:\n      - {path: /, backend: {service: {name: web, port: {number: 80}}}, pathType: ImplementationSpecific}\n';
    assert.equal(applyFix(before, 'removed-api', /^Convert/), after);
  });

  it('apps/v1beta1 Deployment → apps/v1 adds the selector the old API defaulted', () => {
    const before =
      'apiVersion: apps/v1beta1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    metadata:\n      labels:\n        app: web\n        tier: front\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';
    const after =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n      tier: front\n  template:\n    metadata:\n      labels:\n        app: web\n        tier: front\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';
    const converted = applyFix(before, 'removed-api', /^Convert to apps\/v1$/);
    assert.equal(converted, after);
    assert.deepEqual(diagnosticsOf(converted, 'missing-selector'), []);
  });

  it('an existing selector is kept (extensions/v1beta1 DaemonSet)', () => {
    const before =
      'apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec: {containers: [{name: a, image: "a:1"}]}\n';
    assert.equal(applyFix(before, 'removed-api', /^Convert/), before.replace('extensions/v1beta1', 'apps/v1'));
  });

  it('batch/v1beta1 CronJob → batch/v1 changes only apiVersion', () => {
    const before =
      'apiVersion: batch/v1beta1 # old\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: c, image: "busybox:1.36"}]\n';
    assert.equal(applyFix(before, 'removed-api', /^Convert to batch\/v1$/), before.replace('batch/v1beta1', 'batch/v1'));
  });

  it('APIs whose fields changed only get the apiVersion, and say so', () => {
    const before = 'apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\n';
    const [action] = actionsFor(before, 'removed-api');
    assert.equal(action.title, 'Change apiVersion to apiextensions.k8s.io/v1 (then fix the fields it reports)');
    assert.equal(action.isPreferred, undefined);
  });

  it('no conversion for APIs without a replacement', () => {
    const psp = 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: p}\n';
    assert.deepEqual(
      actionsFor(psp, 'removed-api').map((a) => a.title),
      [],
    );
  });
});
