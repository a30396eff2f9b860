// What a value means, in both languages, for the enum-like fields learners set most
// (imagePullPolicy: IfNotPresent, type: ClusterIP, strategy RollingUpdate …). Written by this
// project; hover and completion show it next to the field docs.
import table from './enumValues.json';

export interface ValueNote {
  zhCn: string;
  en: string;
}

const VALUES = table as Record<string, Record<string, Record<string, ValueNote>>>;

export function enumValueNote(typeKey: string, field: string, value: string): ValueNote | undefined {
  return VALUES[typeKey]?.[field]?.[value];
}

/** Every (type, field) the table covers, for the stale-key check. */
export function enumValueFields(): [typeKey: string, field: string, values: string[]][] {
  return Object.entries(VALUES).flatMap(([type, fields]) => Object.entries(fields).map(([f, v]) => [type, f, Object.keys(v)] as [string, string, string[]]));
}
