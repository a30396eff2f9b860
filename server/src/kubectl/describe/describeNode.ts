// `kubectl describe node`: conditions, addresses, capacity, system info and the requests and
// limits of its non-terminated pods. upstream: kubectl pkg/describe/describe.go (describeNode,
// describeNodeLease, describeNodeResource, getPodsTotalRequestsAndLimits);
// resourcehelper.PodRequestsAndLimits (containers summed, each init container as a floor).
import type { Store } from '../../cluster/store';
import type { KObject } from '../../cluster/types';
import { parseQuantity } from '../../k8s/quantity';
import { age } from '../printers/age';
import { PrefixWriter } from './tabWriter';
import { Any, date, describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './describeParts';

type Amounts = Record<'cpu' | 'memory' | 'ephemeral-storage', number>;

function podAmounts(pod: Any, which: 'requests' | 'limits'): Amounts {
  const sum: Amounts = { cpu: 0, memory: 0, 'ephemeral-storage': 0 };
  const of = (c: Any, k: keyof Amounts) => parseQuantity(c.resources?.[which]?.[k] ?? 0) ?? 0;
  for (const c of pod.spec?.containers ?? []) for (const k of Object.keys(sum) as (keyof Amounts)[]) sum[k] += of(c, k);
  for (const c of pod.spec?.initContainers ?? []) for (const k of Object.keys(sum) as (keyof Amounts)[]) sum[k] = Math.max(sum[k], of(c, k));
  return sum;
}

/** resource.Quantity String() for a cpu amount in cores. */
function cpuString(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** resource.Quantity String() for bytes (BinarySI: the largest exact Ki/Mi/Gi… suffix). */
function bytesString(bytes: number): string {
  if (bytes === 0) return '0';
  for (const [suffix, size] of [
    ['Ei', 2 ** 60],
    ['Pi', 2 ** 50],
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const) {
    if (bytes % size === 0) return `${bytes / size}${suffix}`;
  }
  return String(bytes);
}

const show = (k: keyof Amounts, v: number) => (k === 'cpu' ? cpuString(v) : bytesString(v));
const pct = (v: number, of: number) => (of ? Math.trunc((v / of) * 100) : 0);

export function describeNode(store: Store, n: KObject): string {
  const st = n.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${n.metadata.name}\n`);
  const roles = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length)
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .sort();
  w.write(0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', n.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', n.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${date(n.metadata.creationTimestamp)}\n`);
  printTaintsMultiline(w, 'Taints', n.spec?.taints);
  w.write(0, `Unschedulable:\t${n.spec?.unschedulable === true}\n`);
  // The kubelet renews its Lease in kube-node-lease every 10 s; the simulator's is always fresh.
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${n.metadata.name}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(1, `RenewTime:\t${date(store.now())}\n`);
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of st.conditions)
      w.write(1, `${c.type} \t${c.status} \t${date(c.lastHeartbeatTime)} \t${date(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  w.write(0, 'Addresses:\n');
  for (const a of (st.addresses ?? []) as Any[]) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ['Capacity', st.capacity],
    ['Allocatable', st.allocatable],
  ] as const) {
    const keys = Object.keys(list ?? {}).sort();
    if (!keys.length) continue;
    w.write(0, `${title}:\n`);
    for (const k of keys) w.write(0, `  ${k}:\t${list[k]}\n`);
  }
  const info = st.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  for (const [label, key] of [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ])
    w.write(0, `  ${label}:\t${info[key] ?? ''}\n`);
  if (n.spec?.podCIDR) w.write(0, `PodCIDR:\t${n.spec.podCIDR}\n`);
  const cidrs: string[] = n.spec?.podCIDRs ?? (n.spec?.podCIDR ? [n.spec.podCIDR] : []);
  if (cidrs.length) w.write(0, `PodCIDRs:\t${cidrs.join(',')}\n`);
  if (n.spec?.providerID) w.write(0, `ProviderID:\t${n.spec.providerID}\n`);
  const pods = store.list('Pod').filter((p) => p.spec?.nodeName === n.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  const alloc = st.allocatable ?? st.capacity ?? {};
  const allocOf = (k: keyof Amounts) => parseQuantity(alloc[k] ?? 0) ?? 0;
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const total = { requests: { cpu: 0, memory: 0, 'ephemeral-storage': 0 } as Amounts, limits: { cpu: 0, memory: 0, 'ephemeral-storage': 0 } as Amounts };
  for (const p of pods) {
    const req = podAmounts(p, 'requests');
    const lim = podAmounts(p, 'limits');
    for (const k of Object.keys(req) as (keyof Amounts)[]) {
      total.requests[k] += req[k];
      total.limits[k] += lim[k];
    }
    const cell = (k: keyof Amounts, v: number) => `${show(k, v)} (${pct(v, allocOf(k))}%)`;
    w.write(
      1,
      `${p.metadata.namespace}\t${p.metadata.name}\t\t${cell('cpu', req.cpu)}\t${cell('cpu', lim.cpu)}\t${cell('memory', req.memory)}\t${cell('memory', lim.memory)}\t${age(p.metadata.creationTimestamp, store.now())}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  for (const k of ['cpu', 'memory', 'ephemeral-storage'] as const) {
    w.write(
      1,
      `${k}\t${show(k, total.requests[k])} (${pct(total.requests[k], allocOf(k))}%)\t${show(k, total.limits[k])} (${pct(total.limits[k], allocOf(k))}%)\n`,
    );
  }
  describeEvents(w, store, n);
  return w.toString();
}
