// Every Kubernetes object of the workspace: from files on disk and from open editors (an open
// editor's text wins over the file on disk). Pure: callers hand in texts (the language server
// reads the disk). Incremental: updating a file re-extracts only the documents whose text
// changed (extraction is cached on the shared parsed chunks) and reports which dependency keys
// changed, so only the documents that read them are re-checked.
import { ChunkCache, ParsedFile, parseFile } from '../yaml/parsedFile';
import { extractObjects } from './extractObjects';
import { duplicateKey, ExtractedObject, IndexedObject, objectKey, Range, SelectorInfo } from './indexedObject';
import { linksToNameOnly, refTargetKey } from './dependencyKeys';
import { MultiMap } from './multiMap';
import { NearNames } from '../util/nearNames';
import { PodLabelIndex, SelectorIndex, selectorMatches } from './selectorIndex';

export { selectorMatches };

interface FileEntry {
  uri: string;
  diskText?: string;
  /** The open editor's parse, when the file is open. */
  editor?: ParsedFile;
  /**
   * Per document: its text, where it starts and its objects (re-used while both are unchanged).
   * The text, not the parsed chunk, so the index does not keep every document's syntax tree alive.
   */
  docs: { text: string; line: number; objects: IndexedObject[] }[];
  objects: IndexedObject[];
}

export const DEFAULT_MAX_FILES = 5000;

export class WorkspaceIndex {
  private files = new Map<string, FileEntry>();
  private diskFiles = 0;
  private byIdentity = new MultiMap<string, IndexedObject>();
  private byKind = new MultiMap<string, IndexedObject>();
  private byDuplicate = new MultiMap<string, IndexedObject>();
  /** kind, name → objects in every namespace; kind, namespace → objects (names near a missing one). */
  private byKindName = new MultiMap<string, IndexedObject>();
  private byKindNamespace = new MultiMap<string, IndexedObject>();
  /** labels → workloads, and pod labels → the selectors that select them (workspace/selectorIndex). */
  private pods = new PodLabelIndex();
  private selectors = new SelectorIndex();
  private consumers = new MultiMap<string, IndexedObject>();
  private dependents = new MultiMap<string, IndexedObject>();
  /** Bumped on every change that alters what the index answers. */
  version = 0;
  /** Disk files refused because maxFiles was reached. */
  skippedFiles = 0;
  /** When each dependency key last changed (a counter, not a time). */
  private stamps = new Map<string, number>();
  private clock = 0;

  constructor(
    readonly chunks: ChunkCache = new ChunkCache(),
    public maxFiles = DEFAULT_MAX_FILES,
  ) {}

  // ---- updates (each returns the dependency keys whose facts changed) --------------------------

  /** A file read from disk (created or changed). Refused (empty result) beyond maxFiles. */
  setDiskFile(uri: string, text: string): Set<string> {
    let e = this.files.get(uri);
    if (!e) {
      if (this.diskFiles >= this.maxFiles) {
        this.skippedFiles++;
        return new Set();
      }
      e = { uri, docs: [], objects: [] };
      this.files.set(uri, e);
    }
    if (e.diskText === undefined) this.diskFiles++;
    if (e.diskText === text && !e.editor) return new Set();
    e.diskText = text;
    if (e.editor) return new Set();
    return this.replace(e, parseFile(text, this.chunks));
  }

  removeDiskFile(uri: string): Set<string> {
    const e = this.files.get(uri);
    if (!e || e.diskText === undefined) return new Set();
    e.diskText = undefined;
    this.diskFiles--;
    if (e.editor) return new Set();
    const changed = this.replace(e, undefined);
    this.files.delete(uri);
    return changed;
  }

  /** An open editor's current text (parsed with the same chunk cache by the caller). */
  setEditorFile(uri: string, parsed: ParsedFile): Set<string> {
    let e = this.files.get(uri);
    if (!e) this.files.set(uri, (e = { uri, docs: [], objects: [] }));
    if (e.editor === parsed) return new Set();
    e.editor = parsed;
    return this.replace(e, parsed);
  }

