// `describe` in kubectl's describer layouts: the tabwriter they print through (table tests), and
// one golden text per kind the simulator handles (test/golden/describe/<kind>.txt; UPDATE_GOLDEN=1 rewrites).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Simulator } from '../../../server/src/cluster/simulator';
import { tabFormat } from '../../../server/src/kubectl/describe/tabWriter';
import { describeVerb } from '../../../server/src/kubectl/verbs/describe';
import { smartLabelFor } from '../../../server/src/kubectl/describe/describeObject';
import { outputText } from '../../../server/src/kubectl/verbResult';

describe('kubectl describe: the tabwriter (Go text/tabwriter, padding 2)', () => {
  const cases: [string, string, string][] = [
    ['aligns a block of Key:\\tvalue lines', 'Name:\tweb\nNamespace:\tdefault\n', 'Name:       web\nNamespace:  default\n'],
    [
      'continuation lines (\\tvalue) sit under the value, never start with ":"',
      'Labels:\ta=1\n\tb=2\nStatus:\tRunning\n',
      'Labels:  a=1\n         b=2\nStatus:  Running\n',
    ],
    [
      'a line without a tab ends the block',
      'IPs:\n  IP:\t10.0.0.1\nControlled By:\tReplicaSet/x\n',
      'IPs:\n  IP:           10.0.0.1\nControlled By:  ReplicaSet/x\n',
    ],
    ['the last cell is not padded', 'Conditions:\n  Type\tStatus\n  Ready \tTrue \n', 'Conditions:\n  Type    Status\n  Ready   True \n'],
    ['a shorter line closes the inner column only', 'a\tbb\tc\nxxx\ty\n', 'a    bb  c\nxxx  y\n'],
    ['wide (CJK) cells count runes, as Go does', '名字:\tx\nab:\ty\n', '名字:  x\nab:  y\n'],
  ];
  for (const [name, input, want] of cases) it(name, () => assert.equal(tabFormat(input), want));
  it('smartLabelFor follows kubectl (acronyms upper-case)', () => {
    assert.deepEqual(['apiVersion', 'creationTimestamp', 'uid', 'spec'].map(smartLabelFor), ['API Version', 'Creation Timestamp', 'UID', 'Spec']);
  });
});

describe("kubectl describe: every kind in kubectl's layout (goldens)", () => {
  const sim = Simulator.create();
  const docs = parseAllDocuments(readFileSync('test/fixtures/kubectl/describe.yaml', 'utf8')).map((d) => d.toJS() as Record<string, unknown>);
  sim.apply(docs.map((obj, i) => ({ obj, source: { file: 'describe.yaml', line: i + 1 } })));
  const describe = (kind: string, name?: string, ns = 'default') => outputText(describeVerb(sim, kind, '', ns, name).lines);
  const kinds: [string, string | undefined, string?][] = [
    ['Pod', undefined],
    ['Deployment', 'web'],
    ['ReplicaSet', undefined],
    ['Service', 'web'],
    ['Endpoints', 'web'],
    ['Ingress', 'web'],
    ['ConfigMap', 'cfg'],
    ['Secret', 'db'],
    ['Job', 'once'],
    ['CronJob', 'backup'],
    ['PersistentVolumeClaim', 'data'],
    ['StatefulSet', 'db'],
    ['DaemonSet', 'agent'],
    ['Namespace', 'default'],
    ['Node', 'worker-1'],
    ['HorizontalPodAutoscaler', 'web'],
    ['PodDisruptionBudget', 'web'],
  ];
  for (const [kind, name] of kinds) {
    it(kind, () => {
      const text = describe(kind, name) + '\n';
      const file = join('test', 'golden', 'describe', `${kind}.txt`);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
        writeFileSync(file, text);
        if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`${file} did not exist; written. Review it and run again.`);
        return;
      }
      assert.equal(text, readFileSync(file, 'utf8'));
    });
  }

  it('pod: label continuation lines and the Conditions columns line up', () => {
    const text = describe('Pod', 'web-');
    assert.doesNotMatch(text, /^\s*:/m);
    assert.match(text, /^Labels:( +)app=web\n {7}\1pod-template-hash=/m);
    const rows = text.split('\n').slice(text.split('\n').indexOf('Conditions:') + 1, text.split('\n').indexOf('Conditions:') + 4);
    const col = rows[0].indexOf('Status');
    assert.ok(col > 0);
    for (const r of rows.slice(1)) assert.equal(r.search(/(True|False) $/), col, r);
  });

  it('secret: sizes only, never the value', () => {
    const text = describe('Secret', 'db');
    assert.match(text, /^password:  6 bytes$/m);
    assert.doesNotMatch(text, /s3cret|czNjcmV0/);
  });

  it('ingress: the Rules/Backends table, a missing Service shown as kubectl does, no invented event', () => {
    const text = describe('Ingress', 'web');
    assert.match(text, /^  Host +Path +Backends$/m);
    assert.match(text, /^ +\/api +api:8080 \(<error: services "api" not found>\)$/m);
    assert.doesNotMatch(text, /ServiceNotFound/);
    assert.match(text, /^Events: +<none>$/m);
    assert.doesNotMatch(text, /^\{/m);
  });

  it('no kind the simulator handles falls back to JSON', () => {
    for (const [kind, name] of kinds) assert.doesNotMatch(describe(kind, name), /^\s*[{[]\s*$/m, kind);
  });
});
