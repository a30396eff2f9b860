// `kubectl set image <kind>/<name> <container>=<image>… [--record]`: a new image starts a rollout.
// `--record` (deprecated upstream, still accepted) writes the command into the
// kubernetes.io/change-cause annotation, which `rollout history` shows.
// upstream: kubectl pkg/cmd/set/set_image.go, pkg/cmd/util RecordFlags.
import type { Simulator } from '../../cluster/simulator';
import { kubectlName } from '../../k8s/resources';
import { stateLines } from '../printers/clusterText';
import { err, failed, groupOf, notFound, out, VerbResult } from '../verbResult';
import { podSpecOf, replaceTemplate } from './podTemplate';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export function setImageVerb(sim: Simulator, kind: string, namespace: string, name: string, images: Record<string, string>, record?: string): VerbResult {
  const group = groupOf(kind);
  const obj = sim.get(kind, namespace, name);
  if (!obj) return notFound(kind, name, group);
  const spec = podSpecOf(obj);
  if (!spec) return failed(`error: ${kubectlName(kind, group)}/${name} has no pod template, so its image cannot be set`); // l10n-exempt: kubectl's own words
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])] as { name: string; image?: string }[];
  for (const c of Object.keys(images)) {
    if (c !== '*' && !containers.some((x) => x.name === c)) return failed(`error: unable to find container named "${c}"`);
  }
  const r = sim.mutate((store) => {
    replaceTemplate(obj);
    const spec = podSpecOf(obj);
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])] as { name: string; image?: string }[]) {
      const image = images[c.name] ?? images['*'];
      if (image) c.image = image;
    }
    if (record) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: record };
    store.updateSpec(obj);
    return { ok: true, lines: [] };
  });
  const lines = [
    ...(record ? err('Flag --record has been deprecated, --record will be removed in the future') : []),
    ...out(`${kubectlName(kind, group)}/${name} image updated`),
  ];
  return { ok: true, found: true, lines, state: stateLines(sim, [namespace], r), changed: [{ kind, namespace, name }], deleted: [], run: r };
}
