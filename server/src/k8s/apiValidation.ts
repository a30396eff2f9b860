// The API server's semantic validation of one object, on plain JSON. Used by the language
// server (as diagnostics) and by the simulated cluster (to reject an apply), so both say the
// same thing in the same words. Schema-level checks (types, unknown fields, enums of the
// OpenAPI model) live in features/diagnostics; these are the rules the schema cannot express.
import { FieldError, fieldError } from './fieldError';
import { isObj, obj } from './objectAccess';
import { isConfigMapKey } from './nameFormats';
import { validateLabels, validateName } from './validateMeta';
import { validatePodSpec } from './validatePodSpec';
import { validateService } from './validateService';
import { TEMPLATE_PATH, validateWorkload } from './validateWorkload';

export { FieldError, formatFieldError, formatInvalid } from './fieldError';

export function validateObject(o: Record<string, unknown>): FieldError[] {
  const kind = typeof o.kind === 'string' ? o.kind : '';
  const errs: FieldError[] = [];
  errs.push(...validateName(kind, o.metadata));
  const meta = obj(o.metadata);
  if (meta) errs.push(...validateLabels(meta.labels, ['metadata', 'labels']));
  if (kind in TEMPLATE_PATH) errs.push(...validateWorkload(kind, o));
  else if (kind === 'Pod') errs.push(...validatePodSpec(o.spec, ['spec']));
  else if (kind === 'Service') errs.push(...validateService(o));
  else if (kind === 'ConfigMap' || kind === 'Secret') {
    for (const section of ['data', 'binaryData', 'stringData']) {
      const data = o[section];
      if (!isObj(data)) continue;
      for (const key of Object.keys(data)) {
        for (const msg of isConfigMapKey(key)) {
          const e = fieldError('Invalid', [section, key], msg, key, 1);
          errs.push(e);
        }
      }
    }
  }
  return errs;
}
