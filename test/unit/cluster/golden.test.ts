// Golden scenarios: test/golden/<name>.input.yaml → <name>.output.json.
// An input is a YAML stream of steps. A `kind: Step` document starts a step (`action: apply` by
// default); the Kubernetes documents after it are what that step applies. Other actions:
// scale (target, replicas), undo (target, toRevision), deletePod (index into the pod list),
// readiness (index, ready), cordon / drain (node, timeoutSeconds), request (host, path),
// advance (seconds: let simulated time pass — CronJobs fire on their schedule), fault (index,
// fault: crash|oom|liveness|unpullable, container), setImage (target, container, image).
// `kind: SimulationProfile` documents say what images do (as in a cluster profile); a scenario
// with one also records `kubectl get pods` and the Deployments' conditions after every step.
// Run with UPDATE_GOLDEN=1 to rewrite the expected outputs.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Simulator } from '../../../server/src/cluster/simulator';
import { resolveIngressRequest } from '../../../server/src/cluster/controllers/ingress';
// The same verbs the CLI and the editor call.
import { applyVerb } from '../../../server/src/kubectl/verbs/apply';
import { scaleVerb } from '../../../server/src/kubectl/verbs/scale';
import { rolloutUndoVerb } from '../../../server/src/kubectl/verbs/rollout';
import { deleteVerb } from '../../../server/src/kubectl/verbs/delete';
import { readinessVerb } from '../../../server/src/kubectl/verbs/readiness';
import { cordonVerb, drainVerb } from '../../../server/src/kubectl/verbs/nodes';
import type { VerbResult } from '../../../server/src/kubectl/verbResult';
import { faultVerb } from '../../../server/src/kubectl/verbs/fault';
import { setImageVerb } from '../../../server/src/kubectl/verbs/setImage';
import { readSimulationProfile, ImageBehaviour } from '../../../server/src/cluster/runtime/simulationProfile';
import type { FaultAction } from '../../../server/src/cluster/runtime/faultTarget';
import { tableRows } from '../../../server/src/kubectl/printers/getTables';
import { formatTable } from '../../../server/src/kubectl/printers/table';
import { listSorted, userNamespaces } from '../../../server/src/cluster/snapshot';

/** kubectl's own words of a verb (without KubeMate's state block). */
const words = (r: VerbResult) => r.lines.map((l) => l.text);

const DIR = join(process.cwd(), 'test', 'golden');

interface Step {
  action: string;
  [k: string]: unknown;
  docs: Record<string, unknown>[];
}

function readSteps(text: string, simulation: ImageBehaviour[] = []): Step[] {
  const steps: Step[] = [];
  for (const d of parseAllDocuments(text)) {
    const v = d.toJS() as Record<string, unknown> | null;
    if (!v) continue;
    if (v.kind === 'SimulationProfile') {
      const problems: string[] = [];
      simulation.push(...readSimulationProfile(v, 'input.yaml', problems));
      assert.deepEqual(problems, []);
    } else if (v.kind === 'Step') steps.push({ action: 'apply', ...v, docs: [] } as Step);
    else {
      if (!steps.length) steps.push({ action: 'apply', docs: [] });
      steps[steps.length - 1].docs.push(v);
    }
  }
  return steps;
}

/** A failed Job's reason and counts (only for those: the other scenarios' outputs stay as they were). */
function jobFailed(j: {
  status?: { conditions?: { type: string; reason?: string; message?: string }[]; failed?: number; active?: number };
}): Record<string, unknown> {
  const c = (j.status?.conditions ?? []).find((x) => x.type === 'Failed');
  return c ? { failed: `${c.reason}: ${c.message}`, failedPods: j.status?.failed ?? 0 } : {};
}

