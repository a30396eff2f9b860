// Golden scenarios: test/golden/<name>.input.yaml → <name>.output.json.
// An input is a YAML stream of steps. A `kind: Step` document starts a step (`action: apply` by
// default); the Kubernetes documents after it are what that step applies. Other actions:
// scale (target, replicas), undo (target, toRevision), deletePod (index into the pod list),
// readiness (index, ready), cordon / drain (node), request (host, path).
// Run with UPDATE_GOLDEN=1 to rewrite the expected outputs.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Simulator } from '../../../server/src/cluster/simulator';
import { rolloutUndo } from '../../../server/src/cluster/controllers/deployment/rollback';
import { resolveIngressRequest } from '../../../server/src/cluster/controllers/ingress';

const DIR = join(process.cwd(), 'test', 'golden');

interface Step {
  action: string;
  [k: string]: unknown;
  docs: Record<string, unknown>[];
}

function readSteps(text: string): Step[] {
  const steps: Step[] = [];
  for (const d of parseAllDocuments(text)) {
    const v = d.toJS() as Record<string, unknown> | null;
    if (!v) continue;
    if (v.kind === 'Step') steps.push({ action: 'apply', ...v, docs: [] } as Step);
    else {
      if (!steps.length) steps.push({ action: 'apply', docs: [] });
      steps[steps.length - 1].docs.push(v);
    }
  }
  return steps;
}

export function runScenario(text: string): unknown[] {
  const sim = Simulator.create();
  const out: unknown[] = [];
  for (const step of readSteps(text)) {
    const target = String(step.target ?? '');
    const [kindName, name] = target.split('/');
    const kind = { deployment: 'Deployment', replicaset: 'ReplicaSet', statefulset: 'StatefulSet' }[kindName] ?? kindName;
    let result: Record<string, unknown> = { action: step.action };
    switch (step.action) {
      case 'apply': {
        const r = sim.apply(step.docs.map((obj, i) => ({ obj, source: { file: 'input.yaml', line: i + 1 } })));
        result.applied = r.applied.map((a) => ({ kind: a.kind, name: a.name, action: a.action, message: a.message }));
        result.events = r.events;
        result.timeline = r.timeline.filter((s) => s.namespace !== 'kube-system');
        break;
      }
      case 'scale': {
        const r = sim.scale(kind, 'default', name, Number(step.replicas));
        result = { ...result, events: r.events, timeline: r.timeline };
        break;
      }
      case 'undo': {
        const r = sim.mutate((store) => {
          const u = rolloutUndo(store, store.get('Deployment', 'default', name)!, Number(step.toRevision ?? 0));
          return { ok: u.ok, lines: [u.message] };
        });
        result = { ...result, lines: r.lines, events: r.events, timeline: r.timeline };
        break;
      }
      case 'deletePod': {
        const pod = sim.snapshot().pods[Number(step.index ?? 0)];
        const r = sim.delete('Pod', pod.namespace, pod.name);
        result = { ...result, deleted: pod.name, events: r.events };
        break;
      }
      case 'readiness': {
        const pod = sim.snapshot().pods[Number(step.index ?? 0)];
        const r = sim.setPodReady(pod.namespace, pod.name, step.ready === true);
        result = { ...result, pod: pod.name, events: r.events };
        break;
      }
      case 'cordon':
      case 'drain': {
        const r = step.action === 'drain' ? sim.drain(String(step.node), { ignoreDaemonSets: true }) : sim.cordon(String(step.node));
        result = { ...result, lines: r.lines, events: r.events };
        break;
      }
      case 'request': {
        const route = resolveIngressRequest(sim.store, String(step.host ?? ''), String(step.path ?? '/'));
        result = { ...result, host: step.host, path: step.path, route: route ?? '404 Not Found' };
        break;
      }
      default:
        throw new Error(`unknown step action ${step.action}`);
    }
    const snap = sim.snapshot();
    out.push({ ...result, pods: snap.pods, replicaSets: snap.replicaSets, services: snap.services, endpoints: snap.endpoints });
  }
  return out;
}

describe('cluster/golden scenarios', () => {
  const inputs = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.input.yaml')).sort() : [];
  it('has scenarios', () => assert.ok(inputs.length >= 6, `found ${inputs.length}`));
  for (const file of inputs) {
    it(file.replace('.input.yaml', ''), () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      const actual = JSON.stringify(runScenario(text), null, 2) + '\n';
      assert.equal(JSON.stringify(runScenario(text), null, 2) + '\n', actual, 'a second run must be byte-identical');
      const expectedPath = join(DIR, file.replace('.input.yaml', '.output.json'));
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, actual);
        if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`${expectedPath} did not exist; written. Review it and run again.`);
        return;
      }
      assert.equal(actual, readFileSync(expectedPath, 'utf8'));
    });
  }
});
