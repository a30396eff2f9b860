// Go to definition and find references across the workspace: from a reference to the object
// (or key, or port) it names; from an object to everything that uses it; between a Service or
// PodDisruptionBudget selector and the pod templates it selects, both ways.
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import { IndexedObject, loc, Location, Position, Reference } from '../../workspace/indexedObject';
import { navTargetAt } from './navTarget';

/** The objects a reference points at. */
function refTargets(index: WorkspaceIndex, o: IndexedObject, ref: Reference): IndexedObject[] {
  switch (ref.target) {
    case 'IngressClass':
      return index.find('IngressClass', '', ref.name);
    case 'workload':
      return ref.targetKind ? index.find(ref.targetKind, o.namespace, ref.name) : [];
    default:
      return index.find(ref.target, o.namespace, ref.name);
  }
}

/** Does `ref` (made by `from`) point at `target`? */
function pointsAt(from: IndexedObject, ref: Reference, target: IndexedObject): boolean {
  if (ref.name !== target.name) return false;
  if (ref.target === 'IngressClass') return target.kind === 'IngressClass';
  if (from.namespace !== target.namespace) return false;
  return ref.target === 'workload' ? ref.targetKind === target.kind : ref.target === target.kind;
}

/** Pods and workloads a Service/PDB selects; Services and PDBs selecting a pod template. */
export function selectedBy(index: WorkspaceIndex, o: IndexedObject): IndexedObject[] {
  return o.selector ? index.podsMatching(o.namespace, o.selector) : [];
}

export function selecting(index: WorkspaceIndex, o: IndexedObject): IndexedObject[] {
  if (!o.pod) return [];
  return index.selectorsSelecting(o.namespace, o.pod!.labels);
}

/** References (ranges inside consumers) to an object, or to one of its keys. */
export function usesOf(index: WorkspaceIndex, target: IndexedObject, key?: string): Location[] {
  const out: Location[] = [];
  const kind = target.kind;
  for (const c of index.consumersOf(kind, target.namespace, target.name)) {
    for (const ref of c.refs) {
      if (!pointsAt(c, ref, target)) continue;
      if (key === undefined) out.push(loc(c, ref.range));
      else for (const k of ref.keys) if (k.key === key) out.push(loc(c, k.range));
    }
  }
  return out;
}

export function definition(index: WorkspaceIndex, uri: string, pos: Position): Location[] {
  const at = navTargetAt(index, uri, pos);
  if (!at) return [];
  switch (at.type) {
    case 'ref': {
      const targets = refTargets(index, at.o, at.ref);
      return targets.map((t) => {
        if (at.key) {
          const k = t.keys?.find((x) => x.key === at.key!.key);
          if (k) return loc(t, k.range);
        }
        if (at.onPort && at.ref.port) {
          const v = at.ref.port.value;
          const sp = t.servicePorts?.find((p) => (typeof v === 'number' ? p.port === v : p.name === v));
          if (sp) return loc(t, sp.range);
        }
        return loc(t, t.nameRange);
      });
    }
    case 'selector':
      return selectedBy(index, at.o).map((w) => loc(w, w.pod!.labelsRange ?? w.nameRange));
    case 'servicePort': {
      const target = at.port.targetPort ?? at.port.port;
      if (target === undefined) return [];
      const out: Location[] = [];
      for (const w of selectedBy(index, at.o)) {
        for (const c of w.pod!.containers) {
          for (const p of c.ports) {
            if (p.protocol === at.port.protocol && (typeof target === 'number' ? p.containerPort === target : p.name === target)) out.push(loc(w, p.range));
          }
        }
      }
      return out;
    }
    default:
      return [];
  }
}

export function references(index: WorkspaceIndex, uri: string, pos: Position, includeDeclaration: boolean): Location[] {
  const at = navTargetAt(index, uri, pos);
  if (!at) return [];
  const out: Location[] = [];
  const declare = (o: IndexedObject) => {
    if (includeDeclaration) out.push(loc(o, o.nameRange));
  };
  switch (at.type) {
    case 'ref':
      for (const t of refTargets(index, at.o, at.ref)) {
        declare(t);
        out.push(...usesOf(index, t, at.key?.key));
      }
      if (!refTargets(index, at.o, at.ref).length) out.push(loc(at.o, at.key?.range ?? at.ref.range));
      break;
    case 'object':
      declare(at.o);
      out.push(...usesOf(index, at.o));
      for (const s of selecting(index, at.o)) out.push(loc(s, s.selector!.range));
      break;
    case 'offeredKey':
      if (includeDeclaration) out.push(loc(at.o, at.key.range));
      out.push(...usesOf(index, at.o, at.key.key));
      break;
    case 'podLabels':
      for (const s of selecting(index, at.o)) out.push(loc(s, s.selector!.range));
      break;
    case 'selector':
      for (const w of selectedBy(index, at.o)) out.push(loc(w, w.pod!.labelsRange ?? w.nameRange));
      break;
    case 'servicePort':
      break;
  }
  return dedupe(out);
}

/** Without repeats, in file and position order. */
function dedupe(list: Location[]): Location[] {
  const seen = new Set<string>();
  const order = (a: Location, b: Location) =>
    a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  return [...list].sort(order).filter((l) => {
    const k = `${l.uri}:${l.range.start.line}:${l.range.start.character}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
