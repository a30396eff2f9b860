// Completion from the workspace: names of ConfigMaps, Secrets, ServiceAccounts, PVCs, Services
// and IngressClasses where a reference is written; ConfigMap/Secret keys; Service ports in
// Ingress backends; container port names for a Service targetPort; labels for selectors (from
// the workloads) and for pod templates (from the Services). The language server merges these
// with the schema's completion.
import { isScalar } from 'yaml';
import type { ParsedFile } from '../../yaml/parsedFile';
import { documentAt } from '../../yaml/parsedFile';
import { locate, PathSegment } from '../../yaml/locate';
import { nodeAtPath } from '../../yaml/nodeAtPath';
import { t } from '../../util/l10n';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import type { IndexedObject } from '../../workspace/indexedObject';
import { objectLabel } from '../../workspace/indexedObject';
import { selectedBy } from './navigation';

export interface RefCompletion {
  label: string;
  insertText: string;
  detail?: string;
  documentation?: string;
  sortText: string;
  /** Offsets in the file of the text the item replaces. */
  replaceStart: number;
  replaceEnd: number;
}

interface Ctx {
  index: WorkspaceIndex;
  here?: IndexedObject;
  namespace: string;
  kind?: string;
  path: PathSegment[];
  sibling: (name: string, up?: number) => unknown;
}

export function crossCompletion(index: WorkspaceIndex, uri: string, file: ParsedFile, offset: number): RefCompletion[] {
  if (file.disabled || !file.documents.length) return [];
  const d = documentAt(file, offset);
  const chunk = d.chunk;
  if (chunk.templated) return [];
  const rel = offset - d.start;
  const at = locate(chunk, rel);
  const here = index.objectsIn(uri).find((o) => o.docIndex === d.index);
  const writtenNs = nodeAtPath(chunk.doc.contents, ['metadata', 'namespace'])?.value;
  const namespace = here?.namespace ?? (isScalar(writtenNs) && typeof writtenNs.value === 'string' ? writtenNs.value : 'default');
  const ctx: Ctx = {
    index,
    here,
    namespace,
    kind: chunk.kind,
    path: at.path,
    sibling: (name, up = 1) => {
      const n = nodeAtPath(chunk.doc.contents, [...at.path.slice(0, -up), name])?.value;
      return isScalar(n) ? n.value : undefined;
    },
  };
  const start = d.start + at.prefixStart;
  const end = at.target === 'blank' ? offset : d.start + Math.max(rel, at.node?.range?.[1] ?? rel);
  const values = at.target === 'value' ? valueItems(ctx) : labelItems(ctx, at.target === 'key' ? at.path.slice(0, -1) : at.path);
  return values.map((v, i) => ({ ...v, sortText: v.sortText ?? String(i).padStart(4, '0'), replaceStart: start, replaceEnd: end }));
}

type Item = Omit<RefCompletion, 'replaceStart' | 'replaceEnd' | 'sortText'> & { sortText?: string };

const tail = (path: PathSegment[], n: number) => path.slice(-n).map(String).join('.');

function valueItems(c: Ctx): Item[] {
  const p = c.path;
  const last = String(p[p.length - 1]);
  const parent = String(p[p.length - 2] ?? '');
  const has = (seg: string) => p.includes(seg);
  if (last === 'name' && ['configMapKeyRef', 'configMapRef', 'configMap'].includes(parent) && !has('port')) return names(c, 'ConfigMap', c.namespace);
  if (
    (last === 'name' && ['secretKeyRef', 'secretRef'].includes(parent)) ||
    (last === 'name' && parent === 'secret' && has('projected')) ||
    (last === 'secretName' && parent === 'secret')
  )
    return names(c, 'Secret', c.namespace);
  if (last === 'name' && p[p.length - 3] === 'imagePullSecrets') return names(c, 'Secret', c.namespace);
  if (last === 'key' && (parent === 'configMapKeyRef' || parent === 'secretKeyRef'))
    return keys(c, parent === 'configMapKeyRef' ? 'ConfigMap' : 'Secret', c.sibling('name'));
  if (last === 'key' && p[p.length - 3] === 'items') {
    const src = String(p[p.length - 4]);
    if (src === 'configMap') return keys(c, 'ConfigMap', c.sibling('name', 3));
    if (src === 'secret') return keys(c, 'Secret', c.sibling(has('projected') ? 'name' : 'secretName', 3));
  }
  if (last === 'serviceAccountName' || last === 'serviceAccount')
    return [{ label: 'default', insertText: 'default', detail: t('every namespace has it'), sortText: 'zz' }, ...names(c, 'ServiceAccount', c.namespace)];
  if (last === 'claimName') return names(c, 'PersistentVolumeClaim', c.namespace);
  if (c.kind === 'Ingress') {
    if ((last === 'name' && parent === 'service') || last === 'serviceName') return names(c, 'Service', c.namespace);
    if (tail(p, 3) === 'service.port.number') return servicePorts(c, c.sibling('name', 2), 'number');
    if (tail(p, 3) === 'service.port.name') return servicePorts(c, c.sibling('name', 2), 'name');
    if (last === 'servicePort') return servicePorts(c, c.sibling('serviceName'), 'both');
    if (last === 'ingressClassName') return names(c, 'IngressClass', '');
  }
  if (c.kind === 'HorizontalPodAutoscaler' && tail(p, 2) === 'scaleTargetRef.name') return names(c, String(c.sibling('kind') ?? 'Deployment'), c.namespace);
  if (c.kind === 'StatefulSet' && tail(p, 2) === 'spec.serviceName') return names(c, 'Service', c.namespace);
  if (c.kind === 'Service' && last === 'targetPort' && p[p.length - 3] === 'ports') return targetPorts(c);
  if (parent === 'selector' || parent === 'matchLabels' || parent === 'labels') return labelValues(c, last, parent === 'labels');
  return [];
}

