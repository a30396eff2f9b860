// Field errors as the API server reports them, and kubectl's rendering of a rejection.
// upstream: apimachinery pkg/util/validation/field/errors.go; kubectl pkg/cmd/util/helpers.go.

export type FieldErrorType = 'Required' | 'Invalid' | 'Unsupported' | 'Duplicate' | 'Forbidden' | 'NotFound' | 'TooLong';
export type Path = (string | number)[];

export interface FieldError {
  /** Rendered field path: `spec.ports[0].nodePort`, `data[Bad Key]`. */
  field: string;
  /** The same path as keys and indexes, for locating it in the YAML text. */
  path: Path;
  type: FieldErrorType;
  detail: string;
  value?: unknown;
  /** A more precise place to point at in the text than `path`, when upstream reports a parent field. */
  locate?: Path;
  /** Point at the value of `locate` (or `path`) rather than at its key. */
  locateValue?: boolean;
}

/** `spec.template.spec.containers[0].name`; map keys that are not identifiers render as `[key]`. */
function renderPath(path: Path, mapKeys: Set<number> = new Set()): string {
  let s = '';
  path.forEach((p, i) => {
    if (typeof p === 'number') s += `[${p}]`;
    else if (mapKeys.has(i)) s += `[${p}]`;
    else s += (s ? '.' : '') + p;
  });
  return s;
}

/** Value rendering of Kubernetes ≥1.34: numbers and booleans plain, strings quoted, the rest JSON. */
function renderValue(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined || v === null) return 'null';
  return JSON.stringify(v);
}

export function fieldError(type: FieldErrorType, path: Path, detail = '', value?: unknown, mapKeyAt?: number): FieldError {
  const keys = new Set<number>(mapKeyAt === undefined ? [] : [mapKeyAt]);
  return { field: renderPath(path, keys), path, type, detail, value };
}

export function formatFieldError(e: FieldError): string {
  switch (e.type) {
    case 'Required':
      return `${e.field}: Required value${e.detail ? ': ' + e.detail : ''}`;
    case 'Invalid':
      return `${e.field}: Invalid value: ${renderValue(e.value)}${e.detail ? ': ' + e.detail : ''}`;
    case 'Unsupported':
      return `${e.field}: Unsupported value: ${renderValue(e.value)}${e.detail ? ': ' + e.detail : ''}`;
    case 'Duplicate':
      return `${e.field}: Duplicate value: ${renderValue(e.value)}`;
    case 'Forbidden':
      return `${e.field}: Forbidden: ${e.detail}`;
    case 'NotFound':
      return `${e.field}: Not found: ${renderValue(e.value)}`;
    case 'TooLong':
      return `${e.field}: Too long: ${e.detail}`;
  }
}

/** `supported values: "A", "B"` (NotSupported). */
export function supportedValues(values: string[]): string {
  return 'supported values: ' + values.map((v) => JSON.stringify(v)).join(', ');
}

/**
 * kubectl's message for an Invalid rejection of one object: one cause on one line,
 * several causes as a bulleted list after the prefix.
 */
export function formatInvalid(kind: string, name: string, errors: FieldError[]): string {
  const causes = [...new Set(errors.map(formatFieldError))];
  const prefix = `The ${kind} "${name}" is invalid: `;
  if (causes.length === 1) return prefix + causes[0];
  return prefix + '\n' + causes.map((c) => `* ${c}`).join('\n');
}

/** The server's own message (`Deployment.apps "web" is invalid: [a, b]`), used in multi-failure applies. */
export function formatServerInvalid(kind: string, group: string, name: string, errors: FieldError[]): string {
  const causes = [...new Set(errors.map(formatFieldError))];
  const k = group ? `${kind}.${group}` : kind;
  return `${k} "${name}" is invalid: ${causes.length === 1 ? causes[0] : '[' + causes.join(', ') + ']'}`;
}
