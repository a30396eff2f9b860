// selector-mismatch fixes, and the fixes for missing ConfigMaps/Secrets (cross-resource codes,
// whose diagnostics carry data {kind, name, namespace, key?}).
import { strict as assert } from 'node:assert';
import { applyFix, actionsFor, diagnosticsOf } from './fixHelper';

const deployment = (selector: string, labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
${selector}
  template:
    metadata:
      labels:
${labels}
    spec:
      containers: [{name: web, image: "nginx:1.27"}]
`;

describe('quick fix: selector and template labels', () => {
  const before = deployment('      app: web\n      tier: front', '        app: api # renamed?\n        team: shop');

  it('template labels ← selector (preferred)', () => {
    const after = deployment('      app: web\n      tier: front', '        app: web # renamed?\n        team: shop\n        tier: front');
    const fixed = applyFix(before, 'selector-mismatch', /^Make the template labels match/);
    assert.equal(fixed, after);
    assert.deepEqual(diagnosticsOf(fixed, 'selector-mismatch'), []);
    assert.equal(actionsFor(before, 'selector-mismatch')[0].isPreferred, true);
  });

  it('selector ← template labels', () => {
    const after = deployment('      app: api', '        app: api # renamed?\n        team: shop');
    const fixed = applyFix(before, 'selector-mismatch', /^Make the selector match/);
    assert.equal(fixed, after);
    assert.deepEqual(diagnosticsOf(fixed, 'selector-mismatch'), []);
  });

  it('selector ← template labels when no selector key survives (flow style)', () => {
    const flow =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector:\n    matchLabels: {role: x}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: "nginx:1.27"}]\n';
    assert.equal(applyFix(flow, 'selector-mismatch', /^Make the selector match/), flow.replace('{role: x}', '{app: web}'));
    assert.equal(applyFix(flow, 'selector-mismatch', /^Make the template labels match/), flow.replace('{app: web}', '{app: web, role: x}'));
  });
});

describe('quick fix: missing ConfigMap / Secret', () => {
  const consumer = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          env:
            - name: MODE
              valueFrom:
                configMapKeyRef: {name: web-config, key: mode}
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {name: db, key: password}
          volumeMounts: [{name: cfg, mountPath: /etc/web}]
      volumes:
        - name: cfg
          configMap:
            name: web-config
            items: [{key: nginx.conf, path: nginx.conf}]
`;
  const at = (needle: string) => {
    const start = consumer.indexOf(needle);
    return { start, end: start + needle.length };
  };

  it('creates the ConfigMap with every key the document reads, after the consumer', () => {
    const d = { code: 'missing-configmap', ...at('web-config, key'), data: { kind: 'ConfigMap', name: 'web-config', namespace: 'shop' }, suppressible: true };
    const fixed = applyFix(consumer, 'missing-configmap', /^Create ConfigMap "web-config"/, 0, d);
    assert.equal(
      fixed,
      consumer + '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\n  namespace: shop\ndata:\n  mode: ""\n  nginx.conf: ""\n',
    );
  });

  it('creates the Secret with stringData (plain text) and uses data.keys when given', () => {
    const d = {
      code: 'missing-secret',
      ...at('db, key'),
      data: { kind: 'Secret', name: 'db', namespace: 'shop', keys: ['password', 'user'] },
      suppressible: true,
    };
    const fixed = applyFix(consumer + '---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n', 'missing-secret', /^Create Secret "db"/, 0, d);
    assert.equal(
      fixed,
      consumer +
        '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: shop\nstringData:\n  password: ""\n  user: ""\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n',
    );
  });

  it('adds a missing key to the ConfigMap defined in the same file', () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\n  namespace: shop\ndata:\n  # the mode\n  other: x\n---\n';
    const text = cm + consumer;
    const start = text.indexOf('key: mode') + 5;
    const d = {
      code: 'missing-configmap-key',
      start,
      end: start + 4,
      data: { kind: 'ConfigMap', name: 'web-config', namespace: 'shop', key: 'mode' },
      suppressible: true,
    };
    assert.equal(
      applyFix(text, 'missing-configmap-key', /^Add key "mode" to ConfigMap "web-config"/, 0, d),
      cm.replace('  other: x\n', '  other: x\n  mode: ""\n') + consumer,
    );
  });

  it('offers suppression for cross-resource codes', () => {
    const d = { code: 'missing-secret', ...at('db, key'), data: { kind: 'Secret', name: 'db' }, suppressible: true };
    assert.deepEqual(
      actionsFor(consumer, 'missing-secret', 0, d).map((a) => a.title),
      ['Create Secret "db" in this file', 'Suppress missing-secret on this line', 'Suppress missing-secret in this file'],
    );
  });
});
