// What to insert for a key, by its type: `replicas: `, a nested block, a list item.
import type { Schema } from '../../schema/schema';
import type { FieldType } from '../../schema/schemaTypes';

const escape = (s: string) => s.replace(/[$}\\|,]/g, (c) => '\\' + c);

export function keyInsertText(name: string, type: FieldType, schema: Schema): { text: string; retrigger: boolean } {
  switch (type.kind) {
    case 'ref':
      return schema.fieldsOf(type) && Object.keys(schema.fieldsOf(type)!).length
        ? { text: `${name}:\n  $0`, retrigger: true }
        : { text: `${name}: $0`, retrigger: false };
    case 'array':
      return { text: `${name}:\n  - $0`, retrigger: type.items?.kind === 'ref' };
    case 'map':
      return { text: `${name}:\n  $0`, retrigger: false };
    case 'boolean':
      return { text: `${name}: \${1|true,false|}`, retrigger: false };
    case 'string':
      if (type.enum?.length) return { text: `${name}: \${1|${type.enum.map(escape).join(',')}|}`, retrigger: false };
      return { text: `${name}: $0`, retrigger: false };
    default:
      return { text: `${name}: $0`, retrigger: false };
  }
}
