// Upstream API-server messages keep their exact English; zh-cn mode puts a Chinese explanation first.
import { strict as assert } from 'node:assert';
import { validateObject, formatFieldError } from '../../../server/src/k8s/apiValidation';
import { explainFieldError, localizedFieldError } from '../../../server/src/k8s/explainFieldError';
import { setLanguage } from '../../../server/src/util/l10n';

const deploy = (spec: Record<string, unknown>, labels: Record<string, unknown> = { app: 'web' }) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx' }] } }, ...spec },
});
const pod = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const svc = (spec: Record<string, unknown>, name = 'web') => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });

// object, upstream message (exact), Chinese explanation (a phrase of it)
const cases: [string, Record<string, unknown>, RegExp, RegExp][] = [
  [
    'selector mismatch',
    deploy({}, { app: 'api' }),
    /^spec\.template\.metadata\.labels: Invalid value: \{"app":"api"\}: `selector` does not match template `labels`$/,
    /^Pod 模板的标签与选择器不匹配/,
  ],
  ['empty selector', deploy({ selector: {} }), /empty selector is invalid for deployment/, /空的选择器/],
  ['missing selector', deploy({ selector: null }), /^spec\.selector: Required value$/, /必须写选择器/],
  [
    'requests > limits',
    pod({ containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] }),
    /must be less than or equal to cpu limit of 1/,
    /资源请求大于/,
  ],
  ['bad name', { ...pod({ containers: [{ name: 'a', image: 'x' }] }), metadata: { name: 'My_Pod' } }, /RFC 1123 subdomain/, /名称只能包含小写字母/],
  ['Service name', svc({ ports: [{ port: 80 }] }, '1web'), /DNS-1035 label/, /DNS 名称/],
  ['label value', deploy({}, { app: 'web', tier: '-x' }), /a valid label must be/, /标签值/],
  ['port range', pod({ containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 70000 }] }] }), /must be between 1 and 65535, inclusive/, /1 到 65535/],
  [
    'port name',
    pod({ containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80, name: 'my_http_port_name' }] }] }),
    /must be no more than 15 characters|alpha-numeric/,
    /端口名|最多/,
  ],
  [
    'protocol',
    pod({ containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80, protocol: 'tcp' }] }] }),
    /Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"/,
    /大写的 TCP/,
  ],
  [
    'restartPolicy in a Deployment',
    deploy({ template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'a', image: 'x' }] } } }),
    /supported values: "Always"/,
    /只能是 Always/,
  ],
  [
    'both zero',
    deploy({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
    /may not be 0 when `maxSurge` is 0/,
    /不能同时为 0/,
  ],
  ['negative replicas', deploy({ replicas: -1 }), /^spec\.replicas: Invalid value: -1: must be greater than or equal to 0$/, /不能是负数/],
  [
    'nodePort on ClusterIP',
    svc({ ports: [{ port: 80, nodePort: 30080 }] }),
    /Forbidden: may not be used when `type` is 'ClusterIP'/,
    /只有 NodePort 或 LoadBalancer/,
  ],
  ['unnamed ports', svc({ ports: [{ port: 80 }, { port: 81 }] }), /spec\.ports\[0\]\.name: Required value/, /每个端口都必须有名称/],
  [
    'missing volume',
    pod({ containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'data', mountPath: '/d' }] }] }),
    /volumeMounts\[0\]\.name: Not found: "data"/,
    /没有声明的卷/,
  ],
  ['missing image', pod({ containers: [{ name: 'a' }] }), /image: Required value/, /必须指定镜像/],
  [
    'config key',
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'bad key': 'x' } },
    /data\[bad key\]: Invalid value: "bad key": a valid config key/,
    /ConfigMap 或 Secret 的键/,
  ],
];

describe('API-server messages: exact English, Chinese explanation in zh-cn', () => {
  after(() => setLanguage('en'));
  for (const [name, object, upstream, zh] of cases) {
    it(name, () => {
      const errors = validateObject(object);
      const e = errors.find((x) => upstream.test(formatFieldError(x)));
      assert.ok(e, `no error matching ${upstream}: ${errors.map(formatFieldError).join(' | ')}`);
      setLanguage('en');
      assert.equal(localizedFieldError(e), formatFieldError(e), 'English mode shows only the upstream text');
      setLanguage('zh-cn');
      const message = localizedFieldError(e);
      assert.ok(message.endsWith(`（API server: ${formatFieldError(e)}）`), message);
      assert.match(explainFieldError(e), zh);
      assert.doesNotMatch(explainFieldError(e), /API server 不接受这个值|缺少必填字段$/, 'a specific explanation, not the fallback');
    });
  }
});
