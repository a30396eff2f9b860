// "Why?" in the Simulated Cluster tree and "Send Request…": the explanation in the tooltip, a
// child item that opens the manifest at the deciding field, both languages; the request handler.
import * as assert from 'node:assert/strict';
import { buildTree } from '../../../client/src/clusterView/treeModel';
import { walk } from '../../../client/src/clusterView/treeNode';
import { suggestedTarget } from '../../../client/src/clusterView/requestSuggestion';
import { sendRequest } from '../../../server/src/handlers/cluster/sendRequest';
import { fieldLine, pathSegments } from '../../../server/src/handlers/cluster/whyViews';
import { clusterWith, fmt } from '../../helpers/clusterView';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 1
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: nginx:1.27
          ports:
            - containerPort: 80
          env:
            - name: MODE
              valueFrom:
                configMapKeyRef:
                  name: api-config
                  key: MODE
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
    app: aip
  ports:
    - port: 80
`;

describe('client: Why? items and Send Request…', () => {
  it('finds the line of a field path in a multi-document file', () => {
    assert.deepEqual(pathSegments('spec.template.spec.containers[0].env[0].valueFrom'), ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'valueFrom']);
    assert.equal(fieldLine(MANIFEST, 1, 'spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef'), 23);
    assert.equal(fieldLine(MANIFEST, 27, 'spec.selector'), 32);
    assert.equal(fieldLine(MANIFEST, 27, 'spec.nothing.here'), 31, 'the deepest written parent');
  });

  const cluster = clusterWith(MANIFEST);
  cluster.textOf = (uri) => (uri === 'file:///ws/0.yaml' ? MANIFEST : undefined);
  const view = cluster.view();

  it('puts the explanation in the tooltip and a child that opens the deciding field', () => {
    const nodes = [...walk(buildTree(view, { showSystemNamespaces: false, revealedSecrets: new Map() }, fmt))];
    const pod = nodes.find((n) => n.contextValue === 'pod' && n.ref?.name.startsWith('api-'))!;
    assert.match(pod.tooltip ?? '', /❓ Why\? CreateContainerConfigError\nContainer api cannot be created: configmap "api-config" not found/);
    const why = pod.children?.find((c) => c.contextValue === 'why');
    assert.equal(why?.label, 'Why? CreateContainerConfigError');
    assert.deepEqual(why?.openAt, { uri: 'file:///ws/0.yaml', line: 23 });
    const svc = nodes.find((n) => n.contextValue === 'service' && n.ref?.name === 'api')!;
    const svcWhy = svc.children?.find((c) => c.contextValue === 'why');
    assert.equal(svcWhy?.label, 'Why? ServiceSelectorMatchesNothing');
    assert.deepEqual(svcWhy?.openAt, { uri: 'file:///ws/0.yaml', line: 32 });
  });

  it('shows the Chinese explanation when the client speaks Chinese', () => {
    const nodes = [...walk(buildTree(view, { showSystemNamespaces: false, revealedSecrets: new Map(), lang: 'zh-cn' }, fmt))];
    const svc = nodes.find((n) => n.contextValue === 'service' && n.ref?.name === 'api')!;
    assert.match(svc.tooltip ?? '', /命名空间 default 中没有 Pod 带有 Service api 的选择器要求的标签 app=aip/);
  });

  it('suggests a target per item and traces the request on the server', () => {
    assert.deepEqual(suggestedTarget(view, { kind: 'Service', namespace: 'default', name: 'api' }), { target: 'http://api:80/', fromOutside: false });
    const r = sendRequest(cluster.sim, { target: 'http://api:80/', fromPod: null, fromOutside: false, namespace: 'default', count: 1 });
    assert.equal(r.ok, false);
    assert.equal(r.trace?.error?.code, 'ConnectionRefused');
    assert.match(r.output, /kubemate request http:\/\/api:80\//);
    assert.match(r.output, /Service default\/api has no ready endpoints/);
  });
});
