// What the cursor is on, in terms of the workspace index: a reference to another object (or to
// one of its keys or ports), an object's own name, a selector, a pod template's labels, a
// ConfigMap/Secret key, a Service port.
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import type { IndexedObject, KeyRef, OfferedKey, Position, Range, Reference, ServicePortInfo } from '../../workspace/indexedObject';

export type NavTarget =
  | { type: 'ref'; o: IndexedObject; ref: Reference; key?: KeyRef; onPort?: boolean }
  | { type: 'object'; o: IndexedObject }
  | { type: 'selector'; o: IndexedObject }
  | { type: 'podLabels'; o: IndexedObject }
  | { type: 'offeredKey'; o: IndexedObject; key: OfferedKey }
  | { type: 'servicePort'; o: IndexedObject; port: ServicePortInfo };

function contains(r: Range | undefined, p: Position): boolean {
  if (!r) return false;
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}

/** The object of `uri` whose document holds the (file) line. */
function objectAtLine(index: WorkspaceIndex, uri: string, line: number): IndexedObject[] {
  const objects = index.objectsIn(uri);
  let docIndex = -1;
  for (const o of objects) if (o.line <= line) docIndex = o.docIndex;
  return objects.filter((o) => o.docIndex === docIndex);
}

export function navTargetAt(index: WorkspaceIndex, uri: string, pos: Position): NavTarget | undefined {
  for (const o of objectAtLine(index, uri, pos.line)) {
    const p = { line: pos.line - o.line, character: pos.character };
    for (const ref of o.refs) {
      if (contains(ref.range, p)) return { type: 'ref', o, ref };
      const key = ref.keys.find((k) => contains(k.range, p));
      if (key) return { type: 'ref', o, ref, key };
      if (ref.port && contains(ref.port.range, p)) return { type: 'ref', o, ref, onPort: true };
    }
    if (contains(o.nameRange, p) || contains(o.kindRange, p)) return { type: 'object', o };
    if (o.selector && contains(o.selector.block, p)) return { type: 'selector', o };
    if (o.pod && contains(o.pod.labelsBlock, p)) return { type: 'podLabels', o };
    const key = o.keys?.find((k) => contains(k.range, p));
    if (key) return { type: 'offeredKey', o, key };
    const port = o.servicePorts?.find((sp) => contains(sp.range, p));
    if (port) return { type: 'servicePort', o, port };
  }
  return undefined;
}