export function runScenario(text: string): unknown[] {
  const simulation: ImageBehaviour[] = [];
  const steps = readSteps(text, simulation);
  const sim = Simulator.create({ simulation });
  const out: unknown[] = [];
  for (const step of steps) {
    const target = String(step.target ?? '');
    const [kindName, name] = target.split('/');
    const kind = { deployment: 'Deployment', replicaset: 'ReplicaSet', statefulset: 'StatefulSet' }[kindName] ?? kindName;
    let result: Record<string, unknown> = { action: step.action };
    switch (step.action) {
      case 'apply': {
        const r = applyVerb(
          sim,
          step.docs.map((obj, i) => ({ obj, source: { file: 'input.yaml', line: i + 1 } })),
        ).result!;
        result.applied = r.applied.map((a) => ({ kind: a.kind, name: a.name, action: a.action, message: a.message }));
        const hints = r.failures.filter((f) => f.hint).map((f) => f.hint);
        if (hints.length) result.hints = hints;
        result.events = r.events;
        result.timeline = r.timeline.filter((s) => s.namespace !== 'kube-system');
        break;
      }
      case 'scale': {
        const r = scaleVerb(sim, kind, 'default', name, Number(step.replicas)).run!;
        result = { ...result, events: r.events, timeline: r.timeline };
        break;
      }
      case 'undo': {
        const v = rolloutUndoVerb(sim, 'default', name, Number(step.toRevision ?? 0));
        result = { ...result, lines: words(v), events: v.run?.events ?? [], timeline: v.run?.timeline ?? [] };
        break;
      }
      case 'deletePod': {
        const pod = sim.snapshot().pods[Number(step.index ?? 0)];
        const r = deleteVerb(sim, [{ kind: 'Pod', namespace: pod.namespace, name: pod.name }]).run!;
        result = { ...result, deleted: pod.name, events: r.events };
        break;
      }
      case 'readiness': {
        const pod = sim.snapshot().pods[Number(step.index ?? 0)];
        const r = readinessVerb(sim, pod.namespace, pod.name, step.ready === true).run!;
        result = { ...result, pod: pod.name, events: r.events };
        break;
      }
      case 'cordon':
      case 'drain': {
        const timeoutSeconds = step.timeoutSeconds === undefined ? undefined : Number(step.timeoutSeconds);
        const v =
          step.action === 'drain'
            ? drainVerb(sim, String(step.node), { force: false, ignoreDaemonSets: true, timeoutSeconds })
            : cordonVerb(sim, String(step.node), true);
        result = { ...result, lines: words(v), events: v.run!.events };
        break;
      }
      case 'advance': {
        const r = sim.advance(Number(step.seconds ?? 60) * 1000);
        result = { ...result, now: new Date(sim.now()).toISOString(), events: r.events.filter((e) => e.namespace !== 'kube-system') };
        break;
      }
      case 'fault': {
        const pod = sim.snapshot().pods[Number(step.index ?? 0)];
        const v = faultVerb(sim, pod.namespace, pod.name, String(step.fault) as FaultAction, step.container === undefined ? undefined : String(step.container));
        result = { ...result, pod: pod.name, lines: words(v), events: v.run?.events ?? [] };
        break;
      }
      case 'setImage': {
        const v = setImageVerb(sim, kind, 'default', name, { [String(step.container)]: String(step.image) });
        result = { ...result, lines: words(v), events: v.run?.events ?? [], timeline: v.run?.timeline ?? [] };
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
    if (simulation.length) {
      result.now = new Date(sim.now()).toISOString();
      const pods = listSorted(sim.store, 'Pod', userNamespaces);
      result.getPods = pods.length ? formatTable(tableRows('Pod', pods, sim.store, { wide: false, namespaceColumn: false })).split('\n') : [];
      result.deployments = listSorted(sim.store, 'Deployment', userNamespaces).map((d) => ({
        name: d.metadata.name,
        conditions: (d.status?.conditions ?? []).map(
          (c: { type: string; status: string; reason?: string; message?: string }) => `${c.type}=${c.status} ${c.reason ?? ''}: ${c.message ?? ''}`,
        ),
      }));
    }
    // PodDisruptionBudget status as `kubectl get pdb` and the eviction API read it (only when there are any).
    const pdbs = sim.store.list('PodDisruptionBudget').map((p) => ({ name: p.metadata.name, ...(p.status ?? {}) }));
    if (pdbs.length) result.budgets = pdbs;
    // CronJobs: their status and the Jobs that exist (only when there are any).
    const cronJobs = sim.store.list('CronJob').map((c) => ({ name: c.metadata.name, ...(c.status ?? {}) }));
    if (cronJobs.length) result.cronJobs = cronJobs;
    const jobs = sim.store.list('Job').map((j) => ({
      name: j.metadata.name,
      scheduled: j.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp'],
      complete: (j.status?.conditions ?? []).some((c: { type: string }) => c.type === 'Complete'),
      ...jobFailed(j),
    }));
    if (jobs.length) result.jobs = jobs;
    out.push({ ...result, pods: snap.pods, replicaSets: snap.replicaSets, services: snap.services, endpoints: snap.endpoints });
  }
  return out;
}

describe('cluster/golden scenarios', () => {
  const inputs = existsSync(DIR)
    ? readdirSync(DIR)
        .filter((f) => f.endsWith('.input.yaml'))
        .sort()
    : [];
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
