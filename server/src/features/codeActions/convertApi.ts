// Converts a removed API to its replacement. Most replacements only change apiVersion; a few
// changed shape too and are rewritten here:
//  - Ingress extensions/v1beta1 | networking.k8s.io/v1beta1 → networking.k8s.io/v1:
//    backend.serviceName/servicePort → backend.service.name/port.number|name, spec.backend →
//    spec.defaultBackend, and every path gets pathType (ImplementationSpecific: what v1beta1
//    defaulted to, so routing does not change).
//  - Deployment/DaemonSet/ReplicaSet/StatefulSet → apps/v1: spec.selector became required; the
//    old APIs defaulted it from the template labels, so those labels become matchLabels.
// upstream: https://kubernetes.io/docs/reference/using-api/deprecation-guide/
import { isMap, isScalar, isSeq, Node, Pair, YAMLMap } from 'yaml';
import { t } from '../../util/l10n';
import type { Fix, FixContext } from './codeActions';
import { blockText, deletePairLines, flowText, insertIntoMap, keyColumn, lineEnd, lineStart, pairOf, replaceScalar, TextEditAt, Tree } from './yamlEdits';

/** Replacements whose fields also changed in ways we do not rewrite: the user finishes the job. */
const PARTIAL = new Set(['apiextensions.k8s.io/v1beta1', 'admissionregistration.k8s.io/v1beta1', 'autoscaling/v2beta1', 'certificates.k8s.io/v1beta1']);
const APPS_WORKLOADS = new Set(['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet']);

export function convertApiFixes(ctx: FixContext): Fix[] {
  const to = ctx.data.replacement;
  const root = ctx.root;
  if (ctx.code !== 'removed-api' || typeof to !== 'string' || !isMap(root)) return [];
  const api = pairOf(root, 'apiVersion')?.value;
  const kindNode = pairOf(root, 'kind')?.value;
  if (!isScalar(api) || !isScalar(kindNode)) return [];
  const from = String(api.value);
  const kind = String(kindNode.value);
  const edits: TextEditAt[] = [replaceScalar(ctx.text, api, to)];
  const spec = pairOf(root, 'spec')?.value;
  if (kind === 'Ingress' && to === 'networking.k8s.io/v1' && isMap(spec)) edits.push(...ingressEdits(ctx, spec));
  if (APPS_WORKLOADS.has(kind) && to === 'apps/v1' && isMap(spec)) edits.push(...selectorEdits(ctx, spec));
  const partial = PARTIAL.has(from);
  return [{ title: partial ? t('Change apiVersion to {0} (then fix the fields it reports)', to) : t('Convert to {0}', to), edits, isPreferred: !partial }];
}

function ingressEdits(ctx: FixContext, spec: YAMLMap): TextEditAt[] {
  const edits: TextEditAt[] = [];
  const backend = pairOf(spec, 'backend');
  if (backend) {
    const key = backend.key as Node;
    edits.push({ start: key.range![0], end: key.range![1], newText: 'defaultBackend' });
    if (isMap(backend.value)) edits.push(...backendEdits(ctx, backend.value));
  }
  const rules = pairOf(spec, 'rules')?.value;
  for (const rule of isSeq(rules) ? rules.items : []) {
    const http: unknown = isMap(rule) ? rule.get('http', true) : undefined;
    const paths: unknown = isMap(http) ? http.get('paths', true) : undefined;
    for (const item of isSeq(paths) ? paths.items : []) {
      if (!isMap(item)) continue;
      const b = pairOf(item, 'backend')?.value;
      if (isMap(b)) edits.push(...backendEdits(ctx, b));
      if (!pairOf(item, 'pathType')) edits.push(pathTypeEdit(ctx, item));
    }
  }
  return edits;
}

