// Gateway API routes understood like Ingress: parentRefs → Gateway, backendRefs → Service and port.
import { strict as assert } from 'node:assert';
import { rows } from './workspaceFixture';

const gateway = (name = 'gw', ns = '') =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  gatewayClassName: eg\n  listeners: [{name: http, protocol: HTTP, port: 80}]\n`;
const infra = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: infra\n';
const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{name: http, port: 80, targetPort: 8080}]\n';
const pods =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  containers: [{name: web, image: nginx:1.27, ports: [{containerPort: 8080}]}]\n';
/** An HTTPRoute `r`; parent and backend are the lines of the parentRefs and backendRefs items. */
const route = (parent: string, backend: string) =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  parentRefs:\n    - ${parent}\n  rules:\n    - backendRefs:\n        - ${backend}\n`;

describe('Gateway API routes', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ['parent and backend defined', { 'gw.yaml': gateway(), 'svc.yaml': service, 'pod.yaml': pods, 'r.yaml': route('name: gw', '{name: web, port: 80}') }, []],
    [
      'parent Gateway missing',
      { 'svc.yaml': service, 'pod.yaml': pods, 'r.yaml': route('name: gw', '{name: web, port: 80}') },
      ['r.yaml:7:13 route-gateway-missing'],
    ],
    [
      'parent in another namespace',
      {
        'ns.yaml': infra,
        'gw.yaml': gateway('gw', 'infra'),
        'svc.yaml': service,
        'pod.yaml': pods,
        'r.yaml': route('{name: gw, namespace: infra}', '{name: web, port: 80}'),
      },
      [],
    ],
    [
      'parent in the wrong namespace',
      { 'ns.yaml': infra, 'gw.yaml': gateway('gw', 'infra'), 'svc.yaml': service, 'pod.yaml': pods, 'r.yaml': route('name: gw', '{name: web, port: 80}') },
      ['r.yaml:7:13 route-gateway-missing'],
    ],
    [
      'a Service parent (mesh) is not followed',
      { 'svc.yaml': service, 'pod.yaml': pods, 'r.yaml': route('{group: "", kind: Service, name: web}', '{name: web, port: 80}') },
      [],
    ],
    ['backend Service missing', { 'gw.yaml': gateway(), 'r.yaml': route('name: gw', '{name: api, port: 80}') }, ['r.yaml:10:18 route-backend-missing']],
    [
      'backend port is the container port',
      { 'gw.yaml': gateway(), 'svc.yaml': service, 'pod.yaml': pods, 'r.yaml': route('name: gw', '{name: web, port: 8080}') },
      ['r.yaml:10:29 route-port-missing'],
    ],
    ['a custom backend kind is not followed', { 'gw.yaml': gateway(), 'r.yaml': route('name: gw', '{group: example.com, kind: Bucket, name: b}') }, []],
  ];
  for (const [name, files, expected] of cases) it(name, () => assert.deepEqual(rows(files), expected));
});
