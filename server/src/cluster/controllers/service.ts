// Service admission: defaults, ClusterIP and NodePort allocation with the API server's errors.
// upstream: pkg/apis/core/v1/defaults.go SetDefaults_Service; pkg/registry/core/service/
// ipallocator (ServiceIPStaticSubrange) and portallocator (ServiceNodePortStaticSubrange).
import type { Store } from '../store';
import type { KObject } from '../types';
import type { FieldError } from '../../k8s/fieldError';

const SERVICE_CIDR = '10.96.0.0/12';
const CIDR_BASE = ((10 << 24) | (96 << 16)) >>> 0;
const CIDR_SIZE = 2 ** 20;
/** upstream: offset = min(max(16, size/16), 256) — the lower band is kept for static IPs. */
const IP_STATIC_BAND = Math.min(Math.max(16, CIDR_SIZE / 16), 256);
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;
/** upstream calculateRangeOffset: min(max(16, 2768/32), 128) = 86 → dynamic ports from 30086 first. */
const PORT_STATIC_BAND = Math.min(Math.max(16, Math.floor((NODE_PORT_MAX - NODE_PORT_MIN + 1) / 32)), 128);

export interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  nodePort?: number;
  protocol?: string;
  [k: string]: unknown;
}

function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m || m.slice(1).some((x) => +x > 255)) return undefined;
  return ((+m[1] << 24) | (+m[2] << 16) | (+m[3] << 8) | +m[4]) >>> 0;
}

function intToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** upstream SetDefaults_Service (the parts a reader sees in `get`/`describe`). */
export function defaultService(svc: KObject): void {
  const spec = (svc.spec ??= {});
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.type === 'ExternalName') return;
  for (const p of (spec.ports ?? []) as ServicePort[]) {
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  spec.ipFamilyPolicy ??= 'SingleStack';
  spec.ipFamilies ??= ['IPv4'];
}

/**
 * ClusterIPs and nodePorts held by the stored Services, by owner uid. An apply of many Services
 * builds it once and records each Service it stores, instead of rescanning every Service per
 * allocation (which made a 1,000-Service apply quadratic).
 */
export class ServiceAllocations {
  private ips = new Map<string, (string | undefined)[]>();
  private ports = new Map<number, (string | undefined)[]>();

  constructor(store: Store) {
    for (const s of store.list('Service')) this.add(s);
  }

  add(s: KObject): void {
    const uid = s.metadata.uid;
    if (s.spec?.clusterIP && s.spec.clusterIP !== 'None') push(this.ips, s.spec.clusterIP, uid);
    for (const p of (s.spec?.ports ?? []) as ServicePort[]) if (p.nodePort) push(this.ports, p.nodePort, uid);
  }

  remove(s: KObject): void {
    const uid = s.metadata.uid;
    if (s.spec?.clusterIP && s.spec.clusterIP !== 'None') pull(this.ips, s.spec.clusterIP, uid);
    for (const p of (s.spec?.ports ?? []) as ServicePort[]) if (p.nodePort) pull(this.ports, p.nodePort, uid);
  }

  /** Whether a Service other than `except` holds the IP. */
  ipTaken(ip: string, except?: KObject): boolean {
    return heldByOther(this.ips.get(ip), except);
  }

  portTaken(port: number, except?: KObject): boolean {
    return heldByOther(this.ports.get(port), except);
  }
}

function push<K>(m: Map<K, (string | undefined)[]>, k: K, uid: string | undefined): void {
  const l = m.get(k);
  if (l) l.push(uid);
  else m.set(k, [uid]);
}

function pull<K>(m: Map<K, (string | undefined)[]>, k: K, uid: string | undefined): void {
  const l = m.get(k);
  const i = l ? l.indexOf(uid) : -1;
  if (l && i >= 0) l.splice(i, 1);
}

function heldByOther(uids: (string | undefined)[] | undefined, except?: KObject): boolean {
  if (!uids) return false;
  for (const uid of uids) if (!except || uid !== except.metadata.uid) return true;
  return false;
}

/** Random pick in [from, to) with the seeded source, then probe forward (wrapping) for a free one. */
function pick(store: Store, from: number, to: number, taken: (n: number) => boolean): number | undefined {
  const size = to - from;
  if (size <= 0) return undefined;
  const start = from + Math.floor(store.ids.next() * size);
  for (let i = 0; i < size; i++) {
    const n = from + ((start - from + i) % size);
    if (!taken(n)) return n;
  }
  return undefined;
}

/**
 * Allocates (or checks) spec.clusterIP/clusterIPs and nodePorts for a Service being created or
 * updated. Returns field errors with upstream wording; on success mutates `svc`.
 * `old` is the stored version on update: allocated values are kept, a changed clusterIP is rejected.
 */