  /** The editor closed: the file on disk (if any) counts again. */
  closeEditor(uri: string): Set<string> {
    const e = this.files.get(uri);
    if (!e || !e.editor) return new Set();
    e.editor = undefined;
    if (e.diskText === undefined) {
      const changed = this.replace(e, undefined);
      this.files.delete(uri);
      return changed;
    }
    return this.replace(e, parseFile(e.diskText, this.chunks));
  }

  /** Forget every disk file (before a rescan); open editors stay. */
  clearDisk(): Set<string> {
    const changed = new Set<string>();
    for (const uri of [...this.files.keys()]) for (const k of this.removeDiskFile(uri)) changed.add(k);
    this.skippedFiles = 0;
    return changed;
  }

  // ---- queries ---------------------------------------------------------------------------------

  get fileCount(): number {
    return this.files.size;
  }

  hasFile(uri: string): boolean {
    return this.files.has(uri);
  }

  isOpen(uri: string): boolean {
    return !!this.files.get(uri)?.editor;
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  objectsIn(uri: string): readonly IndexedObject[] {
    return this.files.get(uri)?.objects ?? [];
  }

  /** Objects of a kind with a name in a namespace ('' for cluster-scoped kinds). */
  find(kind: string, namespace: string, name: string): IndexedObject[] {
    return sorted(this.byIdentity.get(objectKey(kind, namespace, name)));
  }

  ofKind(kind: string): IndexedObject[] {
    return sorted(this.byKind.get(kind));
  }

  /** Objects of a kind with this name, in any namespace. */
  named(kind: string, name: string): IndexedObject[] {
    return sorted(this.byKindName.get(`${kind}\0${name}`));
  }

  /** Objects of a kind in one namespace ('' for cluster-scoped kinds). */
  ofKindIn(kind: string, namespace: string): IndexedObject[] {
    return sorted(this.byKindNamespace.get(`${kind}\0${namespace}`));
  }

  /** Objects with the same API group, kind, namespace and name as `o` (itself included). */
  sameIdentity(o: ExtractedObject): IndexedObject[] {
    return sorted(this.byDuplicate.get(duplicateKey(o.group, o.kind, o.namespace, o.name)));
  }

  /**
   * The object of a kind in a namespace whose name is nearest a missing one ("Did you mean …?"):
   * one NearNames per kind and namespace per index version, so thousands of questions (`kubemate
   * check`) cost what they match.
   */
  nearestNamed(kind: string, namespace: string, name: string): IndexedObject | undefined {
    const key = `${kind}\0${namespace}`;
    let hit = this.near.get(key);
    if (!hit || hit.version !== this.version) {
      const objects = this.ofKindIn(kind, namespace);
      const byName = new Map<string, IndexedObject>();
      for (const o of objects) if (!byName.has(o.name)) byName.set(o.name, o);
      hit = { version: this.version, byName, names: new NearNames([...byName.keys()]) };
      this.near.set(key, hit);
    }
    const found = hit.names.nearest(name);
    return found === undefined ? undefined : hit.byName.get(found);
  }
  private near = new Map<string, { version: number; byName: Map<string, IndexedObject>; names: NearNames }>();

  /** Pods and workloads with a pod template in a namespace. */
  podOwners(namespace: string): IndexedObject[] {
    return sorted(this.pods.owners(namespace));
  }

  /** podOwners, sorted once per index version (read-only: shared between callers). */
  podOwnersInOrder(namespace: string): readonly IndexedObject[] {
    const hit = this.ownersInOrder.get(namespace);
    if (hit && hit.version === this.version) return hit.list;
    const list = this.podOwners(namespace);
    this.ownersInOrder.set(namespace, { version: this.version, list });
    return list;
  }
  private ownersInOrder = new Map<string, { version: number; list: readonly IndexedObject[] }>();

  /** How many pods and workloads the namespace has (without sorting them). */
  podOwnerCount(namespace: string): number {
    return this.pods.owners(namespace).size;
  }

  /** Workloads of the namespace with this pod label. */
  podsWithLabel(namespace: string, key: string, value: string): IndexedObject[] {
    return sorted(this.pods.withLabel(namespace, key, value));
  }

  /** Pods and workloads whose pod labels a selector matches. */
  podsMatching(namespace: string, selector: SelectorInfo): IndexedObject[] {
    return sortObjects(this.pods.matching(namespace, selector));
  }

  /** Does any object with a pod selector (of `kind`, when given) in the namespace select these labels? A per-keystroke path. */
  anySelects(namespace: string, labels: Record<string, string>, kind?: string): boolean {
    return this.selectors.any(namespace, labels, kind);
  }

  /** The objects with a pod selector in the namespace that select these pod labels. */
  selectorsSelecting(namespace: string, labels: Record<string, string>): IndexedObject[] {
    return sortObjects(this.selectors.selecting(namespace, labels));
  }

  /** Services and PodDisruptionBudgets of a namespace (objects with a pod selector). */
  selectorsIn(namespace: string): IndexedObject[] {
    return sorted(this.selectors.inNamespace(namespace));
  }

  /** Objects whose references point at the object (kind, namespace, name). */
  consumersOf(kind: string, namespace: string, name: string): IndexedObject[] {
    return sorted(this.consumers.get(objectKey(kind, namespace, name)));
  }

  /** Files holding objects that read any of these dependency keys. */
  dependentUris(keys: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const k of keys) for (const o of this.dependents.get(k)) out.add(o.uri);
    return out;
  }

