// Node-by-node comparison of two parsed documents for the fast-path differential test: the same
// node class at every place, the same own fields (value, range, source, type, format,
// minFractionDigits, flow, tag, anchor…) and the same document range, directives and line starts.
// Comments and blank-line marks are left out: the fast path does not attach them (see
// server/src/yaml/fastParse.ts).
import { Document, isMap, isNode, isPair, isScalar, isSeq, LineCounter } from 'yaml';

const UNATTACHED = new Set(['comment', 'commentBefore', 'spaceBefore']);

/** The first difference between `a` (fast path) and `b` (yaml), as a path and a message; undefined when equal. */
export function documentDifference(a: Document, la: LineCounter, b: Document, lb: LineCounter): string | undefined {
  if (a.constructor !== b.constructor) return 'document class';
  if (!same(a.range, b.range)) return `document range ${JSON.stringify(a.range)} ≠ ${JSON.stringify(b.range)}`;
  if (a.errors.length || a.warnings.length) return 'fast path reported errors';
  if (b.errors.length || b.warnings.length) return `yaml reported ${b.errors.map((e) => e.code).join(',')}${b.warnings.map((e) => e.code).join(',')}`;
  if (a.directives?.docStart !== b.directives?.docStart) return 'docStart';
  if (!same(la.lineStarts, lb.lineStarts)) return 'line starts';
  if (!same(optionsOf(a), optionsOf(b))) return 'document options';
  return nodeDifference(a.contents, b.contents, '');
}

function optionsOf(d: Document): Record<string, unknown> {
  const o: Record<string, unknown> = { ...d.options };
  delete o.lineCounter;
  delete o._directives;
  return o;
}

function nodeDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b) ? undefined : `${path}: ${String(a)} ≠ ${String(b)}`;
  if (a.constructor !== b.constructor) return `${path}: ${a.constructor.name} ≠ ${b.constructor.name}`;
  if (isNode(a) !== isNode(b) || isPair(a) !== isPair(b)) return `${path}: node kind`;
  const ka = Object.keys(a).filter((k) => !UNATTACHED.has(k));
  const kb = Object.keys(b).filter((k) => !UNATTACHED.has(k));
  if (!same(ka, kb)) return `${path}: fields ${ka.join(',')} ≠ ${kb.join(',')}`;
  for (const k of ka) {
    const va = (a as Record<string, unknown>)[k];
    const vb = (b as Record<string, unknown>)[k];
    if (k === 'items' && (isMap(a) || isSeq(a))) {
      const ia = va as unknown[];
      const ib = vb as unknown[];
      if (ia.length !== ib.length) return `${path}: ${ia.length} items ≠ ${ib.length}`;
      for (let i = 0; i < ia.length; i++) {
        const d = nodeDifference(ia[i], ib[i], `${path}[${i}]`);
        if (d) return d;
      }
    } else if (isPair(a) && (k === 'key' || k === 'value')) {
      const d = nodeDifference(va, vb, `${path}.${k}`);
      if (d) return d;
    } else if (isScalar(a) && k === 'value') {
      if (!Object.is(va, vb)) return `${path}: value ${JSON.stringify(va)} ≠ ${JSON.stringify(vb)}`;
    } else if (!same(va, vb)) return `${path}.${k}: ${JSON.stringify(va)} ≠ ${JSON.stringify(vb)}`;
  }
  return undefined;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
