// The API server's JSON decoder, as schema/decodeError reproduces it: a value of the wrong type
// is refused with encoding/json's words before validation runs.
import { strict as assert } from 'node:assert';
import { loadSchema } from '../../../server/src/schema/schema';
import { decodeError } from '../../../server/src/schema/decodeError';

const schema = loadSchema();
const pod = (spec: unknown) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const deploy = (spec: unknown) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec });

const cases: [string, Record<string, unknown>, string | undefined][] = [
  ['a valid Pod', pod({ containers: [{ name: 'a', image: 'b', ports: [{ containerPort: 80 }] }] }), undefined],
  ['null anywhere (the zero value)', pod({ containers: null, volumes: null }), undefined],
  ['unknown fields (left to strict field validation)', pod({ containerz: 5 }), undefined],
  ['kinds the schema does not know', { apiVersion: 'example.com/v1', kind: 'Widget', spec: 5 }, undefined],
  ['spec: 5', pod(5), 'json: cannot unmarshal number into Go struct field Pod.spec of type v1.PodSpec'],
  ['spec: [a]', pod(['a']), 'json: cannot unmarshal array into Go struct field Pod.spec of type v1.PodSpec'],
  ['metadata: 5', { apiVersion: 'v1', kind: 'ConfigMap', metadata: 5 }, 'json: cannot unmarshal number into Go struct field ConfigMap.metadata of type v1.ObjectMeta'],
  ['labels: 5', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: 5 } }, 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type map[string]string'],
  ['containers: x', pod({ containers: 'x' }), 'json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container'],
  ['containers: [5]', pod({ containers: [5] }), 'json: cannot unmarshal number into Go struct field PodSpec.spec.containers of type v1.Container'],
  ['an env value that is a number', pod({ containers: [{ name: 'a', image: 'b', env: [{ name: 'PORT', value: 8080 }] }] }), 'json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string'],
  ['replicas: x', deploy({ replicas: 'x' }), 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
  ['replicas: 1.5', deploy({ replicas: 1.5 }), 'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32'],
  ['replicas: 1e400 (Infinity)', deploy({ replicas: Infinity }), 'json: cannot unmarshal number Infinity into Go struct field DeploymentSpec.spec.replicas of type int32'],
  ['an int64 field', pod({ terminationGracePeriodSeconds: 'x' }), 'json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64'],
  ['template: 5', deploy({ template: 5 }), 'json: cannot unmarshal number into Go struct field DeploymentSpec.spec.template of type v1.PodTemplateSpec'],
  ['strategy: 5', deploy({ strategy: 5 }), 'json: cannot unmarshal number into Go struct field DeploymentSpec.spec.strategy of type v1.DeploymentStrategy'],
  ['maxSurge: true (IntOrString)', deploy({ strategy: { rollingUpdate: { maxSurge: true } } }), 'json: cannot unmarshal bool into Go value of type int32'],
  ['a bad quantity', pod({ containers: [{ name: 'a', image: 'b', resources: { limits: { cpu: 'lots' } } }] }), "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ['a quantity that is a map', pod({ containers: [{ name: 'a', image: 'b', resources: { limits: { cpu: {} } } }] }), "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
  ['hostNetwork: "yes"', pod({ hostNetwork: 'yes' }), 'json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool'],
];

describe('decodeError (the API server JSON decoder)', () => {
  for (const [name, obj, expected] of cases) {
    it(`${name} → ${expected ?? 'decodes'}`, () => assert.equal(decodeError(schema, obj), expected));
  }
});
