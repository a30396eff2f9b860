// `kubectl describe` for Service, Endpoints and Ingress. upstream: kubectl pkg/describe/describe.go
// (describeService, describeEndpoints, describeIngressV1, describeBackendV1, formatEndpointSlices).
import type { Store } from '../../cluster/store';
import type { KObject } from '../../cluster/types';
import { PrefixWriter } from './tabWriter';
import { Any, describeEvents, formatLabels, printAnnotationsMultiline, printLabelsMultiline } from './describeParts';

/**
 * formatEndpointSlices for one port name: the ready `ip:port`s (at most 3, then "+ N more..."),
 * `<none>` when the Service has no endpoints object at all. The simulator keeps Endpoints; their
 * subsets carry what the EndpointSlices would.
 */
function endpointsFor(ep: KObject | undefined, portName: string | undefined): string {
  if (!ep) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const s of (ep.subsets ?? []) as Any[]) {
    for (const port of s.ports ?? []) {
      if ((port.name ?? '') !== (portName ?? '')) continue;
      for (const a of s.addresses ?? []) {
        if (list.length < 3) list.push(`${a.ip}:${port.port}`);
        count++;
      }
    }
  }
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

export function describeService(store: Store, svc: KObject): string {
  const spec = svc.spec ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? 'default'}\n`);
  printLabelsMultiline(w, 'Labels', svc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  const type = spec.type ?? 'ClusterIP';
  w.write(0, `Type:\t${type}\n`);
  // The API server's defaults (ipFamilyPolicy, ipFamilies, clusterIPs) for a Service that has a ClusterIP.
  const hasIP = type !== 'ExternalName';
  if (spec.ipFamilyPolicy || hasIP) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy ?? 'SingleStack'}\n`);
  const families: string[] = spec.ipFamilies ?? (hasIP ? ['IPv4'] : []);
  w.write(0, `IP Families:\t${families.length ? families.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  const ips: string[] = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);
  w.write(0, `IPs:\t${ips.length ? ips.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const lb: Any[] = svc.status?.loadBalancer?.ingress ?? [];
  if (lb.length) w.write(0, `LoadBalancer Ingress:\t${lb.map((i) => (i.ip ? i.ip + (i.ipMode ? ` (${i.ipMode})` : '') : i.hostname)).join(', ')}\n`);
  const ep = store.get('Endpoints', svc.metadata.namespace, svc.metadata.name);
  for (const sp of (spec.ports ?? []) as Any[]) {
    const name = sp.name || '<unset>';
    const proto = sp.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${sp.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${sp.targetPort ?? sp.port}/${proto}\n`);
    if (sp.nodePort) w.write(0, `NodePort:\t${name}\t${sp.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${spec.selector ? endpointsFor(ep, sp.name) : '<none>'}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  const external = spec.externalTrafficPolicy ?? (type === 'NodePort' || type === 'LoadBalancer' ? 'Cluster' : undefined);
  if (external) w.write(0, `External Traffic Policy:\t${external}\n`);
  if (hasIP) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy ?? 'Cluster'}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  describeEvents(w, store, svc);
  return w.toString();
}

export function describeEndpoints(store: Store, ep: KObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace ?? 'default'}\n`);
  printLabelsMultiline(w, 'Labels', ep.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const s of (ep.subsets ?? []) as Any[]) {
    w.write(1, `Addresses:\t${(s.addresses ?? []).map((a: Any) => a.ip).join(',') || '<none>'}\n`);
    w.write(1, `NotReadyAddresses:\t${(s.notReadyAddresses ?? []).map((a: Any) => a.ip).join(',') || '<none>'}\n`);
    if (s.ports?.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of s.ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
    }
    w.write(0, '\n');
  }
  describeEvents(w, store, ep);
  return w.toString();
}

/** describeBackendV1: `svc:port (endpoints)`, or the error kubectl gets when the Service is missing. */
function backend(store: Store, ns: string, b: Any): string {
  if (b?.service) {
    const port = b.service.port?.number ? String(b.service.port.number) : (b.service.port?.name ?? '');
    const sb = `${b.service.name}:${port}`;
    const svc = store.get('Service', ns, b.service.name);
    if (!svc) return `${sb} (<error: services "${b.service.name}" not found>)`;
    let spName = '';
    for (const sp of (svc.spec?.ports ?? []) as Any[]) {
      if ((b.service.port?.number && b.service.port.number === sp.port) || (b.service.port?.name && b.service.port.name === sp.name)) spName = sp.name ?? '';
    }
    return `${sb} (${endpointsFor(store.get('Endpoints', ns, b.service.name), spName)})`;
  }
  if (b?.resource) return `APIGroup: ${b.resource.apiGroup ?? '<none>'}, Kind: ${b.resource.kind}, Name: ${b.resource.name}`;
  return '';
}

export function describeIngress(store: Store, ing: KObject): string {
  const spec = ing.spec ?? {};
  const ns = ing.metadata.namespace ?? 'default';
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ing.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ing.metadata.labels);
  w.write(0, `Namespace:\t${ns}\n`);
  const addresses = [...new Set(((ing.status?.loadBalancer?.ingress ?? []) as Any[]).map((i) => i.ip || i.hostname).filter(Boolean))].sort();
  w.write(0, `Address:\t${addresses.join(',')}\n`);
  w.write(0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
  const def = spec.defaultBackend ? backend(store, ns, spec.defaultBackend) : '<default>';
  w.write(0, `Default backend:\t${def}\n`);
  if (spec.tls?.length) {
    w.write(0, 'TLS:\n');
    for (const t of spec.tls)
      w.write(1, t.secretName ? `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n` : `SNI routes ${(t.hosts ?? []).join(',')}\n`);
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const r of (spec.rules ?? []) as Any[]) {
    if (!r.http) continue;
    count++;
    w.write(1, `${r.host || '*'}\t\n`);
    for (const p of r.http.paths ?? []) w.write(2, `\t${p.path ?? ''} \t${backend(store, ns, p.backend)}\n`);
  }
  if (!count) w.write(1, `*\t*\t${def}\n`);
  printAnnotationsMultiline(w, 'Annotations', ing.metadata.annotations);
  describeEvents(w, store, ing);
  return w.toString();
}
