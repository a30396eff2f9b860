// InvalidImageName keeps the runtime's cause, in distribution/reference's words (ParseNormalizedNamed).
import * as assert from 'node:assert/strict';
import { invalidImageCause, invalidImageName } from '../../../server/src/cluster/podConfig';
import { Simulator } from '../../../server/src/cluster/simulator';
import { applyVerb } from '../../../server/src/kubectl/verbs/apply';

describe('InvalidImageName and its cause', () => {
  const table: [string, boolean, string | undefined][] = [
    ['nginx:1.27', false, undefined],
    ['registry.example.com:5000/team/app:v2', false, undefined],
    ['Nginx:1.27', true, 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['registry.example.com/Team/app', true, 'invalid reference format: repository name (Team/app) must be lowercase'],
    ['nginx::1.27', true, 'invalid reference format'],
    ['nginx:1.27 ', true, 'invalid reference format'],
  ];
  for (const [image, invalid, cause] of table) {
    it(`${JSON.stringify(image)} → ${cause ?? 'valid'}`, () => {
      assert.equal(invalidImageName(image), invalid);
      if (cause) assert.equal(invalidImageCause(image), cause);
    });
  }

  it('the pod status message carries the cause, as the kubelet writes it', () => {
    const sim = Simulator.create();
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bad' }, spec: { containers: [{ name: 'c', image: 'Nginx:1.27' }] } };
    applyVerb(sim, [{ obj: pod, source: { file: 'pod.yaml', line: 1 } }]);
    const waiting = (sim.get('Pod', 'default', 'bad') as { status: { containerStatuses: { state: { waiting: { reason: string; message: string } } }[] } })
      .status.containerStatuses[0].state.waiting;
    assert.equal(waiting.reason, 'InvalidImageName');
    assert.equal(
      waiting.message,
      'Failed to apply default image tag "Nginx:1.27": couldn\'t parse image name "Nginx:1.27": invalid reference format: repository name (library/Nginx) must be lowercase',
    );
  });
});
