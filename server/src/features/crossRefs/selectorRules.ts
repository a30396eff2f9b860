// Label selectors across objects: a Service or PodDisruptionBudget that selects no pod template
// of its namespace, and a Service targetPort (number or name) no selected container has.
// upstream: endpointslice controller (pods by selector, podutil.FindPort for named ports).
import { t } from '../../util/l10n';
import { sortObjects, WorkspaceIndex } from '../../workspace/workspaceIndex';
import { IndexedObject, loc, objectLabel, ServicePortInfo } from '../../workspace/indexedObject';
import type { Finding } from '../../findings/finding';
import { crossDiag, RelatedInfo } from './crossRefCodes';
import { labelsText, listText, selectorText } from './describe';

export function selectorRules(index: WorkspaceIndex, o: IndexedObject): Finding[] {
  const sel = o.selector;
  if (!sel) return [];
  const selected = index.podsMatching(o.namespace, sel);
  const range = loc(o, sel.range).range;
  if (!selected.length) {
    // With no workload at all in the namespace the pods are clearly defined elsewhere (another
    // repository, a chart, an operator): say so quietly. A near miss among the workloads that are
    // here is the classic label typo: warn.
    if (!index.podOwnerCount(o.namespace)) {
      const msg =
        o.kind === 'PodDisruptionBudget'
          ? t(
              'No workload in this workspace runs in namespace {0}, so none matches this selector ({1}). Unless matching pods are created elsewhere, the PodDisruptionBudget protects no pods.',
              o.namespace,
              selectorText(sel),
            )
          : t(
              'No workload in this workspace runs in namespace {0}, so no pod template has the labels {1}. Unless matching pods are created elsewhere, this Service has no endpoints.',
              o.namespace,
              selectorText(sel),
            );
      return [crossDiag(o.kind === 'PodDisruptionBudget' ? 'pdb-selects-nothing' : 'service-selects-nothing', msg, range, [], 'information')];
    }
    const near = nearest(index, o);
    const related: RelatedInfo[] = near.map((w) => ({
      location: loc(w, w.pod!.labelsRange ?? w.nameRange),
      message: t('{0} has pod labels {1}', objectLabel(w), labelsText(w.pod!.labels)),
    }));
    const nearText = listText(
      near.map((w) => `${objectLabel(w)} (${labelsText(w.pod!.labels)})`),
      3,
    );
    if (o.kind === 'PodDisruptionBudget') {
      return [
        crossDiag(
          'pdb-selects-nothing',
          t(
            'No pod template in namespace {0} matches this selector ({1}): the PodDisruptionBudget protects no pods. Nearest: {2}.',
            o.namespace,
            selectorText(sel),
            nearText,
          ),
          range,
          related,
        ),
      ];
    }
    const msg = t(
      'No pod template in namespace {0} has the labels {1}: this Service selects no pods, so it has no endpoints and connections to it fail. Nearest: {2}.',
      o.namespace,
      selectorText(sel),
      nearText,
    );
    return [crossDiag('service-selects-nothing', msg, range, related)];
  }
  if (o.kind !== 'Service') return [];
  return (o.servicePorts ?? []).flatMap((p) => targetPortRule(o, p, selected));
}

/** Workloads of the namespace sharing the most selector labels (or any, when none shares one). */
function nearest(index: WorkspaceIndex, o: IndexedObject): IndexedObject[] {
  const sel = o.selector!;
  const wanted = sel.type === 'map' ? sel.selector : (sel.selector.matchLabels ?? {});
  const entries = Object.entries(wanted);
  const score = (w: IndexedObject) => entries.filter(([k, v]) => w.pod!.labels[k] === v).length;
  // The workloads sharing a label with the selector come from the label index, best first (ties
  // in index order); the namespace's first workloads fill up to three. Same as scoring them all.
  const sharing = new Set<IndexedObject>();
  for (const [k, v] of entries) for (const w of index.podsWithLabel(o.namespace, k, String(v))) sharing.add(w);
  const top = sortObjects([...sharing])
    .map((w) => ({ w, score: score(w) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((x) => x.w);
  for (const w of index.podOwnersInOrder(o.namespace)) {
    if (top.length >= 3) break;
    if (!top.includes(w)) top.push(w);
  }
  return top;
}

function targetPortRule(o: IndexedObject, p: ServicePortInfo, selected: IndexedObject[]): Finding[] {
  const target = p.targetPort ?? p.port;
  if (target === undefined) return [];
  const range = loc(o, p.targetPortRange ?? p.portRange ?? p.range).range;
  const portsOf = (w: IndexedObject) => w.pod!.containers.flatMap((c) => c.ports.filter((cp) => cp.protocol === p.protocol));
  const related = (w: IndexedObject): RelatedInfo => {
    const first = w.pod!.containers.find((c) => c.ports.length)?.ports[0];
    return {
      location: loc(w, first?.range ?? w.pod!.labelsRange ?? w.nameRange),
      message: t('{0} declares ports: {1}', objectLabel(w), listText(portsOf(w).map(portText))),
    };
  };
  if (typeof target === 'string') {
    // A named targetPort resolves per pod; pods without a port of that name get no endpoint.
    if (/^\d+$/.test(target)) return [];
    if (selected.some((w) => portsOf(w).some((cp) => cp.name === target))) return [];
    const declared = listText(
      selected.map((w) => `${objectLabel(w)}: ${listText(portsOf(w).map(portText), 4)}`),
      3,
    );
    const msg = t(
      'No container selected by this Service has a port named "{0}" (selected: {1}). The Service gets no endpoints for this port.',
      target,
      declared,
    );
    return [crossDiag('target-port-not-exposed', msg, range, selected.slice(0, 3).map(related))];
  }
  // A number works even when the container does not declare it; only a clear mismatch is reported:
  // every selected workload declares ports and none declares this one.
  if (selected.some((w) => portsOf(w).length === 0 || portsOf(w).some((cp) => cp.containerPort === target) || w.pod!.spec.hostNetwork === true)) return [];
  const declared = listText([...new Set(selected.flatMap((w) => portsOf(w).map(portText)))]);
  const msg = t(
    'No container selected by this Service declares containerPort {0} (they declare: {1}). targetPort must be the port the application listens on.',
    target,
    declared,
  );
  return [crossDiag('target-port-not-exposed', msg, range, selected.slice(0, 3).map(related))];
}

function portText(p: { name?: string; containerPort?: number; protocol: string }): string {
  const base = p.name ? `${p.name}:${p.containerPort ?? '?'}` : String(p.containerPort ?? '?');
  return p.protocol !== 'TCP' ? `${base}/${p.protocol}` : base;
}
