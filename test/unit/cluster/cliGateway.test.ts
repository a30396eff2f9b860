// The Gateway API example through the CLI, as a learner runs it: refused before the CRDs, then
// get / describe / request / delete on the custom kinds resolved against the cluster's CRDs.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';

async function run(cwd: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s: string) => out.push(s), err: (s: string) => err.push(s), cwd }, { LANG: 'en_US.UTF-8' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cli Gateway API example', () => {
  const example = join(process.cwd(), 'examples', 'gateway-api');
  const dir = mkdtempSync(join(tmpdir(), 'kubemate-gw-'));
  const state = ['--state', join(dir, 's.json')];

  it('runs the README commands', async () => {
    const before = await run(dir, 'apply', '-f', join(example, '10-app.yaml'), ...state);
    assert.equal(before.code, 1);
    assert.match(before.err, /no matches for kind "HTTPRoute" in version "gateway.networking.k8s.io\/v1"\nensure CRDs are installed first/);
    assert.match((await run(dir, 'get', 'httproutes', ...state)).err, /the server doesn't have a resource type "httproutes"/);
    assert.equal((await run(dir, 'apply', '-f', join(example, '00-crds.yaml'), ...state)).code, 0);
    const applied = await run(dir, 'apply', '-f', join(example, '10-app.yaml'), ...state);
    assert.equal(applied.code, 0, applied.err);
    const table: [string[], RegExp][] = [
      [['get', 'gtw'], /^NAME +CLASS +ADDRESS +PROGRAMMED +AGE\nweb +kubemate +172\.18\.255\.200 +True /],
      [['get', 'gateways,httproutes'], /httproute\.gateway\.networking\.k8s\.io\/shop +\["shop\.example\.com"\]/],
      [['describe', 'httproute', 'shop'], /Controller Name: +kubemate\.dev\/gateway-controller/],
      // label and annotate resolve custom kinds too (a cluster-scoped one without -n), scale and rollout name them
      [['label', 'httproute', 'shop', 'env=prod'], /^httproute\.gateway\.networking\.k8s\.io\/shop labeled$/m],
      [['get', 'httproute', 'shop', '--show-labels'], /shop .* env=prod$/m],
      [['annotate', 'gateway', 'web', 'team=shop'], /^gateway\.gateway\.networking\.k8s\.io\/web annotated$/m],
      [['label', 'gatewayclass', 'kubemate', 'tier=edge', '-n', 'other'], /^gatewayclass\.gateway\.networking\.k8s\.io\/kubemate labeled$/m],
      [['scale', 'httproute/shop', '--replicas=2'], /^error: cannot scale httproutes\.gateway\.networking\.k8s\.io$/m],
      [['rollout', 'status', 'httproute/shop'], /KubeMate simulates rollouts of Deployments only/],
      [['request', 'shop.example.com/health', '--from-outside'], /Answered by pod default\/api-/],
      [['request', 'http://172.18.255.200/api', '-H', 'Host: shop.example.com', '-X', 'GET'], /HTTPRoute +default\/shop/],
      [['delete', 'httproute', 'shop'], /httproute\.gateway\.networking\.k8s\.io "shop" deleted from default namespace/],
      [['request', 'shop.example.com/health', '--from-outside'], /could not resolve|404 Not Found: no Ingress rule/i],
    ];
    for (const [args, expected] of table) {
      const r = await run(dir, ...args, ...state);
      assert.match(r.out + r.err, expected, args.join(' '));
    }
    const bad = await run(dir, 'request', 'shop.example.com/', '-H', 'nocolon', ...state);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /-H takes a header as Name: value/);
  });
});
