import { strict as assert } from 'node:assert';
import { validateObject, formatInvalid, formatFieldError } from '../../../server/src/k8s/apiValidation';

const deploy = (spec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec });
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };

describe('API server validation (upstream messages)', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['valid', deploy({ selector: { matchLabels: { app: 'web' } }, template }), []],
    ['no selector', deploy({ template }), ['spec.selector: Required value']],
    ['empty selector', deploy({ selector: {}, template }), ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    [
      'negative replicas',
      deploy({ replicas: -1, selector: { matchLabels: { app: 'web' } }, template }),
      ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'both 0',
      deploy({ selector: { matchLabels: { app: 'web' } }, template, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0'],
    ],
    [
      'bad percent',
      deploy({ selector: { matchLabels: { app: 'web' } }, template, strategy: { rollingUpdate: { maxSurge: '25' } } }),
      [
        "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"25\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      ],
    ],
    [
      'Recreate with rollingUpdate',
      deploy({ selector: { matchLabels: { app: 'web' } }, template, strategy: { type: 'Recreate', rollingUpdate: {} } }),
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ],
    [
      'nodePort on ClusterIP',
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80, nodePort: 30080 }] } },
      ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    ],
    [
      'two unnamed ports',
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80, name: 'a' }, { port: 81 }] } },
      ['spec.ports[1].name: Required value'],
    ],
    [
      'Job needs OnFailure or Never',
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec: { containers: [{ name: 'a', image: 'b' }] } } } },
      ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    ],
    [
      'bad config key',
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'Bad Key': 'x' } },
      [
        "data[Bad Key]: Invalid value: \"Bad Key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      ],
    ],
    ['no name', { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }, ['metadata.name: Required value: name or generateName is required']],
  ];
  for (const [name, obj, expected] of cases) it(name, () => assert.deepEqual(validateObject(obj).map(formatFieldError), expected));

  it('renders kubectl’s rejection for one and several causes', () => {
    const one = validateObject(deploy({ template }));
    assert.equal(formatInvalid('Deployment', 'web', one), 'The Deployment "web" is invalid: spec.selector: Required value');
    const two = validateObject({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: {
        ports: [
          { port: 80, name: 'a', nodePort: 1 },
          { port: 81, name: 'b', nodePort: 2 },
        ],
      },
    });
    assert.equal(
      formatInvalid('Service', 'web', two),
      "The Service \"web\" is invalid: \n* spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'\n* spec.ports[1].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    );
  });
});
