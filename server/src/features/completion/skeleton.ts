// The skeleton a kind inserts into an empty document: apiVersion, kind, metadata.name and
// the required fields (recursively), with tab stops. Workloads get a container, Services a port,
// because a manifest without them is rejected.
import type { Schema } from '../../schema/schema';
import { apiVersionOf } from '../../schema/schema';
import type { FieldType, KindEntry } from '../../schema/schemaTypes';

const EXTRA_REQUIRED: Record<string, string[]> = {
  'apps.v1.DeploymentSpec': ['replicas', 'selector', 'template'],
  'apps.v1.StatefulSetSpec': ['serviceName'],
  'core.v1.ServiceSpec': ['selector', 'ports'],
  'core.v1.ServicePort': ['port', 'targetPort'],
  'core.v1.Container': ['image', 'ports'],
  'core.v1.ContainerPort': ['containerPort'],
  'meta.v1.LabelSelector': ['matchLabels'],
  'core.v1.PodTemplateSpec': ['metadata', 'spec'],
  'meta.v1.ObjectMeta': ['labels'],
};

interface Ctx {
  schema: Schema;
  stop: number;
  name: string;
}

function scalarValue(ctx: Ctx, fieldName: string, type: FieldType): string {
  if (type.enum?.length) return `\${${ctx.stop++}|${type.enum.join(',')}|}`;
  if (fieldName === 'labels' || fieldName === 'matchLabels' || fieldName === 'selector') return '';
  switch (type.kind) {
    case 'integer':
    case 'int-or-string':
      return `\${${ctx.stop++}:${fieldName === 'replicas' ? '1' : '80'}}`;
    case 'boolean':
      return `\${${ctx.stop++}|true,false|}`;
    default:
      return fieldName === 'image' ? `\${${ctx.stop++}:nginx:1.27}` : `\${${ctx.stop++}:${fieldName}}`;
  }
}

function body(ctx: Ctx, typeKey: string, indent: string, depth: number, skip: Set<string>): string[] {
  const def = ctx.schema.type(typeKey);
  if (!def || depth > 6) return [];
  const wanted = new Set([
    ...Object.entries(def.fields)
      .filter(([, f]) => f.required)
      .map(([n]) => n),
    ...(EXTRA_REQUIRED[typeKey] ?? []),
  ]);
  const lines: string[] = [];
  // `name` first, as people write it; then the schema's order.
  const names = Object.keys(def.fields).sort((a, b) => (a === 'name' ? -1 : b === 'name' ? 1 : 0));
  for (const name of names) {
    if (!wanted.has(name) || skip.has(name)) continue;
    const f = def.fields[name];
    if ((name === 'labels' || name === 'matchLabels') && f.kind === 'map') {
      lines.push(`${indent}${name}:`, `${indent}  app: \${1:${ctx.name}}`);
      continue;
    }
    if (name === 'selector' && f.kind === 'map') {
      lines.push(`${indent}${name}:`, `${indent}  app: \${1:${ctx.name}}`);
      continue;
    }
    if (f.kind === 'ref' && ctx.schema.fieldsOf(f)) {
      lines.push(`${indent}${name}:`, ...body(ctx, f.ref!, indent + '  ', depth + 1, new Set()));
    } else if (f.kind === 'array' && f.items?.kind === 'ref') {
      const inner = body(ctx, f.items.ref!, indent + '    ', depth + 1, new Set());
      if (inner.length) inner[0] = `${indent}  - ${inner[0].trimStart()}`;
      lines.push(`${indent}${name}:`, ...(inner.length ? inner : [`${indent}  - `]));
    } else {
      lines.push(`${indent}${name}: ${name === 'name' && depth > 0 ? `\${1:${ctx.name}}` : scalarValue(ctx, name, f)}`);
    }
  }
  return lines;
}

export function kindSkeleton(schema: Schema, entry: KindEntry): string {
  const ctx: Ctx = { schema, stop: 2, name: 'app' };
  const lines = [`apiVersion: ${apiVersionOf(entry)}`, `kind: ${entry.kind}`, 'metadata:', `  name: \${1:${ctx.name}}`];
  const root = schema.type(entry.type);
  if (root?.fields.spec?.kind === 'ref') {
    const spec = body(ctx, root.fields.spec.ref!, '  ', 1, new Set());
    if (spec.length) lines.push('spec:', ...spec);
  }
  for (const extra of ['data']) if (root?.fields[extra]) lines.push(`${extra}:`, `  \${${ctx.stop++}:key}: \${${ctx.stop++}:value}`);
  return lines.join('\n') + '\n$0';
}
