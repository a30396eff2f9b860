// Checks one Kubernetes document against the generated schema by walking the YAML AST:
// unknown fields, wrong types, missing required fields, enum values, quantities.
import { isMap, isScalar, isSeq, isAlias, Node, Scalar, YAMLMap } from 'yaml';
import type { Schema, PathSegment } from '../../schema/schema';
import { typeLabel } from '../../schema/schema';
import type { FieldType } from '../../schema/schemaTypes';
import { isValidQuantity, parseQuantity } from '../../k8s/quantity';
import { matchesFormat } from '../../k8s/stringFormats';

/** Resources measured in bytes. */
const BYTE_RESOURCES = new Set(['memory', 'storage', 'ephemeral-storage']);
import { t } from '../../util/l10n';
import { DocumentFinding, diag } from './diagnostic';
import { didYouMean } from '../../util/didYouMean';

export interface WalkResult {
  diagnostics: DocumentFinding[];
  /** Paths (joined with '/') already reported, so API rules do not repeat them. */
  reported: Set<string>;
}

const rangeOf = (n: Node): [number, number] => [n.range![0], n.range![1]];
const ANY: FieldType = { kind: 'any' };

export function schemaWalk(schema: Schema, rootType: string, root: unknown): WalkResult {
  const out: WalkResult = { diagnostics: [], reported: new Set() };
  // One path for the whole walk, extended and shortened as it goes down and up: it is only
  // read when a finding is reported (most nodes have none).
  walk(schema, { kind: 'ref', ref: rootType }, root as Node, [], undefined, out);
  return out;
}

function report(out: WalkResult, path: PathSegment[], d: DocumentFinding): void {
  out.diagnostics.push(d);
  out.reported.add(path.join('/'));
}

const fieldNameOf = (path: PathSegment[]): string => String(path[path.length - 1] ?? '');

/** The required fields of an object type, in declaration order (once per type, not per object). */
const requiredFields = new WeakMap<Record<string, FieldType>, string[]>();
function requiredOf(fields: Record<string, FieldType>): string[] {
  let hit = requiredFields.get(fields);
  if (!hit) {
    hit = [];
    for (const name in fields) if (fields[name].required) hit.push(name);
    requiredFields.set(fields, hit);
  }
  return hit;
}

function walk(schema: Schema, type: FieldType, node: Node | null | undefined, path: PathSegment[], ownerKey: Node | undefined, out: WalkResult): void {
  if (!node || type.kind === 'any' || isAlias(node)) return;
  if (isScalar(node) && node.value === null) return; // null is accepted for every field, as the API server does
  switch (type.kind) {
    case 'ref': {
      const fields = schema.fieldsOf(type);
      if (!fields) return;
      if (!isMap(node)) {
        const [start, end] = rangeOf(node);
        report(
          out,
          path,
          diag('wrong-type', t('Expected an object ({0}) for "{1}", got {2}.', typeLabel(type), fieldNameOf(path), describeNode(node)), start, end),
        );
        return;
      }
      checkObject(schema, type.ref!, fields, node, path, ownerKey, out);
      return;
    }
    case 'array': {
      if (!isSeq(node)) {
        const [start, end] = rangeOf(node);
        report(
          out,
          path,
          diag('wrong-type', t('Expected a list ({0}) for "{1}", got {2}.', typeLabel(type), fieldNameOf(path), describeNode(node)), start, end),
        );
        return;
      }
      const items = type.items ?? ANY;
      for (let i = 0; i < node.items.length; i++) {
        path.push(i);
        walk(schema, items, node.items[i] as Node, path, undefined, out);
        path.pop();
      }
      return;
    }
    case 'map': {
      if (!isMap(node)) {
        const [start, end] = rangeOf(node);
        report(
          out,
          path,
          diag('wrong-type', t('Expected a map ({0}) for "{1}", got {2}.', typeLabel(type), fieldNameOf(path), describeNode(node)), start, end),
        );
        return;
      }
      const values = type.values ?? ANY;
      for (const pair of node.items) {
        path.push(isScalar(pair.key) ? String(pair.key.value) : '');
        walk(schema, values, pair.value as Node, path, pair.key as Node, out);
        path.pop();
      }
      return;
    }
    default:
      checkScalar(type, node, path, out);
  }
}