export function allocateService(store: Store, svc: KObject, old?: KObject, taken: ServiceAllocations = new ServiceAllocations(store)): FieldError[] {
  const spec = svc.spec;
  const errors: FieldError[] = [];
  const type = spec.type;
  if (type === 'ExternalName') {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  } else {
    const oldIP: string | undefined = old?.spec?.type !== 'ExternalName' ? old?.spec?.clusterIP : undefined;
    const requested: string | undefined = spec.clusterIP ?? spec.clusterIPs?.[0];
    if (oldIP && requested && requested !== oldIP) {
      errors.push({ field: 'spec.clusterIPs[0]', path: ['spec', 'clusterIPs', 0], type: 'Invalid', value: requested, detail: 'may not change once set' });
      return errors;
    }
    if (oldIP) {
      spec.clusterIP = oldIP;
    } else if (requested === 'None') {
      spec.clusterIP = 'None';
    } else if (requested) {
      const n = ipToInt(requested);
      if (n === undefined || n <= CIDR_BASE || n >= CIDR_BASE + CIDR_SIZE - 1) {
        errors.push({
          field: 'spec.clusterIPs',
          path: ['spec', 'clusterIPs'],
          type: 'Invalid',
          value: [requested],
          detail: `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`,
        });
      } else if (taken.ipTaken(requested, old)) {
        errors.push({
          field: 'spec.clusterIPs',
          path: ['spec', 'clusterIPs'],
          type: 'Invalid',
          value: [requested],
          detail: `failed to allocate IP ${requested}: provided IP is already allocated`,
        });
      } else spec.clusterIP = requested;
    } else {
      const ipTaken = (off: number) => taken.ipTaken(intToIp(CIDR_BASE + off), old);
      const off = pick(store, IP_STATIC_BAND, CIDR_SIZE - 1, ipTaken) ?? pick(store, 1, IP_STATIC_BAND, ipTaken);
      if (off === undefined)
        errors.push({
          field: 'spec.clusterIPs',
          path: ['spec', 'clusterIPs'],
          type: 'Invalid',
          value: [],
          detail: 'failed to allocate a serviceIP: range is full',
        });
      else spec.clusterIP = intToIp(CIDR_BASE + off);
    }
    if (spec.clusterIP) spec.clusterIPs = [spec.clusterIP];
  }
  errors.push(...allocateNodePorts(store, svc, taken, old));
  return errors;
}

function allocateNodePorts(store: Store, svc: KObject, allocations: ServiceAllocations, old?: KObject): FieldError[] {
  const spec = svc.spec;
  const ports = (spec.ports ?? []) as ServicePort[];
  const wantsNodePorts = spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  if (!wantsNodePorts) {
    // Leaving NodePort/LoadBalancer releases the ports (validation rejects explicit ones on ClusterIP).
    if (old && spec.type !== old.spec?.type) for (const p of ports) delete p.nodePort;
    return [];
  }
  const errors: FieldError[] = [];
  const used = { has: (n: number) => allocations.portTaken(n, old) };
  const oldPorts = ((old?.spec?.ports ?? []) as ServicePort[]).filter((p) => p.nodePort);
  const mine = new Map<number, string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) {
      const keep = oldPorts.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
      if (keep?.nodePort) p.nodePort = keep.nodePort;
    }
    if (p.nodePort) {
      const np = p.nodePort;
      const path = ['spec', 'ports', i, 'nodePort'];
      if (np < NODE_PORT_MIN || np > NODE_PORT_MAX) {
        errors.push({
          field: `spec.ports[${i}].nodePort`,
          path,
          type: 'Invalid',
          value: np,
          detail: `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
        });
      } else if (used.has(np) || (mine.has(np) && mine.get(np) === (p.protocol ?? 'TCP'))) {
        errors.push({ field: `spec.ports[${i}].nodePort`, path, type: 'Invalid', value: np, detail: 'provided port is already allocated' });
      } else mine.set(np, p.protocol ?? 'TCP');
    }
  });
  if (errors.length) return errors;
  for (const p of ports) {
    if (p.nodePort) continue;
    const taken = (n: number) => used.has(n) || mine.has(n);
    const np = pick(store, NODE_PORT_MIN + PORT_STATIC_BAND, NODE_PORT_MAX + 1, taken) ?? pick(store, NODE_PORT_MIN, NODE_PORT_MIN + PORT_STATIC_BAND, taken);
    if (np === undefined) return [{ field: 'spec.ports', path: ['spec', 'ports'], type: 'Invalid', value: p.port, detail: 'range is full' }];
    p.nodePort = np;
    mine.set(np, p.protocol ?? 'TCP');
  }
  return [];
}