  /** The current change counter: a result computed now stays valid while `changedSince` is false. */
  get stamp(): number {
    return this.clock;
  }

  /** Has any of these dependency keys changed after `stamp`? */
  changedSince(keys: readonly string[], stamp: number): boolean {
    for (const k of keys) if ((this.stamps.get(k) ?? 0) > stamp) return true;
    return false;
  }

  /** Is `uri` a patch file some Kustomization names? Its documents are partial manifests. */
  isKustomizePatch(uri: string): boolean {
    for (const k of this.ofKind('Kustomization')) {
      for (const rel of k.patchFiles ?? []) {
        try {
          if (new URL(rel, k.uri).href === uri) return true;
        } catch {
          // A path that is no URL reference (a template) names nothing.
        }
      }
    }
    return false;
  }

  allObjects(): IndexedObject[] {
    return [...this.files.values()].flatMap((e) => e.objects);
  }

  // ---- maintenance -----------------------------------------------------------------------------

  private replace(e: FileEntry, parsed: ParsedFile | undefined): Set<string> {
    // A document keeps its objects while its chunk (same text) starts on the same line: typing in
    // one document of a 1,000-document file re-indexes that document only.
    const docs: FileEntry['docs'] = [];
    const removed: IndexedObject[] = [];
    const added: IndexedObject[] = [];
    const documents = parsed && !parsed.disabled ? parsed.documents : [];
    for (let i = 0; i < documents.length; i++) {
      const d = documents[i];
      const prev = e.docs[i];
      if (prev && prev.line === d.line && prev.text === d.chunk.text) {
        docs.push(prev);
        continue;
      }
      if (prev) removed.push(...prev.objects);
      const objects = extractObjects(d.chunk).map((x): IndexedObject => ({ ...x, uri: e.uri, docIndex: d.index, line: d.line, extracted: x }));
      added.push(...objects);
      docs.push({ text: d.chunk.text, line: d.line, objects });
    }
    for (let i = documents.length; i < e.docs.length; i++) removed.push(...e.docs[i].objects);
    e.docs = docs;
    if (!removed.length && !added.length) return new Set();
    const objects: IndexedObject[] = [];
    for (const d of docs) for (const o of d.objects) objects.push(o);
    e.objects = objects;
    for (const o of removed) this.unlink(o);
    for (const o of added) this.link(o);
    this.version++;
    const changed = changedKeys(removed, added);
    if (changed.size) {
      this.clock++;
      for (const k of changed) this.stamps.set(k, this.clock);
    }
    return changed;
  }

