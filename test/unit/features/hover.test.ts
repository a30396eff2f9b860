import { strict as assert } from 'node:assert';
import { loadSchema } from '../../../server/src/schema/schema';
import { parseFile } from '../../../server/src/yaml/parsedFile';
import { hover } from '../../../server/src/features/hover/hover';
import { caret } from '../../helpers/caret';

function hoverAt(source: string): string {
  const { text, offset } = caret(source);
  return hover(loadSchema(), parseFile(text), offset, ['en', 'zh-cn'])?.markdown ?? '';
}

const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: nginx\n';

describe('hover', () => {
  it('shows path, type, required and the upstream description with links', () => {
    const md = hoverAt('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  repl|icas: 2\n');
    assert.match(md, /^\*\*Deployment\.spec\.replicas\*\* · `integer` · optional · default: 1/);
    assert.match(md, /Number of desired pods/);
    assert.match(md, /https:\/\/kubernetes\.io\/docs\/reference\/kubernetes-api\/workload-resources\/deployment-v1\/#DeploymentSpec/);
    assert.match(md, /https:\/\/kubernetes\.io\/zh-cn\/docs\/reference\/kubernetes-api\/workload-resources\/deployment-v1\//);
  });
  it('marks required fields', () => {
    assert.match(hoverAt(pod.replace('- name: a', '- na|me: a')), /containers\[\]\.name\*\* · `string` · required/);
  });
  it('explains an enum value in both languages', () => {
    const md = hoverAt(pod + '      imagePullPolicy: IfNot|Present\n');
    assert.match(md, /^`IfNotPresent` — Use the image already on the node; pull only when it is missing\./);
    assert.match(md, /`IfNotPresent` — 节点上已有这个镜像就直接用/);
  });
  it('falls back to the upstream enum text where KubeMate has no note', () => {
    assert.match(hoverAt(pod + '      terminationMessagePolicy: FallbackTo|LogsOnError\n'), /`FallbackToLogsOnError` — /);
  });
  it('explains a quantity in plain words', () => {
    const md = hoverAt(pod + '      resources:\n        limits:\n          memory: 300|Mi\n          cpu: 100m\n');
    assert.match(md, /300Mi = 300 MiB \(314,572,800 bytes\)/);
    assert.match(hoverAt(pod + '      resources:\n        limits:\n          cpu: 10|0m\n'), /100m = 0\.1 CPU cores \(100 millicores\)/);
  });
  it('is silent outside Kubernetes documents', () => {
    assert.equal(hoverAt('services:\n  w|eb: {}\n'), '');
  });
});
