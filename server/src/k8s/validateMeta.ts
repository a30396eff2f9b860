// metadata rules: name formats per kind, label keys and values.
// upstream: apimachinery pkg/api/validation/objectmeta.go; pkg/apis/core/validation (name validators per kind).
import { FieldError, fieldError, Path } from './fieldError';
import { isObj, obj, str } from './objectAccess';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './nameFormats';

/** Kinds whose names are RFC 1035 / RFC 1123 labels rather than subdomains. */
const NAME_RULE: Record<string, (v: string) => string[]> = {
  Service: isDNS1035Label,
  Namespace: isDNS1123Label,
};

export function validateName(kind: string, metadata: unknown): FieldError[] {
  const errs: FieldError[] = [];
  const m = obj(metadata);
  const name = str(m?.name);
  if ((name === undefined || name === '') && !str(m?.generateName)) {
    errs.push(fieldError('Required', ['metadata', 'name'], 'name or generateName is required'));
    return errs;
  }
  if (name === undefined || name === '') return errs;
  if (name.includes('{{')) return errs; // a template placeholder, not a name
  const rule = NAME_RULE[kind] ?? isDNS1123Subdomain;
  for (const msg of rule(name)) errs.push(fieldError('Invalid', ['metadata', 'name'], msg, name));
  if (kind === 'CronJob' && name.length > 52) errs.push(fieldError('Invalid', ['metadata', 'name'], 'must be no more than 52 characters', name));
  return errs;
}

export function validateLabels(labels: unknown, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObj(labels)) return errs;
  for (const [k, v] of Object.entries(labels)) {
    for (const msg of isQualifiedName(k)) {
      const e = fieldError('Invalid', at, msg, k);
      e.locate = [...at, k];
      errs.push(e);
    }
    if (v === null || v === undefined) continue;
    const value = String(v);
    for (const msg of isValidLabelValue(value)) {
      const e = fieldError('Invalid', at, msg, value);
      e.locate = [...at, k];
      e.locateValue = true;
      errs.push(e);
    }
  }
  return errs;
}