/** `{serviceName, servicePort}` → `{service: {name, port: {number|name}}}`, in the map's own style. */
function backendEdits(ctx: FixContext, backend: YAMLMap): TextEditAt[] {
  const name = pairOf(backend, 'serviceName');
  const port = pairOf(backend, 'servicePort');
  if (!name && !port) return [];
  const service: Record<string, Tree> = {};
  if (name && isScalar(name.value)) service.name = String(name.value.value);
  if (port && isScalar(port.value)) {
    const v = port.value.value;
    service.port = typeof v === 'number' || /^\d+$/.test(String(v)) ? { number: Number(v) } : { name: String(v) };
  }
  if (backend.flow) {
    const rest: Record<string, Tree> = {};
    for (const p of backend.items) {
      const k = isScalar(p.key) ? String(p.key.value) : '';
      if (k !== 'serviceName' && k !== 'servicePort' && isScalar(p.value)) rest[k] = p.value.value as Tree;
    }
    return [{ start: backend.range![0], end: backend.range![1], newText: flowText({ service, ...rest }) }];
  }
  const pairs = [name, port].filter((p): p is Pair => !!p).sort((a, b) => (a.key as Node).range![0] - (b.key as Node).range![0]);
  const first = pairs[0];
  const at = lineStart(ctx.text, (first.key as Node).range![0]);
  const block = blockText({ service }, keyColumn(ctx.text, backend), ctx.eol);
  const firstEdit = deletePairLines(ctx.text, first);
  return [{ ...firstEdit, start: at, newText: withComments(ctx, pairs, block) }, ...pairs.slice(1).map((p) => deletePairLines(ctx.text, p))];
}

/** Keeps a trailing `# comment` of a rewritten line: serviceName's on `name:`, servicePort's on the port's line. */
function withComments(ctx: FixContext, pairs: Pair[], block: string): string {
  const lines = block.split(ctx.eol);
  for (const p of pairs) {
    const end = (p.value as Node | null)?.range?.[1] ?? (p.key as Node).range![1];
    const comment = /^\s+#.*/.exec(ctx.text.slice(end, lineEnd(ctx.text, end)).replace(/\r$/, ''))?.[0];
    if (!comment) continue;
    const isName = String((p.key as { value: unknown }).value) === 'serviceName';
    const i = isName ? lines.findIndex((l) => /^\s*name:/.test(l)) : lastIndex(lines, (l) => /^\s*(number|name):/.test(l));
    if (i >= 0) lines[i] += comment;
  }
  return lines.join(ctx.eol);
}

function lastIndex<T>(xs: T[], pred: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i])) return i;
  return -1;
}

function pathTypeEdit(ctx: FixContext, item: YAMLMap): TextEditAt {
  const path = pairOf(item, 'path');
  if (item.flow || !path || !isScalar(path.value)) return insertIntoMap(ctx.text, item, { pathType: 'ImplementationSpecific' }, ctx.eol);
  const end = lineEnd(ctx.text, path.value.range![1]);
  return { start: end, end, newText: `${ctx.eol}${' '.repeat(keyColumn(ctx.text, item))}pathType: ImplementationSpecific` };
}

/** apps/v1 requires spec.selector; the removed APIs defaulted it from the template labels. */
function selectorEdits(ctx: FixContext, spec: YAMLMap): TextEditAt[] {
  if (pairOf(spec, 'selector')) return [];
  const template = pairOf(spec, 'template');
  const labels = isMap(template?.value) ? (template!.value as YAMLMap).getIn(['metadata', 'labels'], true) : undefined;
  if (!isMap(labels) || labels.items.length === 0) return [];
  const matchLabels: Record<string, Tree> = {};
  for (const p of labels.items) if (isScalar(p.key) && isScalar(p.value)) matchLabels[String(p.key.value)] = String(p.value.value);
  const selector = { selector: { matchLabels } };
  if (spec.flow) return [insertIntoMap(ctx.text, spec, selector, ctx.eol)];
  const at = lineStart(ctx.text, (template!.key as Node).range![0]);
  return [{ start: at, end: at, newText: blockText(selector, keyColumn(ctx.text, spec), ctx.eol) }];
}
