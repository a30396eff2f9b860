// `kubectl create job <name> --from=cronjob/<cronjob>`: the CronJob's "run now".
// upstream: kubectl pkg/cmd/create/create_job.go (createJobFromCronJob).
import type { Simulator } from '../../cluster/simulator';
import { jobFromCronJob } from '../../cluster/controllers/cronJob';
import { stateLines } from '../printers/clusterText';
import { failed, out, VerbResult } from '../verbResult';

export function createJobVerb(sim: Simulator, namespace: string, name: string, cronJob: string): VerbResult {
  const cj = sim.get('CronJob', namespace, cronJob);
  if (!cj) return { ...failed(`error: failed to retrieve cronjob: cronjobs.batch "${cronJob}" not found`), found: false };
  if (sim.get('Job', namespace, name)) return failed(`error: failed to create job: jobs.batch "${name}" already exists`);
  const r = sim.mutate((_store, api) => {
    api.create(jobFromCronJob(cj, name));
    return { ok: true, lines: [] };
  });
  return {
    ok: true,
    found: true,
    lines: out(`job.batch/${name} created`),
    state: stateLines(sim, [namespace], r),
    changed: [{ kind: 'Job', namespace, name }],
    deleted: [],
    run: r,
  };
}
