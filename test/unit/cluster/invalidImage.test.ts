// InvalidImageName keeps the runtime's cause, in distribution/reference's words (ParseNormalizedNamed):
// the first path component is a registry host when it has '.' or ':', is localhost, or is not lowercase.
import * as assert from 'node:assert/strict';
import { parseImageReference } from '../../../server/src/k8s/imageReference';
import { invalidImageCause, invalidImageName } from '../../../server/src/cluster/podConfig';
import { Simulator } from '../../../server/src/cluster/simulator';
import { applyVerb } from '../../../server/src/kubectl/verbs/apply';
import type { KObject } from '../../../server/src/cluster/types';
import { explainWhy } from '../../../server/src/cluster/why/explainWhy';
import { applyDefaults } from '../../../server/src/cluster/defaults';

const HEX64 = 'a'.repeat(64);

describe('InvalidImageName and its cause', () => {
  // image → undefined (valid) or distribution/reference's error
  const table: [string, string | undefined][] = [
    ['nginx', undefined],
    ['nginx:1.27', undefined],
    ['registry.example.com:5000/team/app:v2', undefined],
    ['localhost:5000/x', undefined],
    ['localhost/x', undefined],
    ['myOrg/app', undefined],
    ['MyReg.io/app', undefined],
    ['[::1]:5000/app:1', undefined],
    ['a-b--c/d__e.f:TAG_1.0-x', undefined],
    [`nginx@sha256:${HEX64}`, undefined],
    [`nginx:1.27@sha256:${HEX64}`, undefined],
    ['Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['Nginx:1.27', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['myorg/App', 'invalid reference format: repository name (myorg/App) must be lowercase'],
    ['registry.example.com/Team/app', 'invalid reference format: repository name (Team/app) must be lowercase'],
    ['nginx:', 'invalid reference format'],
    ['nginx::1.27', 'invalid reference format'],
    ['nginx:1.27 ', 'invalid reference format'],
    [' nginx', 'invalid reference format'],
    ['a//b', 'invalid reference format'],
    ['nginx/', 'invalid reference format'],
    ['-nginx', 'invalid reference format'],
    ['nginx_', 'invalid reference format'],
    ['nginx:-1', 'invalid reference format'],
    [`nginx:${'t'.repeat(129)}`, 'invalid reference format'],
    ['nginx@sha256:short', 'invalid reference format'],
    [`nginx@sha256:${'a'.repeat(32)}`, 'invalid checksum digest length'],
    [`nginx@sha256:${'A'.repeat(64)}`, 'invalid checksum digest format'],
    [`nginx@sha356:${HEX64}`, 'unsupported digest algorithm'],
    // ParseNormalizedNamed cuts the name at the first ':', so an uppercase algorithm reads as the repository.
    [`nginx@SHA256:${HEX64}`, 'invalid reference format: repository name (library/nginx@SHA256) must be lowercase'],
    [`ghcr.io/app@sha256:${'A'.repeat(64)}`, 'invalid checksum digest format'],
    [HEX64, `invalid repository name (${HEX64}), cannot specify 64-byte hexadecimal strings`],
    [`x/${'a'.repeat(254)}`, 'repository name must not be more than 255 characters'],
    ['my_host:5000/app', 'invalid reference format'],
    ['Host:5000/App', 'invalid reference format: repository name (App) must be lowercase'],
  ];
  for (const [image, cause] of table) {
    it(`${JSON.stringify(image.length > 60 ? `${image.slice(0, 57)}...` : image)} → ${cause ?? 'valid'}`, () => {
      assert.equal(invalidImageName(image), cause !== undefined);
      assert.equal(invalidImageCause(image), cause ?? '');
    });
  }

  it('the registry host, path, tag and digest a valid reference names', () => {
    const rows: [string, string, string, string | undefined, string | undefined][] = [
      ['nginx', 'docker.io', 'library/nginx', undefined, undefined],
      ['myOrg/app', 'myOrg', 'app', undefined, undefined],
      ['myorg/app:2', 'docker.io', 'myorg/app', '2', undefined],
      ['index.docker.io/redis', 'docker.io', 'library/redis', undefined, undefined],
      ['localhost:5000/x', 'localhost:5000', 'x', undefined, undefined],
      [`ghcr.io/a/b:1@sha256:${HEX64}`, 'ghcr.io', 'a/b', '1', `sha256:${HEX64}`],
    ];
    for (const [image, domain, path, tag, digest] of rows) {
      const parsed = parseImageReference(image);
      assert.ok(parsed.ok, image);
      assert.deepEqual(parsed.ref, { domain, path, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) }, image);
    }
  });

  function firstWaiting(image: string): { reason: string; message?: string } | undefined {
    const sim = Simulator.create();
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image }] } };
    applyVerb(sim, [{ obj: pod, source: { file: 'pod.yaml', line: 1 } }]);
    return (sim.get('Pod', 'default', 'p') as { status: { containerStatuses?: { state: { waiting?: { reason: string; message?: string } } }[] } }).status
      .containerStatuses?.[0].state.waiting;
  }

  it('the pod status message carries the cause, as the kubelet writes it', () => {
    const waiting = firstWaiting('Nginx:1.27');
    assert.equal(waiting?.reason, 'InvalidImageName');
    assert.equal(
      waiting?.message,
      'Failed to apply default image tag "Nginx:1.27": couldn\'t parse image name "Nginx:1.27": invalid reference format: repository name (library/Nginx) must be lowercase',
    );
  });

  it('the image manager records InspectFailed with the cause, then the runtime Failed; Why? shows the cause', () => {
    const sim = Simulator.create();
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'myorg/App' }] } };
    applyVerb(sim, [{ obj: pod, source: { file: 'pod.yaml', line: 1 } }]);
    const live = sim.get('Pod', 'default', 'p') as KObject;
    const cause =
      'Failed to apply default image tag "myorg/App": couldn\'t parse image name "myorg/App": invalid reference format: repository name (myorg/App) must be lowercase';
    assert.deepEqual(
      sim.events
        .about(live)
        .filter((e) => e.type === 'Warning')
        .map((e) => [e.reason, e.message]),
      [
        ['InspectFailed', cause],
        ['Failed', 'Error: InvalidImageName'],
      ],
    );
    const why = explainWhy(sim.store, live);
    assert.equal(why?.condition, 'InvalidImageName');
    assert.equal(why?.text.event, `Warning InspectFailed: ${cause}`);
  });

  it('an uppercase first component is a registry host, so the pod is not held at InvalidImageName', () => {
    assert.notEqual(firstWaiting('myOrg/app')?.reason, 'InvalidImageName');
    assert.equal(firstWaiting('myorg/App')?.reason, 'InvalidImageName');
  });

  // image → the imagePullPolicy the API server defaults (ParseImageName's tag: "latest" when
  // neither tag nor digest is written; an image that does not parse has no tag)
  const policies: [string, string][] = [
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    [`nginx@sha256:${HEX64}`, 'IfNotPresent'],
    [`nginx:latest@sha256:${HEX64}`, 'Always'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    ['nginx:', 'IfNotPresent'],
    ['myorg/App', 'IfNotPresent'],
    ['', 'IfNotPresent'],
  ];
  for (const [image, policy] of policies) {
    it(`image ${JSON.stringify(image)} defaults imagePullPolicy to ${policy}`, () => {
      const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image }] } } as unknown as KObject;
      applyDefaults(pod);
      assert.equal((pod.spec as { containers: { imagePullPolicy?: string }[] }).containers[0].imagePullPolicy, policy);
    });
  }
});
