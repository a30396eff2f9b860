// Quick fixes for lint findings on a container: add a resources block, a probe skeleton, or
// the securityContext setting the rule asks for. Values are starting points the user tunes;
// nothing the user already wrote is overwritten.
import { isMap, isScalar, isSeq, YAMLMap } from 'yaml';
import { arr, get, isObj, num, obj, str } from '../../k8s/objectAccess';
import { t } from '../../util/l10n';
import type { Fix, FixContext } from './codeActions';
import { ensureTree, Tree } from './yamlEdits';

const DEFAULT_CPU = '100m';
const DEFAULT_MEMORY = '128Mi';

/**
 * The container the finding is about: the innermost `containers`/`initContainers` item whose
 * text holds the diagnostic's start (findings sit on the container's name or inside it). Found
 * from the range, so the diagnostics need not carry a path (smaller publishes per keystroke).
 */
function container(ctx: FixContext): { node: YAMLMap; value: Record<string, unknown> } | undefined {
  let found: YAMLMap | undefined;
  const inside = (n: { range?: [number, number, number] | null }) => !!n.range && n.range[0] <= ctx.start && ctx.start < n.range[2];
  const walk = (n: unknown): void => {
    if (isMap(n)) {
      for (const p of n.items) {
        const v = p.value as { range?: [number, number, number] } | null;
        if (!v || !inside(v)) continue;
        const key = isScalar(p.key) ? String(p.key.value) : '';
        if ((key === 'containers' || key === 'initContainers') && isSeq(v)) {
          const item = v.items.find((it) => isMap(it) && inside(it as YAMLMap));
          if (item) found = item as YAMLMap;
        }
        walk(v);
      }
    } else if (isSeq(n)) {
      for (const it of n.items) if (inside(it as YAMLMap)) walk(it);
    }
  };
  walk(ctx.root);
  const value = found?.toJSON() as unknown;
  return found && isObj(value) ? { node: found, value } : undefined;
}

/** Requests for what has neither a request nor a limit, and a memory limit equal to the memory request. */
function resourcesTree(value: Record<string, unknown>): Record<string, Tree> | undefined {
  const res = obj(value.resources);
  const set = (kind: string, r: string) => get(res, kind, r) !== undefined && get(res, kind, r) !== null;
  const requests: Record<string, Tree> = {};
  if (!set('requests', 'cpu') && !set('limits', 'cpu')) requests.cpu = DEFAULT_CPU;
  if (!set('requests', 'memory') && !set('limits', 'memory')) requests.memory = DEFAULT_MEMORY;
  const limits: Record<string, Tree> = {};
  if (!set('limits', 'memory')) limits.memory = (get(res, 'requests', 'memory') as Tree | undefined) ?? requests.memory ?? DEFAULT_MEMORY;
  const resources: Record<string, Tree> = {};
  if (Object.keys(requests).length) resources.requests = requests;
  if (Object.keys(limits).length) resources.limits = limits;
  return Object.keys(resources).length ? { resources } : undefined;
}

/** The port a probe skeleton checks: the container's first named port, else its first number, else 8080. */
function probePort(value: Record<string, unknown>): string | number {
  const first = obj(arr(value.ports)[0]);
  return str(first?.name) ?? num(first?.containerPort) ?? 8080;
}

export function lintFixes(ctx: FixContext): Fix[] {
  switch (ctx.code) {
    case 'no-resource-requests':
    case 'no-resource-limits': {
      const c = container(ctx);
      const tree = c && resourcesTree(c.value);
      return c && tree
        ? [
            {
              title: t('Add resources: requests and a memory limit (starting values; tune them to the app)'),
              edits: ensureTree(ctx.text, c.node, tree, ctx.eol),
            },
          ]
        : [];
    }
    case 'no-readiness-probe':
    case 'no-liveness-probe': {
      const c = container(ctx);
      const probe = ctx.code === 'no-readiness-probe' ? 'readinessProbe' : 'livenessProbe';
      if (!c || c.value[probe] !== undefined) return [];
      const port = probePort(c.value);
      const body: Record<string, Tree> = { httpGet: { path: '/', port }, periodSeconds: 10 };
      // A liveness probe that fails during start-up restarts the container in a loop: give it time.
      if (probe === 'livenessProbe') body.initialDelaySeconds = 10;
      return [
        {
          title: t('Add a {0} (HTTP GET / on port {1}; adjust the path)', probe, String(port)),
          edits: ensureTree(ctx.text, c.node, { [probe]: body }, ctx.eol),
        },
      ];
    }
    case 'allow-privilege-escalation':
      return setSecurity(ctx, 'allowPrivilegeEscalation', false, t('Set allowPrivilegeEscalation: false'));
    case 'run-as-non-root':
      return setSecurity(ctx, 'runAsNonRoot', true, t('Set runAsNonRoot: true (the image must run as a non-root user)'));
  }
  return [];
}

function setSecurity(ctx: FixContext, field: string, value: boolean, title: string): Fix[] {
  const c = container(ctx);
  if (!c) return [];
  // runAsUser: 0 with runAsNonRoot: true is refused by the kubelet: no fix for an explicit root user.
  if (field === 'runAsNonRoot' && (get(c.value, 'securityContext', 'runAsUser') === 0 || ctx.text.slice(ctx.start, ctx.end) === '0')) return [];
  const sc = c.node.get('securityContext', true);
  const existing = isMap(sc) ? sc.get(field, true) : undefined;
  if (isScalar(existing) && existing.range)
    return [{ title, edits: [{ start: existing.range[0], end: existing.range[1], newText: String(value) }], isPreferred: true }];
  return [{ title, edits: ensureTree(ctx.text, c.node, { securityContext: { [field]: value } }, ctx.eol), isPreferred: true }];
}
