// Every lint rule: it fires on a minimal manifest (at the expected key or value), stays quiet
// on the corrected one, yields to an inline and a per-file suppression, and follows a severity
// override from kubemate.lint.rules.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { LINT_RULES } from '../../../server/src/features/lint/lintRules';
import { deployment, GOOD_CONTAINER, lint, rowsOf } from './lintHelper';

const good = deployment(GOOD_CONTAINER);
const withContainer = (from: string, to: string) => deployment(GOOD_CONTAINER.replace(from, to));
const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;
const NO_PDB = { pdbSelects: () => false };
const HAS_PDB = { pdbSelects: () => true };

/** [rule, manifest that breaks it, where (line:col, 1-based), manifest that does not]. */
const CASES: [string, string, string, string][] = [
  ['no-resource-requests', withContainer('  requests: {cpu: 100m, memory: 128Mi}\n', ''), '19:11', good],
  ['no-resource-limits', withContainer('  limits: {memory: 128Mi}\n', ''), '19:11', good],
  ['no-readiness-probe', withContainer('readinessProbe:\n  httpGet: {path: /, port: http}\n', ''), '14:17', good],
  ['no-liveness-probe', withContainer('livenessProbe:\n  httpGet: {path: /, port: http}\n', ''), '14:17', good],
  [
    'probe-port-not-exposed',
    withContainer('readinessProbe:\n  httpGet: {path: /, port: http}', 'readinessProbe:\n  httpGet: {path: /, port: htp}'),
    '23:38',
    good,
  ],
  ['invalid-image-reference', withContainer('nginx:1.27', 'Nginx:1.27'), '15:18', good],
  ['image-latest-tag', withContainer('nginx:1.27', 'nginx'), '15:18', good],
  ['pull-always-with-digest', withContainer('image: nginx:1.27', `image: nginx@sha256:${'a'.repeat(64)}\nimagePullPolicy: Always`), '16:28', good],
  ['image-no-digest', good, '15:18', deployment(GOOD_CONTAINER.replace('nginx:1.27', `nginx@sha256:${'a'.repeat(64)}`))],
  ['host-network', deployment(GOOD_CONTAINER, 'hostNetwork: true'), '13:20', good],
  ['host-pid', deployment(GOOD_CONTAINER, 'hostPID: true'), '13:16', good],
  ['host-ipc', deployment(GOOD_CONTAINER, 'hostIPC: true'), '13:16', good],
  [
    'host-path-volume',
    deployment(GOOD_CONTAINER, 'volumes:\n  - name: logs\n    hostPath: {path: /var/log}'),
    '15:11',
    deployment(GOOD_CONTAINER, 'volumes:\n  - name: logs\n    emptyDir: {}'),
  ],
  ['host-port', withContainer('containerPort: 80', 'containerPort: 80\n    hostPort: 8080'), '19:25', good],
  [
    'unsafe-sysctls',
    deployment(GOOD_CONTAINER, 'securityContext:\n  sysctls: [{name: kernel.msgmax, value: "65536"}]'),
    '14:26',
    deployment(GOOD_CONTAINER, 'securityContext:\n  sysctls: [{name: net.ipv4.tcp_syncookies, value: "1"}]'),
  ],
  ['privileged-container', withContainer('runAsNonRoot: true', 'runAsNonRoot: true\n  privileged: true'), '29:25', good],
  [
    'dangerous-capabilities',
    withContainer('runAsNonRoot: true', 'runAsNonRoot: true\n  capabilities: {add: [NET_BIND_SERVICE, SYS_ADMIN]}'),
    '29:52',
    withContainer('runAsNonRoot: true', 'runAsNonRoot: true\n  capabilities: {add: [NET_BIND_SERVICE]}'),
  ],
  ['allow-privilege-escalation', withContainer('  allowPrivilegeEscalation: false\n', ''), '14:17', good],
  ['run-as-non-root', withContainer('  runAsNonRoot: true', '  runAsUser: 0'), '28:24', good],
  [
    'seccomp-unconfined',
    deployment(GOOD_CONTAINER, 'securityContext:\n  seccompProfile: {type: Unconfined}'),
    '14:32',
    deployment(GOOD_CONTAINER, 'securityContext:\n  seccompProfile: {type: RuntimeDefault}'),
  ],
  ['proc-mount-unmasked', withContainer('runAsNonRoot: true', 'runAsNonRoot: true\n  procMount: Unmasked'), '29:24', good],
  ['drop-all-capabilities', good, '14:17', withContainer('runAsNonRoot: true', 'runAsNonRoot: true\n  capabilities: {drop: [ALL]}')],
  ['read-only-root-fs', good, '14:17', withContainer('runAsNonRoot: true', 'runAsNonRoot: true\n  readOnlyRootFilesystem: true')],
  [
    'secret-in-env',
    withContainer('image: nginx:1.27', 'image: nginx:1.27\nenv:\n  - name: DB_PASSWORD\n    value: hunter2'),
    '18:22',
    withContainer('image: nginx:1.27', 'image: nginx:1.27\nenv:\n  - name: DB_PASSWORD_FILE\n    value: /run/secrets/db'),
  ],
  [
    'invalid-base64',
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: hello\n',
    '6:13',
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: aGVsbG8=\n',
  ],
  ['default-namespace', deployment(GOOD_CONTAINER, '', 'namespace: default'), '5:14', deployment(GOOD_CONTAINER, '', 'namespace: shop')],
  ['missing-namespace', good, '4:9', deployment(GOOD_CONTAINER, '', 'namespace: shop')],
  ['single-replica-no-pdb', good.replace('replicas: 2', 'replicas: 1'), '6:13', good],
  [
    'pdb-blocks-eviction',
    'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: p\nspec:\n  maxUnavailable: 0\n  selector: {matchLabels: {app: web}}\n',
    '6:19',
    'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: p\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}\n',
  ],
  [
    'configmap-not-versioned',
    withContainer('image: nginx:1.27', 'image: nginx:1.27\nenvFrom:\n  - configMapRef: {name: web-config}'),
    '17:36',
    withContainer('image: nginx:1.27', 'image: nginx:1.27\nenvFrom:\n  - configMapRef: {name: web-config-v2}'),
  ],
  ['deprecated-service-account', deployment(GOOD_CONTAINER, 'serviceAccount: web'), '13:7', deployment(GOOD_CONTAINER, 'serviceAccountName: web')],
  [
    'duplicate-env',
    withContainer('image: nginx:1.27', 'image: nginx:1.27\nenv:\n  - {name: MODE, value: a}\n  - {name: MODE, value: b}'),
    '18:22',
    withContainer('image: nginx:1.27', 'image: nginx:1.27\nenv:\n  - {name: MODE, value: a}\n  - {name: LEVEL, value: b}'),
  ],
];