function fileName(o: IndexedObject): string {
  return decodeURIComponent(o.uri.slice(o.uri.lastIndexOf('/') + 1));
}

function names(c: Ctx, kind: string, namespace: string): Item[] {
  const seen = new Set<string>();
  const out: Item[] = [];
  for (const o of c.index.ofKind(kind)) {
    if (o.namespace !== namespace || !o.name || seen.has(o.name)) continue;
    seen.add(o.name);
    const keyList = o.keys?.map((k) => k.key);
    out.push({
      label: o.name,
      insertText: o.name,
      detail: t('{0} in {1}', kind, fileName(o)),
      documentation: keyList?.length ? t('Keys: {0}', keyList.join(', ')) : undefined,
    });
  }
  return out;
}

function keys(c: Ctx, kind: string, name: unknown): Item[] {
  if (typeof name !== 'string') return [];
  const seen = new Set<string>();
  return c.index
    .find(kind, c.namespace, name)
    .flatMap((o) => o.keys ?? [])
    .filter((k) => !seen.has(k.key) && seen.add(k.key))
    .map((k) => ({ label: k.key, insertText: k.key, detail: t('key of {0} "{1}"', kind, name) }));
}

function servicePorts(c: Ctx, name: unknown, which: 'number' | 'name' | 'both'): Item[] {
  if (typeof name !== 'string') return [];
  const out: Item[] = [];
  for (const s of c.index.find('Service', c.namespace, name)) {
    for (const p of s.servicePorts ?? []) {
      const detail = t('port of Service "{0}"', name);
      if (which !== 'name' && p.port !== undefined)
        out.push({ label: String(p.port), insertText: String(p.port), detail: p.name ? `${detail} (${p.name})` : detail });
      if (which !== 'number' && p.name) out.push({ label: p.name, insertText: p.name, detail: `${detail} (${p.port ?? '?'})` });
    }
  }
  return out;
}

/** Container ports of the pods the Service selects (or of every workload in its namespace). */
function targetPorts(c: Ctx): Item[] {
  const owners = c.here?.selector ? selectedBy(c.index, c.here) : [];
  const pool = owners.length ? owners : c.index.podOwners(c.namespace);
  const seen = new Set<string>();
  const out: Item[] = [];
  for (const w of pool) {
    for (const ct of w.pod!.containers) {
      for (const p of ct.ports) {
        for (const label of [p.name, p.containerPort !== undefined ? String(p.containerPort) : undefined]) {
          if (!label || seen.has(label)) continue;
          seen.add(label);
          out.push({
            label,
            insertText: label,
            detail: t('container port of {0} ({1})', objectLabel(w), ct.name),
            sortText: `${/^\d/.test(label) ? '1' : '0'}${label}`,
          });
        }
      }
    }
  }
  return out;
}

/** Label pairs (`app: web`) at a new key of a selector (from pod templates) or of pod template labels (from selectors). */
function labelItems(c: Ctx, mapPath: PathSegment[]): Item[] {
  const last = String(mapPath[mapPath.length - 1] ?? '');
  const isSelector = (c.kind === 'Service' && tail(mapPath, 2) === 'spec.selector') || last === 'matchLabels';
  const isTemplateLabels = last === 'labels' && mapPath.includes('template');
  if (!isSelector && !isTemplateLabels) return [];
  const pairs = new Map<string, { from: string; own: boolean }>();
  if (isSelector) {
    for (const w of c.index.podOwners(c.namespace)) {
      const own = w === c.here;
      for (const [k, v] of Object.entries(w.pod!.labels)) {
        const key = `${k}: ${v}`;
        if (!pairs.has(key) || own) pairs.set(key, { from: objectLabel(w), own });
      }
    }
  } else {
    for (const s of c.index.selectorsIn(c.namespace)) {
      if (s.selector?.type !== 'map') continue;
      for (const [k, v] of Object.entries(s.selector.selector)) if (!pairs.has(`${k}: ${v}`)) pairs.set(`${k}: ${v}`, { from: objectLabel(s), own: false });
    }
  }
  return [...pairs.entries()].map(([pair, src]) => ({
    label: pair,
    insertText: pair,
    detail: isSelector ? t('pod label of {0}', src.from) : t('selected by {0}', src.from),
    sortText: `${src.own ? '0' : '1'}${pair}`,
  }));
}

/** Values of one label key: from pod templates (in a selector) or from selectors (in pod labels). */
function labelValues(c: Ctx, key: string, templateLabels: boolean): Item[] {
  if (templateLabels && !c.path.includes('template')) return [];
  const values = new Map<string, string>();
  if (!templateLabels) {
    for (const w of c.index.podOwners(c.namespace)) {
      const v = w.pod!.labels[key];
      if (v !== undefined && !values.has(v)) values.set(v, objectLabel(w));
    }
  } else {
    for (const s of c.index.selectorsIn(c.namespace)) {
      const v = s.selector?.type === 'map' ? s.selector.selector[key] : s.selector?.selector.matchLabels?.[key];
      if (v !== undefined && !values.has(v)) values.set(v, objectLabel(s));
    }
  }
  return [...values.entries()].map(([v, from]) => ({
    label: v,
    insertText: v,
    detail: templateLabels ? t('selected by {0}', from) : t('pod label of {0}', from),
  }));
}
