// Quick fixes for lint findings, and suppression comments: each result is the whole text.
import { strict as assert } from 'node:assert';
import { applyFix, actionsFor, diagnosticsOf } from './fixHelper';
import { lint } from '../lint/lintHelper';
import { codeActions } from '../../../server/src/features/codeActions/codeActions';
import { parseFile } from '../../../server/src/yaml/parsedFile';

const pod = (container: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web # main
${container}`;

describe('quick fix: lint findings', () => {
  it('adds a resources block to a container without one', () => {
    const before = pod('      image: nginx:1.27\n      ports:\n        - containerPort: 80\n');
    const after = pod(
      '      image: nginx:1.27\n      ports:\n        - containerPort: 80\n      resources:\n        requests:\n          cpu: 100m\n          memory: 128Mi\n        limits:\n          memory: 128Mi\n',
    );
    assert.equal(applyFix(before, 'no-resource-requests', /^Add resources/), after);
  });

  // image as written → the fix's image (tag and digest keep their case), or none
  const imageFixes: [string, string | undefined][] = [
    ['myOrg/GoApp:v1', 'myorg/goapp:v1'],
    ['Nginx:1.27-RC1', 'nginx:1.27-RC1'],
    ['registry.example.com:5000/Team/App', 'registry.example.com:5000/team/app'],
    ['"nginx:"', undefined],
  ];
  for (const [image, fixed] of imageFixes) {
    it(`invalid image ${image}: ${fixed ? `changes it to ${fixed}` : 'offers no rewrite'}`, () => {
      const before = pod(`      image: ${image}\n`);
      assert.equal(diagnosticsOf(before, 'invalid-image-reference').length, 1);
      if (fixed) assert.equal(applyFix(before, 'invalid-image-reference', /^Change to/), pod(`      image: ${fixed}\n`));
      else
        assert.deepEqual(
          actionsFor(before, 'invalid-image-reference').filter((a) => a.title.startsWith('Change to')),
          [],
        );
    });
  }

  it('offers the resources fix once for both resource findings', () => {
    const before = pod('      image: nginx:1.27\n');
    const ds = [...diagnosticsOf(before, 'no-resource-requests'), ...diagnosticsOf(before, 'no-resource-limits')];
    assert.equal(ds.length, 2);
    assert.equal(codeActions(parseFile(before), ds).filter((a) => a.title.startsWith('Add resources')).length, 1);
  });

  it('completes an existing resources block without touching what is there', () => {
    const before = pod('      image: nginx:1.27\n      resources:\n        requests:\n          memory: 64Mi # measured\n');
    const after = pod(
      '      image: nginx:1.27\n      resources:\n        requests:\n          memory: 64Mi # measured\n          cpu: 100m\n        limits:\n          memory: 64Mi\n',
    );
    const fixed = applyFix(before, 'no-resource-limits', /^Add resources/);
    assert.equal(fixed, after);
    assert.deepEqual(
      lint(fixed).filter((d) => d.code.startsWith('no-resource')),
      [],
    );
  });

  it('adds a readiness probe on the first named port', () => {
    const before = asDeployment(pod('      image: nginx:1.27\n      ports: [{name: http, containerPort: 80}]\n'));
    const after = before + '          readinessProbe:\n            httpGet:\n              path: /\n              port: http\n            periodSeconds: 10\n';
    assert.equal(applyFix(before, 'no-readiness-probe', /^Add a readinessProbe \(HTTP GET \/ on port http/), after);
  });

  it('adds a liveness probe to a Deployment container', () => {
    const before = asDeployment(pod('      image: nginx:1.27\n      ports: [{containerPort: 8080}]\n'));
    const fixed = applyFix(before, 'no-liveness-probe', /^Add a livenessProbe \(HTTP GET \/ on port 8080/);
    assert.equal(
      fixed,
      before +
        '          livenessProbe:\n            httpGet:\n              path: /\n              port: 8080\n            periodSeconds: 10\n            initialDelaySeconds: 10\n',
    );
  });

  it('sets allowPrivilegeEscalation: false in an existing securityContext, or flips true', () => {
    const before = pod('      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n');
    assert.equal(applyFix(before, 'allow-privilege-escalation', /^Set allowPrivilegeEscalation/), before + '        allowPrivilegeEscalation: false\n');
    const explicit = pod('      image: nginx:1.27\n      securityContext: {allowPrivilegeEscalation: true, runAsNonRoot: true}\n');
    assert.equal(applyFix(explicit, 'allow-privilege-escalation', /^Set allowPrivilegeEscalation/), explicit.replace('Escalation: true', 'Escalation: false'));
  });

  it('sets runAsNonRoot: true, but not for an explicit root user', () => {
    const before = pod('      image: nginx:1.27\n');
    assert.equal(applyFix(before, 'run-as-non-root', /^Set runAsNonRoot/), before + '      securityContext:\n        runAsNonRoot: true\n');
    const root = pod('      image: nginx:1.27\n      securityContext: {runAsUser: 0}\n');
    assert.deepEqual(
      actionsFor(root, 'run-as-non-root')
        .map((a) => a.title)
        .filter((t) => t.startsWith('Set')),
      [],
    );
  });
});

describe('quick fix: Secret data that is not base64', () => {
  const secret = (data: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n${data}`;

  it('encodes the value', () => {
    const before = secret('  user: YWRtaW4=\n  password: s3cr3t! # rotate monthly\n');
    const fixed = applyFix(before, 'invalid-base64', /^Encode the value as base64$/);
    assert.equal(fixed, secret('  user: YWRtaW4=\n  password: czNjcjN0IQ== # rotate monthly\n'));
    assert.deepEqual(diagnosticsOf(fixed, 'invalid-base64'), []);
  });

  it('encodes a block scalar and keeps the next key on its own line', () => {
    const before = secret('  config: |\n    user=admin\n  user: YWRtaW4=\n');
    assert.equal(applyFix(before, 'invalid-base64', /^Encode/), secret('  config: dXNlcj1hZG1pbgo=\n  user: YWRtaW4=\n'));
  });

  it('renames data to stringData when every value is plain text', () => {
    const before = secret('  user: admin\n  password: hunter2\n');
    assert.equal(applyFix(before, 'invalid-base64', /^Rename data to stringData/), before.replace('\ndata:', '\nstringData:'));
  });

  it('moves one plain value to stringData', () => {
    const before = secret('  user: YWRtaW4=\n  password: hunter 2\n');
    const after = secret('  user: YWRtaW4=\n') + 'stringData:\n  password: hunter 2\n';
    const fixed = applyFix(before, 'invalid-base64', /^Move "password" to stringData/);
    assert.equal(fixed, after);
    assert.deepEqual(diagnosticsOf(fixed, 'invalid-base64'), []);
  });
});

