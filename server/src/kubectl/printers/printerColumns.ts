// `kubectl get` columns of a custom resource: NAME, then the CRD's additionalPrinterColumns of the
// served version (priority 0; priority > 0 only with -o wide), or AGE alone when it declares none.
// The JSONPath subset the columns use: `.a.b`, `.a[0].b`, `.a[*].b` (values joined by ","), and
// `.a[?(@.k=="v")].b`; a `date` column prints as an age.
// upstream: apiextensions-apiserver pkg/registry/customresource/tableconvertor; client-go util/jsonpath.
import type { KObject } from '../../cluster/types';
import type { CustomResourceInfo } from '../../cluster/customResources';
import { age } from './age';

interface PrinterColumn {
  name: string;
  type?: string;
  jsonPath: string;
  priority?: number;
}

type Value = unknown;

/** The values a JSONPath of the supported subset selects in `root`. */
export function selectPath(root: Value, path: string): Value[] {
  const steps = path.match(/\.[^.[]+|\[[^\]]*\]/g) ?? [];
  let current: Value[] = [root];
  for (const step of steps) {
    const next: Value[] = [];
    for (const v of current) {
      if (step.startsWith('.')) {
        if (v && typeof v === 'object' && !Array.isArray(v)) next.push((v as Record<string, Value>)[step.slice(1)]);
        continue;
      }
      if (!Array.isArray(v)) continue;
      const inner = step.slice(1, -1);
      const filter = inner.match(/^\?\(@\.([\w-]+)\s*==\s*["']([^"']*)["']\)$/);
      if (inner === '*') next.push(...v);
      else if (/^\d+$/.test(inner)) next.push(v[Number(inner)]);
      else if (filter) next.push(...v.filter((x) => x && typeof x === 'object' && String((x as Record<string, Value>)[filter[1]]) === filter[2]));
    }
    current = next.filter((x) => x !== undefined);
  }
  return current;
}

function columnsOf(info: CustomResourceInfo, apiVersion: string): PrinterColumn[] {
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  const v = (info.crd.spec?.versions ?? []).find((x: { name: string }) => x.name === version);
  const cols = v?.additionalPrinterColumns;
  return Array.isArray(cols) ? cols.filter((c: PrinterColumn) => typeof c?.name === 'string' && typeof c.jsonPath === 'string') : [];
}

/** Header + rows (NAME first) for custom resources. */
export function customResourceTable(info: CustomResourceInfo, objects: KObject[], now: number, wide: boolean): { headers: string[]; rows: string[][] } {
  const cols = columnsOf(info, objects[0]?.apiVersion ?? info.version).filter((c) => wide || !c.priority);
  if (!cols.length) return { headers: ['NAME', 'AGE'], rows: objects.map((o) => [o.metadata.name, age(o.metadata.creationTimestamp, now)]) };
  const cell = (o: KObject, c: PrinterColumn) => {
    const values = selectPath(o, c.jsonPath);
    if (c.type === 'date') return typeof values[0] === 'string' ? age(values[0], now) : '<unknown>';
    return values.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(',');
  };
  return { headers: ['NAME', ...cols.map((c) => c.name.toUpperCase())], rows: objects.map((o) => [o.metadata.name, ...cols.map((c) => cell(o, c))]) };
}
