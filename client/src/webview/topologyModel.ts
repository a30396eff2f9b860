// The topology picture as data: Ingress or HTTPRoute (Gateway API) → Service → Pods (grouped by
// ReplicaSet/owner or by node) → the ConfigMaps/Secrets they read, with status and a fixed column layout. For the active file
// it starts from the objects applied from that file and follows what they lead to.
// Pure (no `vscode` import): tested in test/unit/client.
import type { ClusterView, HTTPRouteView, IngressView, ObjectRef, PodView, SourceLocation } from '../../../server/src/protocol/clusterView';
import { objectId } from '../../../server/src/protocol/clusterProtocol';
import { podLook, GREEN, RED, YELLOW, type Translate } from '../clusterView/statusLook';

type BoxStatus = 'ok' | 'warn' | 'error' | 'idle';

export interface Box {
  id: string;
  kind: string;
  label: string;
  sub: string;
  status: BoxStatus;
  x: number;
  y: number;
  w: number;
  h: number;
  ref: ObjectRef;
  source: SourceLocation | null;
}

interface Group {
  id: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Edge {
  from: string;
  to: string;
  kind: 'route' | 'endpoint' | 'notReady' | 'reads';
}

export interface Topology {
  boxes: Box[];
  groups: Group[];
  edges: Edge[];
  width: number;
  height: number;
}

export interface TopologyOptions {
  /** Only what the objects applied from this URI lead to; the whole cluster when absent. */
  fileUri?: string;
  groupBy: 'owner' | 'node';
  /** Localises the few words of the sub-lines (key counts, "missing"). */
  t: Translate;
}

const BOX_W = 190;
const BOX_H = 44;
const GAP = 14;
const GROUP_PAD = 10;
const GROUP_HEAD = 22;
const COLS = [20, 260, 500, 780];
const TOP = 36;

function podStatus(p: PodView): BoxStatus {
  const c = podLook(p).color;
  return c === GREEN ? 'ok' : c === YELLOW ? 'warn' : c === RED ? 'error' : 'idle';
}

function ingressBox(ing: IngressView, y: number): Box {
  const ref = { kind: 'Ingress', namespace: ing.namespace, name: ing.name };
  const hosts = [...new Set(ing.routes.map((r) => `${r.host}${r.path === '(default)' ? '' : r.path}`))].join(' ');
  const status: BoxStatus = ing.routes.some((r) => r.problem) ? 'error' : 'ok';
  return { id: objectId(ref), kind: 'Ingress', label: ing.name, sub: hosts, status, x: COLS[0], y, w: BOX_W, h: BOX_H, ref, source: ing.source };
}

/** An HTTPRoute: refused by its Gateway or with unresolved backends → error; no controller status yet → idle. */
function routeBox(route: HTTPRouteView, y: number): Box {
  const ref = { kind: 'HTTPRoute', namespace: route.namespace, name: route.name };
  const gateways = route.parents.map((p) => p.gateway).join(',');
  const conditions = [...route.parents.map((p) => p.accepted), route.resolvedRefs];
  const problem = route.rules.some((rule) => rule.backends.some((b) => b.problem));
  const status: BoxStatus = conditions.some((c) => c?.status === 'False') ? 'error' : conditions.every((c) => c === null) ? 'idle' : problem ? 'warn' : 'ok';
  const sub = [gateways && `⇐ ${gateways}`, route.hostnames.join(' ')].filter(Boolean).join(' · ');
  return { id: objectId(ref), kind: 'HTTPRoute', label: route.name, sub, status, x: COLS[0], y, w: BOX_W, h: BOX_H, ref, source: route.source };
}

export function buildTopology(view: ClusterView, opts: TopologyOptions): Topology {
  const system = new Set(view.namespaces.filter((n) => n.system).map((n) => n.name));
  const userPods = view.pods.filter((p) => !system.has(p.namespace));
  const rsOwner = new Map(view.workloads.filter((w) => w.owner).map((w) => [`${w.kind}/${w.namespace}/${w.name}`, w.owner!]));
  const topOwner = (p: PodView) => (p.owner ? (rsOwner.get(`${p.owner.kind}/${p.namespace}/${p.owner.name}`) ?? p.owner) : null);
  const file = opts.fileUri;
  const fromFile = (s: SourceLocation | null) => !file || s?.uri === file;

  // Seeds: what the file applied; then follow pods ← workloads, services → pods, ingress → services.
  const seedWorkloads = new Set(
    view.workloads.filter((w) => !system.has(w.namespace) && w.source && fromFile(w.source)).map((w) => `${w.kind}/${w.namespace}/${w.name}`),
  );
  const services = view.services.filter((s) => !system.has(s.namespace) && s.name !== 'kubernetes');
  const pods = userPods.filter((p) => {
    if (!file) return true;
    if (fromFile(p.source)) return true;
    const chain = [p.owner, topOwner(p)].filter(Boolean).map((o) => `${o!.kind}/${p.namespace}/${o!.name}`);
    if (chain.some((c) => seedWorkloads.has(c))) return true;
    return services.some((s) => s.source && fromFile(s.source) && s.namespace === p.namespace && s.endpoints.some((e) => e.pod === p.name));
  });
  const podKeys = new Set(pods.map((p) => `${p.namespace}/${p.name}`));
  const shownServices = services.filter((s) => (file ? fromFile(s.source) : true) || s.endpoints.some((e) => e.pod && podKeys.has(`${s.namespace}/${e.pod}`)));
  const svcKeys = new Set(shownServices.map((s) => `${s.namespace}/${s.name}`));
  const ingresses = view.ingresses.filter(
    (i) => !system.has(i.namespace) && (fromFile(i.source) || i.routes.some((r) => r.service && svcKeys.has(`${i.namespace}/${r.service}`))),
  );
  const backendsOf = (r: HTTPRouteView) => r.rules.flatMap((rule) => rule.backends);
  const httpRoutes = (view.httpRoutes ?? []).filter(
    (r) => !system.has(r.namespace) && (fromFile(r.source) || backendsOf(r).some((b) => svcKeys.has(`${b.namespace}/${b.service}`))),
  );

  const boxes: Box[] = [];
  const groups: Group[] = [];
  const edges: Edge[] = [];

  // Column 3: pods in groups.
  const groupKey = (p: PodView) => (opts.groupBy === 'node' ? (p.node ?? '(unscheduled)') : p.owner ? `${p.owner.kind} ${p.owner.name}` : '(no controller)');
  const byGroup = new Map<string, PodView[]>();
  for (const p of pods) byGroup.set(groupKey(p), [...(byGroup.get(groupKey(p)) ?? []), p]);
  let y = TOP;
  const podY = new Map<string, number>();
  for (const [key, members] of [...byGroup].sort(([a], [b]) => a.localeCompare(b))) {
    const gy = y;
    y += GROUP_HEAD;
    for (const p of members) {
      const ref = { kind: 'Pod', namespace: p.namespace, name: p.name };
      const id = objectId(ref);
      boxes.push({
        id,
        kind: 'Pod',
        label: p.name,
        sub: `${p.status} · ${p.ip ?? '—'}${opts.groupBy === 'owner' && p.node ? ` · ${p.node}` : ''}`,
        status: podStatus(p),
        x: COLS[2] + GROUP_PAD,
        y,
        w: BOX_W,
        h: BOX_H,
        ref,
        source: p.source,
      });
      podY.set(`${p.namespace}/${p.name}`, y);
      y += BOX_H + GAP / 2;
    }
    groups.push({ id: `group:${key}`, label: key, x: COLS[2], y: gy, w: BOX_W + 2 * GROUP_PAD, h: y - gy + GROUP_PAD / 2 });
    y += GAP + GROUP_PAD;
  }
  const height = Math.max(y, TOP + BOX_H);

  // A column placed next to what it connects to: sorted by the mean y of its neighbours.
  const place = <T>(items: T[], anchor: (x: T) => number[], make: (x: T, y: number) => void) => {
    const mean = (ys: number[]) => (ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : Infinity);
    let next = TOP;
    for (const it of items.map((x) => ({ x, a: mean(anchor(x)) })).sort((p, q) => p.a - q.a)) {
      const want = Number.isFinite(it.a) ? Math.max(next, it.a) : next;
      make(it.x, want);
      next = want + BOX_H + GAP;
    }
  };
  const svcY = new Map<string, number>();
  place(
    shownServices,
    (s) => s.endpoints.map((e) => podY.get(`${s.namespace}/${e.pod}`)).filter((v): v is number => v !== undefined),
    (s, sy) => {
      const ref = { kind: 'Service', namespace: s.namespace, name: s.name };
      const ready = s.endpoints.filter((e) => e.ready).length;
      const port = s.ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}` : String(p.port))).join(',');
      boxes.push({
        id: objectId(ref),
        kind: 'Service',
        label: s.name,
        sub: `${s.type} ${port} · ${ready}/${s.endpoints.length}`,
        status: ready ? 'ok' : s.selector ? 'warn' : 'idle',
        x: COLS[1],
        y: sy,
        w: BOX_W,
        h: BOX_H,
        ref,
        source: s.source,
      });
      svcY.set(`${s.namespace}/${s.name}`, sy);
      for (const e of s.endpoints)
        if (e.pod && podKeys.has(`${s.namespace}/${e.pod}`))
          edges.push({ from: objectId(ref), to: objectId({ kind: 'Pod', namespace: s.namespace, name: e.pod }), kind: e.ready ? 'endpoint' : 'notReady' });
    },
  );
  // Column 1: Ingresses and HTTPRoutes (Gateway API, their Gateways in the sub-line), placed together.
  const backendKeys = (r: HTTPRouteView) => backendsOf(r).map((b) => `${b.namespace}/${b.service}`);
  const routers: ({ ingress: IngressView } | { route: HTTPRouteView })[] = [
    ...ingresses.map((ingress) => ({ ingress })),
    ...httpRoutes.map((route) => ({ route })),
  ];
  place(
    routers,
    (x) =>
      ('ingress' in x ? x.ingress.routes.map((r) => `${x.ingress.namespace}/${r.service}`) : backendKeys(x.route))
        .map((k) => svcY.get(k))
        .filter((v): v is number => v !== undefined),
    (x, ry) => {
      const box = 'ingress' in x ? ingressBox(x.ingress, ry) : routeBox(x.route, ry);
      boxes.push(box);
      const targets = 'ingress' in x ? x.ingress.routes.flatMap((r) => (r.service ? [`${x.ingress.namespace}/${r.service}`] : [])) : backendKeys(x.route);
      for (const key of new Set(targets)) {
        if (!svcKeys.has(key)) continue;
        const [namespace, name] = key.split('/');
        edges.push({ from: box.id, to: objectId({ kind: 'Service', namespace, name }), kind: 'route' });
      }
    },
  );

  // Column 4: ConfigMaps / Secrets the pods read — including missing ones, drawn in red.
  const configs = new Map<string, { ref: ObjectRef; readers: string[] }>();
  for (const p of pods) {
    for (const [kind, names] of [
      ['ConfigMap', p.configMaps],
      ['Secret', p.secrets],
    ] as const) {
      for (const name of names) {
        const ref = { kind, namespace: p.namespace, name };
        const c = configs.get(objectId(ref)) ?? { ref, readers: [] };
        c.readers.push(`${p.namespace}/${p.name}`);
        configs.set(objectId(ref), c);
      }
    }
  }
  // Configs the file applied are shown even when no pod reads them yet.
  for (const c of view.configs) {
    if (system.has(c.namespace) || (file ? !fromFile(c.source) : false)) continue;
    const ref = { kind: c.kind, namespace: c.namespace, name: c.name };
    if (!configs.has(objectId(ref))) configs.set(objectId(ref), { ref, readers: [] });
  }
  place(
    [...configs.values()],
    (c) => c.readers.map((r) => podY.get(r)!).filter((v) => v !== undefined),
    (c, cy) => {
      const found = view.configs.find((x) => x.kind === c.ref.kind && x.namespace === c.ref.namespace && x.name === c.ref.name);
      const id = objectId(c.ref);
      boxes.push({
        id,
        kind: c.ref.kind,
        label: c.ref.name,
        sub: `${c.ref.kind} · ${found ? (found.keys.length === 1 ? opts.t('1 key') : opts.t('{0} keys', found.keys.length)) : opts.t('missing')}`,
        status: found ? (c.readers.length ? 'ok' : 'idle') : 'error',
        x: COLS[3],
        y: cy,
        w: BOX_W,
        h: BOX_H,
        ref: c.ref,
        source: found?.source ?? null,
      });
      for (const r of c.readers) {
        const [ns, name] = r.split('/');
        edges.push({ from: objectId({ kind: 'Pod', namespace: ns, name }), to: id, kind: 'reads' });
      }
    },
  );
  const bottom = Math.max(height, ...boxes.map((b) => b.y + b.h + GAP));
  return { boxes, groups, edges, width: COLS[3] + BOX_W + 20, height: bottom };
}
