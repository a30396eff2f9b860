// Regressions found by the fuzz harness (test/fuzz): objects the YAML parser accepts but the
// simulator used to crash on ("KubeMate hit an internal problem", exit 3). The API server
// refuses each of them — by its decoder (wrong type) or its validation (missing spec or
// template) — and so does `kubemate apply`, with exit 1 and kubectl's message.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';

const cases: [string, string, RegExp][] = [
  // fuzz seed 1 input 64: `template:` dedented out of a Deployment's spec.
  [
    'a Deployment whose template left its spec',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {selector: {matchLabels: {a: b}}}\ntemplate: {metadata: {labels: {a: b}}}',
    /The Deployment "d" is invalid: \n(\* spec\.template\.(spec\.containers: Required value|metadata\.labels: Invalid value: \{\}: `selector` does not match template `labels`)\n?){2}$/,
  ],
  [
    'a Deployment template without a spec',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}}}',
    /The Deployment "d" is invalid: spec\.template\.spec\.containers: Required value/,
  ],
  ['a Deployment without a spec', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}', /spec\.selector: Required value/],
  // fuzz seed 1 input 66: a Job whose spec became null.
  [
    'a Job with spec: null',
    'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec: null',
    /The Job "j" is invalid: \n\* spec\.template\.spec\.containers: Required value\n\* spec\.template\.spec\.restartPolicy: Required value/,
  ],
  [
    'a StatefulSet without a template',
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec: {selector: {matchLabels: {a: b}}}',
    /spec\.template\.spec\.containers: Required value/,
  ],
  [
    'a DaemonSet without a template',
    'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: s}\nspec: {selector: {matchLabels: {a: b}}}',
    /spec\.template\.spec\.containers: Required value/,
  ],
  [
    'a CronJob without a jobTemplate',
    "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec: {schedule: '* * * * *'}",
    /spec\.jobTemplate\.spec\.template\.spec\.containers: Required value/,
  ],
  ['a Pod without a spec', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}', /The Pod "p" is invalid: spec\.containers: Required value/],
  [
    'a Pod with spec: 5',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: 5',
    /Error from server \(BadRequest\): error when creating "in\.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Pod\.spec of type v1\.PodSpec/,
  ],
  [
    'a Pod with containers: [5]',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [5]}',
    /cannot unmarshal number into Go struct field PodSpec\.spec\.containers of type v1\.Container/,
  ],
  [
    'ports, env and resources of the wrong type',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: b, ports: 5, env: x, resources: 3}]}',
    /cannot unmarshal number into Go struct field Container\.spec\.containers\.ports of type \[\]v1\.ContainerPort/,
  ],
  // fuzz seed 7 inputs 161 and 313: a list truncated after its dash is a list of one null.
  [
    'a container list of one null (truncated after the dash)',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  -',
    /The Pod "p" is invalid: \n\* spec\.containers\[0\]\.name: Required value\n\* spec\.containers\[0\]\.image: Required value/,
  ],
  [
    'a Service port list of one null',
    'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  -',
    /The Service "s" is invalid: spec\.ports\[0\]\.port: Invalid value: 0: must be between 1 and 65535, inclusive/,
  ],
  ['a Service without a spec', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}', /The Service "s" is invalid: spec\.ports: Required value/],
  [
    'a Deployment with strategy: 5',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {strategy: 5}',
    /cannot unmarshal number into Go struct field DeploymentSpec\.spec\.strategy of type v1\.DeploymentStrategy/,
  ],
  [
    'a Service with spec: 5',
    'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: 5',
    /cannot unmarshal number into Go struct field Service\.spec of type v1\.ServiceSpec/,
  ],
  [
    'a Node with spec: 5',
    'apiVersion: v1\nkind: Node\nmetadata: {name: n}\nspec: 5',
    /cannot unmarshal number into Go struct field Node\.spec of type v1\.NodeSpec/,
  ],
];

describe('apply: objects of the wrong shape are refused, never a crash', () => {
  for (const [name, yaml, message] of cases) {
    it(name, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kubemate-malformed-'));
      writeFileSync(join(dir, 'in.yaml'), yaml + '\n');
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(
        ['apply', '-f', 'in.yaml', '--state', 'state.json'],
        { out: (s) => out.push(s), err: (s) => err.push(s), cwd: dir },
        { LANG: 'en_US.UTF-8' },
      );
      assert.equal(code, 1, err.join('\n'));
      assert.match(err.join('\n'), message);
      assert.doesNotMatch(err.join('\n'), /internal problem/);
    });
  }
});