function checkObject(
  schema: Schema,
  typeKey: string,
  fields: Record<string, FieldType>,
  node: YAMLMap,
  path: PathSegment[],
  ownerKey: Node | undefined,
  out: WalkResult,
): void {
  const required = requiredOf(fields);
  const present = required.length ? new Set<string>() : undefined;
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    present?.add(key);
    const f = fields[key];
    path.push(key);
    if (f) walk(schema, f, pair.value as Node, path, pair.key as Node, out);
    else if (key !== '<<' && !schema.isOpen(typeKey)) {
      // Not a YAML merge key, nor a type that keeps unknown fields.
      const suggestion = didYouMean(key, Object.keys(fields));
      const owner = typeKey.split('.').pop();
      const msg = suggestion
        ? t('Unknown field "{0}" in {1}. Did you mean "{2}"?', key, owner ?? '', suggestion)
        : t('Unknown field "{0}" in {1}.', key, owner ?? '');
      const [s, e] = rangeOf(pair.key as Node);
      report(out, path, diag('unknown-field', msg, s, e, suggestion ? { replacement: suggestion } : undefined));
    }
    path.pop();
  }
  if (!present) return;
  const missing = required.filter((name) => !present.has(name) && !(path.length === 0 && (name === 'apiVersion' || name === 'kind')));
  if (missing.length) {
    // Point at the key that owns this object (`spec:`), or at the first key of a list item.
    const firstKey = node.items[0]?.key as Node | undefined;
    const anchor = ownerKey ?? firstKey;
    const [s, e] = anchor?.range ? rangeOf(anchor) : [node.range![0], node.range![0] + 1];
    const owner = typeKey.split('.').pop() ?? '';
    for (const name of missing) {
      path.push(name);
      report(out, path, diag('missing-required', t('Missing required field "{0}" in {1}.', name, owner), s, e, { field: name }));
      path.pop();
    }
  }
}

function wrongType(out: WalkResult, path: PathSegment[], type: FieldType, node: Node): void {
  const [start, end] = rangeOf(node);
  report(out, path, diag('wrong-type', t('Expected {0} for "{1}", got {2}.', typeLabel(type), fieldNameOf(path), describeNode(node)), start, end));
}

function checkScalar(type: FieldType, node: Node, path: PathSegment[], out: WalkResult): void {
  if (!isScalar(node)) return wrongType(out, path, type, node);
  const start = node.range![0];
  const end = node.range![1];
  const fieldName = fieldNameOf(path);
  const v = node.value;
  switch (type.kind) {
    case 'string':
      if (typeof v !== 'string') return wrongType(out, path, type, node);
      if (type.enum && !type.enum.includes(v)) {
        const suggestion = didYouMean(v, type.enum);
        const msg = suggestion
          ? t('"{0}" is not a valid value for {1}. Did you mean "{2}"? Allowed: {3}.', v, fieldName, suggestion, type.enum.join(', '))
          : t('"{0}" is not a valid value for {1}. Allowed: {2}.', v, fieldName, type.enum.join(', '));
        report(out, path, diag('invalid-enum', msg, start, end, suggestion ? { replacement: suggestion } : undefined));
      } else if (type.format && !matchesFormat(type.format, v)) {
        report(out, path, diag('invalid-format', t('"{0}" is not a valid {1} for {2}.', v, type.format, fieldName), start, end));
      }
      return;
    case 'integer':
      if (typeof v !== 'number' || !Number.isInteger(v)) return wrongType(out, path, type, node);
      return;
    case 'number':
      if (typeof v !== 'number') return wrongType(out, path, type, node);
      return;
    case 'boolean':
      if (typeof v !== 'boolean') return wrongType(out, path, type, node);
      return;
    case 'int-or-string':
      if (typeof v === 'number' && !Number.isInteger(v)) return wrongType(out, path, type, node);
      if (typeof v !== 'number' && typeof v !== 'string') return wrongType(out, path, type, node);
      return;
    case 'quantity':
      if (typeof v !== 'number' && typeof v !== 'string') return wrongType(out, path, type, node);
      if (!isValidQuantity(v)) {
        report(
          out,
          path,
          diag(
            'invalid-quantity',
            t(
              '"{0}" is not a valid quantity. Write a number with an optional unit, e.g. 500m or 1 (CPU), 128Mi or 1Gi (memory); units are case-sensitive.',
              String(node.source ?? v),
            ),
            start,
            end,
          ),
        );
        return;
      }
      // `memory: 128m` is 0.128 bytes: the API server only warns ("fractional byte value"), the pod cannot start.
      if (BYTE_RESOURCES.has(fieldName) && !Number.isInteger(parseQuantity(v)!)) {
        const n = /^[0-9.]+/.exec(String(v))?.[0] ?? String(v);
        report(
          out,
          path,
          diag(
            'fractional-bytes',
            t(
              '{0} is {1} bytes: a lowercase m means milli, and memory is counted in whole bytes. Did you mean {2}Mi or {2}M?',
              String(v),
              String(parseQuantity(v)),
              n,
            ),
            start,
            end,
            { replacement: `${n}Mi` },
          ),
        );
      }
      return;
  }
}

/** "string \"three\"", "integer 80", "a list", "an object" — for type mismatch messages. */
function describeNode(node: Node): string {
  if (isMap(node)) return t('an object');
  if (isSeq(node)) return t('a list');
  if (isScalar(node)) {
    const v = (node as Scalar).value;
    if (typeof v === 'string') return t('string "{0}"', v);
    if (typeof v === 'number') return Number.isInteger(v) ? t('integer {0}', v) : t('number {0}', v);
    if (typeof v === 'boolean') return t('boolean {0}', v);
  }
  return t('a value');
}
