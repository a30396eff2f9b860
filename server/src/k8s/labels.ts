// Label selectors: matching and rendering.
// upstream: apimachinery pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector; pkg/labels/selector.go.

interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: LabelSelectorRequirement[] | null;
}

type Labels = Record<string, string> | undefined | null;

/**
 * metav1.LabelSelector semantics: null/undefined selects nothing, `{}` selects everything,
 * otherwise every matchLabels pair and every expression must hold.
 */
export function labelSelectorMatches(selector: LabelSelector | undefined | null, labels: Labels): boolean {
  if (selector === undefined || selector === null) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (l[k] !== String(v)) return false;
  }
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, req.key);
    const values = (req.values ?? []).map(String);
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(l[req.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(l[req.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/**
 * Service / ReplicationController map selectors: undefined selects nothing (the endpoints
 * controller ignores such a Service), `{}` selects everything.
 */
export function mapSelectorMatches(selector: Record<string, string> | undefined | null, labels: Labels): boolean {
  if (selector === undefined || selector === null) return false;
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => l[k] === String(v));
}

/** `app=web,tier in (a,b),!canary` — the form kubectl prints in SELECTOR columns. */
export function formatLabelSelector(selector: LabelSelector | Record<string, string> | undefined | null): string {
  if (!selector) return '<none>';
  const isLabelSelector = 'matchLabels' in selector || 'matchExpressions' in selector;
  const parts: string[] = [];
  const matchLabels = isLabelSelector ? ((selector as LabelSelector).matchLabels ?? {}) : (selector as Record<string, string>);
  for (const [k, v] of Object.entries(matchLabels)) parts.push(`${k}=${v}`);
  if (isLabelSelector) {
    for (const r of (selector as LabelSelector).matchExpressions ?? []) {
      const vals = (r.values ?? []).join(',');
      if (r.operator === 'In') parts.push(`${r.key} in (${vals})`);
      else if (r.operator === 'NotIn') parts.push(`${r.key} notin (${vals})`);
      else if (r.operator === 'Exists') parts.push(r.key);
      else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
    }
  }
  return parts.length ? parts.join(',') : '<none>';
}
