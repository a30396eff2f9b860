// Runs the API server's semantic rules (k8s/apiValidation) on a document and places each
// finding on the key or value it is about, with the upstream message (explained first in zh-cn).
import { isScalar, Node } from 'yaml';
import { validateObject, FieldError } from '../../k8s/apiValidation';
import { localizedFieldError } from '../../k8s/explainFieldError';
import { deepestAlong, nodeAtPath } from '../../yaml/nodeAtPath';
import { DocumentFinding, diag, DiagnosticCode } from './diagnostic';

/** `value` is the document (or List item) as plain JSON, aliases already expanded. */
export function apiRules(root: unknown, value: unknown, reported: Set<string>): DocumentFinding[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const out: DocumentFinding[] = [];
  for (const e of validateObject(value as Record<string, unknown>)) {
    const where = e.locate ?? e.path;
    if (reported.has(where.join('/')) || reported.has(e.path.join('/'))) continue;
    // Below a field the schema already flagged (missing or of the wrong type): one finding is enough.
    const path = e.path.join('/');
    if ([...reported].some((r) => path.startsWith(r + '/'))) continue;
    // An enum the schema already flagged below this field (spec.strategy ← spec.strategy.type).
    if (e.type === 'Unsupported' && [...reported].some((r) => r.startsWith(e.path.join('/') + '/'))) continue;
    const range = rangeFor(root, e);
    if (!range) continue;
    out.push(diag(codeOf(e), localizedFieldError(e), range[0], range[1]));
  }
  return out;
}

function rangeFor(root: unknown, e: FieldError): [number, number] | undefined {
  const where = e.locate ?? e.path;
  const exact = e.type === 'Required' ? undefined : nodeAtPath(root, where);
  let node: Node | undefined;
  if (exact) {
    if (e.locateValue) node = exact.value ?? exact.key;
    else if (e.locate) node = exact.key ?? exact.value;
    else node = isScalar(exact.value) ? exact.value : (exact.key ?? exact.value);
  } else {
    // A missing field: point at the deepest key that exists on the way to it.
    const { nodes } = deepestAlong(root, where);
    node = nodes.key ?? firstKeyOf(nodes.value);
  }
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

function firstKeyOf(n: Node | undefined): Node | undefined {
  const items = (n as { items?: { key?: Node }[] } | undefined)?.items;
  return items?.[0]?.key ?? n;
}

/** A stable code per rule, so users can look it up and suppress it. */
function codeOf(e: FieldError): DiagnosticCode {
  const last = String(e.path[e.path.length - 1] ?? '');
  const inContainer = e.path.some((p) => p === 'containers' || p === 'initContainers');
  if (e.detail.includes('`selector` does not match')) return 'selector-mismatch';
  if (e.detail.startsWith('empty selector')) return 'empty-selector';
  if (e.type === 'Required' && last === 'selector') return 'missing-selector';
  if (e.detail.includes('limit of')) return 'requests-exceed-limits';
  if (e.path[0] === 'metadata' && last === 'name') return 'invalid-name';
  if (last === 'labels' || last === 'matchLabels') return 'invalid-label';
  if (e.path[0] === 'data' || e.path[0] === 'stringData' || e.path[0] === 'binaryData') return 'invalid-config-key';
  if (inContainer && last === 'name' && e.path[e.path.length - 3] !== 'ports' && e.path[e.path.length - 3] !== 'volumeMounts') {
    return e.type === 'Duplicate' ? 'duplicate-container-name' : 'invalid-container-name';
  }
  if (['containerPort', 'hostPort', 'port', 'targetPort', 'nodePort'].includes(last))
    return e.type === 'Invalid' && /[a-z]/.test(String(e.value)) && last === 'targetPort' ? 'invalid-port-name' : 'invalid-port';
  if (e.path.includes('ports') && last === 'name') return e.type === 'Duplicate' ? 'duplicate-port' : 'invalid-port-name';
  if (e.path.includes('ports') && e.type === 'Duplicate') return 'duplicate-port';
  switch (e.type) {
    case 'Required':
      return 'required-value';
    case 'Forbidden':
      return 'forbidden-field';
    case 'NotFound':
      return 'not-found-reference';
    case 'Duplicate':
      return 'duplicate-value';
    case 'Unsupported':
      return 'unsupported-value';
    default:
      return 'invalid-value';
  }
}
