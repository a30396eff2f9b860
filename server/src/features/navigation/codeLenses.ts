// CodeLenses that show how objects connect: what a Service (or PodDisruptionBudget) selects,
// which workloads use a ConfigMap, Secret, ServiceAccount or PVC, which Services select a
// workload's pods. Shown above the `kind:` line, next to the dry-run lens.
import { t } from '../../util/l10n';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import { IndexedObject, loc, Location, objectLabel, Range } from '../../workspace/indexedObject';
import { selectedBy, selecting, usesOf } from './navigation';

export interface NavLens {
  range: Range;
  title: string;
  /** Where the lens leads (the objects it counts). */
  locations: Location[];
}

const USED_KINDS = new Set(['ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim']);

function names(list: IndexedObject[], max = 3): string {
  const shown = list.slice(0, max).map(objectLabel).join(', ');
  return list.length > max ? `${shown}, …` : shown;
}

export function codeLenses(index: WorkspaceIndex, uri: string): NavLens[] {
  const out: NavLens[] = [];
  for (const o of index.objectsIn(uri)) {
    const range = loc(o, o.kindRange).range;
    if (o.selector && (o.kind === 'Service' || o.kind === 'PodDisruptionBudget')) {
      const sel = selectedBy(index, o);
      const locations = sel.map((w) => loc(w, w.pod!.labelsRange ?? w.nameRange));
      let title: string;
      if (!sel.length) title = t('selects no pods');
      else if (sel.some((w) => w.pod!.replicas === undefined)) title = t('selects the pods of {0}', names(sel));
      else {
        const n = sel.reduce((sum, w) => sum + (w.pod!.replicas ?? 0), 0);
        title = n === 1 ? t('selects 1 pod ({0})', names(sel)) : t('selects {0} pods ({1})', n, names(sel));
      }
      out.push({ range, title, locations });
    }
    if (USED_KINDS.has(o.kind) && o.name) {
      const users = index.consumersOf(o.kind, o.namespace, o.name);
      const title =
        users.length === 0
          ? t('not used by any workload in the workspace')
          : users.length === 1
            ? t('used by 1 workload ({0})', names(users))
            : t('used by {0} workloads ({1})', users.length, names(users));
      out.push({ range, title, locations: usesOf(index, o) });
    }
    if (o.pod) {
      const sel = selecting(index, o);
      if (sel.length) out.push({ range, title: t('selected by {0}', names(sel)), locations: sel.map((s) => loc(s, s.selector!.range)) });
    }
  }
  return out;
}