describe('quick fix: suppression comments', () => {
  const before = pod('      image: nginx\n');

  it('adds # kubemate-disable-next-line above the finding, with its indentation', () => {
    const fixed = applyFix(before, 'image-latest-tag', /^Suppress image-latest-tag on this line$/);
    assert.equal(fixed, before.replace('      image: nginx', '      # kubemate-disable-next-line image-latest-tag\n      image: nginx'));
    assert.deepEqual(
      lint(fixed).filter((d) => d.code === 'image-latest-tag'),
      [],
    );
  });

  it('appends to an existing next-line comment', () => {
    const text = before.replace('    - name: web # main', '    # kubemate-disable-next-line no-readiness-probe -- demo\n    - name: web # main');
    const fixed = applyFix(text, 'run-as-non-root', /^Suppress run-as-non-root on this line$/);
    assert.equal(fixed, text.replace('no-readiness-probe -- demo', 'no-readiness-probe, run-as-non-root -- demo'));
  });

  it('adds # kubemate-disable at the top of the file, or appends to it', () => {
    const fixed = applyFix(before, 'image-latest-tag', /^Suppress image-latest-tag in this file$/);
    assert.equal(fixed, '# kubemate-disable image-latest-tag\n' + before);
    const again = applyFix(fixed, 'run-as-non-root', /^Suppress run-as-non-root in this file$/);
    assert.equal(again, '# kubemate-disable image-latest-tag, run-as-non-root\n' + before);
    assert.deepEqual(
      lint(again).filter((d) => d.code === 'image-latest-tag' || d.code === 'run-as-non-root'),
      [],
    );
  });

  it('is not offered for errors the API server would reject', () => {
    const titles = actionsFor('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {a: hello}\n', 'invalid-base64').map((a) => a.title);
    assert.equal(
      titles.some((t) => t.startsWith('Suppress')),
      false,
    );
  });
});

function asDeployment(podText: string): string {
  const body = podText
    .split('\nspec:\n')[1]
    .split('\n')
    .map((l) => (l ? '    ' + l : l))
    .join('\n');
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n${body}`;
}