  private link(o: IndexedObject): void {
    this.each(o, (m, k) => m.add(k, o));
    this.pods.add(o);
    this.selectors.add(o);
  }

  private unlink(o: IndexedObject): void {
    this.each(o, (m, k) => m.delete(k, o));
    this.pods.delete(o);
    this.selectors.delete(o);
  }

  private each(o: IndexedObject, f: (m: MultiMap<string, IndexedObject>, key: string) => void): void {
    if (o.name) {
      f(this.byIdentity, objectKey(o.kind, o.namespace, o.name));
      f(this.byDuplicate, duplicateKey(o.group, o.kind, o.namespace, o.name));
    }
    f(this.byKind, o.kind);
    if (o.name) f(this.byKindName, `${o.kind}\0${o.name}`);
    f(this.byKindNamespace, `${o.kind}\0${o.namespace}`);
    for (const r of o.refs) {
      const k = refTargetKey(r, o.namespace);
      if (k) f(this.consumers, k);
    }
    for (const k of o.depends) f(this.dependents, k);
  }
}

/**
 * Keys whose (fingerprint, position) differ between the removed and the added objects. The
 * position is the file, the document's line and the ranges other objects' findings link to
 * (relatedInformation): a line inserted above a label moves them.
 */
export function changedKeys(removed: IndexedObject[], added: IndexedObject[]): Set<string> {
  // Only one side (a file opened, closed or emptied): every key it provides changed, and no
  // position needs to be written out to tell (the count below would be non-zero for each).
  if (!removed.length || !added.length) {
    const out = new Set<string>();
    for (const o of removed.length ? removed : added) for (const [k] of o.provides) out.add(k);
    return out;
  }
  const count = new Map<string, number>();
  const bump = (list: IndexedObject[], by: number) => {
    for (const o of list)
      for (const [k, fp] of o.provides) {
        const where = linksToNameOnly(k) ? rangeText(o.nameRange) : rangesOf(o.extracted);
        const id = `${k}\0${fp}\0${o.uri}\0${o.line}\0${where}`;
        count.set(id, (count.get(id) ?? 0) + by);
      }
  };
  bump(removed, -1);
  bump(added, 1);
  const out = new Set<string>();
  for (const [id, n] of count) if (n !== 0) out.add(id.slice(0, id.indexOf('\0')));
  return out;
}

const ranges = new WeakMap<ExtractedObject, string>();

/** Every range an extraction holds, as text (once per extraction: it is cached on its document). */
function rangesOf(x: ExtractedObject): string {
  let hit = ranges.get(x);
  if (hit === undefined) {
    const out: number[] = [];
    collectRanges(x, out, 0);
    ranges.set(x, (hit = out.join(',')));
  }
  return hit;
}

function rangeText(r: Range | undefined): string {
  return r ? `${r.start.line},${r.start.character},${r.end.line},${r.end.character}` : '';
}

function collectRanges(v: unknown, out: number[], depth: number): void {
  if (typeof v !== 'object' || v === null || depth > 8) return;
  const r = v as Partial<Range>;
  if (r.start && r.end && typeof r.start.line === 'number' && typeof r.end.line === 'number') {
    out.push(r.start.line, r.start.character, r.end.line, r.end.character);
    return;
  }
  for (const [k, child] of Object.entries(v)) if (k !== 'crdSpec' && k !== 'provides' && k !== 'depends') collectRanges(child, out, depth + 1);
}

/** Index order: by file, then line. */
export function sortObjects(list: IndexedObject[]): IndexedObject[] {
  return list.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.line - b.line));
}

function sorted(set: ReadonlySet<IndexedObject>): IndexedObject[] {
  return sortObjects([...set]);
}
