// `npm run demo`: the main job on the bundled examples, as a new user would run it.
// 1. check the tutorial manifests (clean) and a file of typical mistakes (each one found);
// 2. dry-run apply the tutorial app to the simulated cluster: pods and endpoints;
// 3. call it through its Service ten times (the tutorial's load test) and through the Ingress
//    (/route2 is not in its rules: 404);
// 4. roll out v2 (3 replicas, maxSurge/maxUnavailable 25%) step by step, then roll back;
// 5. an image that crashes (a simulation profile): CrashLoopBackOff, and why.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'kubemate-demo-'));
const state = join(dir, 'state.json');
const crashState = join(dir, 'crash.json');
let ok = true;

function step(title, args, expectedExit = 0) {
  console.log(`\n\x1b[1m── ${title}\x1b[0m\n$ kubemate ${args.join(' ')}`);
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit' });
  if (r.status !== expectedExit) {
    ok = false;
    console.log(`\x1b[31m(expected exit code ${expectedExit}, got ${r.status})\x1b[0m`);
  }
}

step('Check the tutorial manifests', ['check', 'examples/k8s-combat', 'examples/k8s-combat-v2']);
step('Check a file of typical mistakes (each one is on purpose)', ['check', 'examples/mistakes'], 1);
step('Dry-run apply the app to the simulated cluster', ['apply', '-f', 'examples/k8s-combat', '--state', state]);
step('Apply again: nothing changed', ['apply', '-f', 'examples/k8s-combat', '--state', state]);
step('Call the app through its Service 10 times: the requests spread over the 2 pods', [
  'request',
  'http://k8s-combat:8081/ping',
  '--count',
  '10',
  '--state',
  state,
]);
step('From outside through the Ingress: /route2 is not in its rules, so 404', ['request', 'k8s-combat.local/route2', '--from-outside', '--state', state], 1);
step('Roll out v2 with 3 replicas (rolling update, step by step)', ['apply', '-f', 'examples/k8s-combat-v2/deployment.yaml', '--state', state]);
step('Rollout history', ['rollout', 'history', 'deployment/k8s-combat', '--state', state]);
step('Roll back to v1', ['rollout', 'undo', 'deployment/k8s-combat', '--state', state]);
step('Pods after the rollback', ['get', 'pods', '-o', 'wide', '--state', state]);
step('An image that exits after 3 s (examples/simulation/cluster.yaml): CrashLoopBackOff, and why', [
  'apply',
  '-f',
  'examples/simulation/crashloop.yaml',
  '--cluster',
  'examples/simulation/cluster.yaml',
  '--state',
  crashState,
]);

rmSync(dir, { recursive: true, force: true });
console.log(ok ? '\nDemo finished.' : '\nDemo finished with unexpected results (see above).');
process.exit(ok ? 0 : 1);
