// Explains a value where it matters: an enum value (from the upstream "Possible enum values"
// list) or a Quantity in plain words.
import type { FieldType } from '../../schema/schemaTypes';
import { describeBytes, describeCpu, parseQuantityDetailed } from '../../k8s/quantity';
import { t } from '../../util/l10n';

/** `- \`"IfNotPresent"\` means …` lines of an upstream description. */
export function enumValueMeaning(description: string | undefined, value: string): string | undefined {
  if (!description) return undefined;
  const re = new RegExp('^\\s*-\\s*`"' + value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '"`\\s*(.*)$', 'm');
  const m = re.exec(description);
  return m ? m[1].trim() : undefined;
}

/** The explanation of a Quantity, chosen by the resource name (cpu vs memory/storage). */
export function quantityMeaning(resourceName: string, raw: string | number): string | undefined {
  const q = parseQuantityDetailed(raw);
  if (!q) return undefined;
  if (resourceName === 'cpu') return t('{0} = {1}', String(raw), describeCpu(q.value));
  if (/memory|storage|ephemeral/.test(resourceName) || q.suffix.endsWith('i')) {
    const bytes = describeBytes(q.value);
    const decimalHint = /^[kMGTPE]$/.test(q.suffix) ? ' ' + t('(decimal units: 1M = 1,000,000 bytes; Mi is 1,048,576)') : '';
    return t('{0} = {1}', String(raw), bytes) + decimalHint;
  }
  return t('{0} = {1}', String(raw), String(q.value));
}

export function isQuantityField(type: FieldType): boolean {
  return type.kind === 'quantity' || (type.kind === 'map' && type.values?.kind === 'quantity');
}
