// Cluster DNS as a pod sees it (dnsPolicy ClusterFirst): resolv.conf `search <ns>.svc.cluster.local
// svc.cluster.local cluster.local` with `ndots:5`, so a name with fewer than 5 dots is tried with
// each search domain first, then as is. `<svc>.<ns>.svc.cluster.local` → the ClusterIP; headless
// → the ready pod IPs; ExternalName → a CNAME. Anything else → NXDOMAIN.
// upstream: kubelet pkg/kubelet/network/dns/dns.go (search list, ndots); CoreDNS kubernetes plugin.
import type { Store } from '../store';
import type { KObject } from '../types';
import { CLUSTER_DOMAIN } from './requestTarget';

export type DnsAnswer = { kind: 'service'; fqdn: string; svc: KObject; searched: string | null } | { kind: 'nxdomain'; tried: string[] };

/** The fully qualified names the resolver asks for, in order. */
export function searchNames(name: string, namespace: string): string[] {
  const bare = name.replace(/\.$/, '');
  if (name.endsWith('.')) return [bare];
  const search = [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN].map((d) => `${bare}.${d}`);
  const dots = bare.split('.').length - 1;
  return dots >= 5 ? [bare, ...search] : [...search, bare];
}

/** `<svc>.<ns>.svc.cluster.local` → the Service, if it exists. */
function serviceOf(store: Store, fqdn: string): KObject | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const parts = fqdn.slice(0, -suffix.length).split('.');
  if (parts.length !== 2) return undefined;
  return store.get('Service', parts[1], parts[0]);
}

export function resolveName(store: Store, name: string, namespace: string): DnsAnswer {
  const tried = searchNames(name, namespace);
  for (const fqdn of tried) {
    const svc = serviceOf(store, fqdn);
    if (!svc) continue;
    const searched = fqdn === name.replace(/\.$/, '') ? null : fqdn.slice(name.replace(/\.$/, '').length + 1);
    return { kind: 'service', fqdn, svc, searched };
  }
  return { kind: 'nxdomain', tried };
}