/** Turn every rule on at its default severity, so off-by-default rules are tested too. */
const allOn = Object.fromEntries(LINT_RULES.map((r) => [r.id, r.severity]));

/** Puts `comment` on its own line above 1-based `line`, with that line's indentation. */
function commentAbove(text: string, line: number, comment: string): string {
  const lines = text.split('\n');
  const indent = /^\s*/.exec(lines[line - 1])![0];
  lines.splice(line - 1, 0, indent + comment);
  return lines.join('\n');
}

describe('lint rules', () => {
  it('covers every rule in the table', () => {
    assert.deepEqual(
      LINT_RULES.map((r) => r.id).filter((id) => !CASES.some((c) => c[0] === id)),
      [],
    );
  });

  for (const [id, bad, where, clean] of CASES) {
    describe(id, () => {
      const rule = LINT_RULES.find((r) => r.id === id)!;
      const rules = { ...allOn };
      it(`fires at ${where}`, () => assert.deepEqual(rowsOf(bad, id, rules, NO_PDB), [where]));
      it('does not fire on the corrected manifest', () => assert.deepEqual(rowsOf(clean, id, rules, id === 'single-replica-no-pdb' ? HAS_PDB : NO_PDB), []));
      it('is silenced by # kubemate-disable-next-line', () => {
        const line = Number(where.split(':')[0]);
        assert.deepEqual(rowsOf(commentAbove(bad, line, `# kubemate-disable-next-line ${id} -- tested`), id, rules, NO_PDB), []);
      });
      it('is silenced by # kubemate-disable at the top of the file', () => {
        assert.deepEqual(rowsOf(`# kubemate-disable other-rule, ${id}\n${bad}`, id, rules, NO_PDB), []);
      });
      it('follows kubemate.lint.rules', () => {
        const hint = lint(bad, { ...rules, [id]: 'hint' }, NO_PDB).filter((d) => d.code === id);
        assert.deepEqual(
          hint.map((d) => d.severity),
          ['hint'],
        );
        assert.deepEqual(rowsOf(bad, id, { ...rules, [id]: 'off' }, NO_PDB), []);
      });
      it(`is ${rule.enabledByDefault ? 'on' : 'off'} by default`, () => {
        assert.equal(rowsOf(bad, id, {}, NO_PDB).length > 0, rule.enabledByDefault);
      });
    });
  }

  it('package.json offers every rule id in kubemate.lint.rules', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const props = Object.keys(pkg.contributes.configuration.properties['kubemate.lint.rules'].properties);
    assert.deepEqual(
      props,
      LINT_RULES.map((r) => r.id),
    );
  });

  it('the corrected Deployment has no default-on findings', () => {
    assert.deepEqual(
      lint(good, {}, HAS_PDB).map((d) => d.code),
      [],
    );
  });

  it('kubemate.lint.enabled: false turns every rule off', () => {
    assert.deepEqual(lint(withContainer('nginx:1.27', 'nginx'), {}, NO_PDB, false), []);
  });

  it('skips Helm templates, broken YAML and custom resources', () => {
    assert.deepEqual(lint(withContainer('nginx:1.27', '{{ .Values.image }}')), []);
    assert.deepEqual(lint(pod('  containers: [{name: a, image: nginx\n')), []);
    assert.deepEqual(lint('apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      hostNetwork: true\n'), []);
  });

  it('lints each item of a kind: List', () => {
    const list =
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n    spec:\n      hostPID: true\n      containers: [{name: a, image: "a:1"}]\n';
    assert.deepEqual(rowsOf(list, 'host-pid'), ['8:16']);
  });
});
