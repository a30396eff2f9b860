// `kubectl expose <kind> <name> [--port P] [--target-port T] [--type T] [--name N]`: a Service
// whose selector is the object's (a Deployment's matchLabels, a pod's labels) and whose ports
// default to the pod template's container ports. The Service is created, not applied: it has no
// last-applied annotation, so a later `apply` of the same name warns as kubectl does.
// upstream: kubectl pkg/cmd/expose/expose.go, polymorphichelpers (MapBasedSelectorForObject, PortsForObject).
import type { Simulator } from '../../cluster/simulator';
import { LAST_APPLIED_ANNOTATION } from '../../cluster/controllers/deployment/deploymentUtil';

import { stateLines } from '../printers/clusterText';
import { failed, groupOf, notFound, out, VerbResult } from '../verbResult';
import { podSpecOf } from './podTemplate';

export interface ExposeOptions {
  port?: number;
  targetPort?: string;
  type?: string;
  name?: string;
  protocol?: string;
}

const EXPOSABLE = new Set(['Pod', 'Service', 'Deployment', 'ReplicaSet', 'ReplicationController']);

export function exposeVerb(sim: Simulator, kind: string, namespace: string, name: string, opts: ExposeOptions): VerbResult {
  const group = groupOf(kind);
  const obj = sim.get(kind, namespace, name);
  if (!obj) return notFound(kind, name, group);
  if (!EXPOSABLE.has(kind)) return failed(`error: cannot expose a ${kind}`); // l10n-exempt: kubectl's own words
  let selector: Record<string, string> | undefined;
  if (kind === 'Pod') selector = obj.metadata.labels;
  else if (kind === 'Service' || kind === 'ReplicationController') selector = obj.spec?.selector;
  else if (obj.spec?.selector?.matchExpressions?.length)
    return failed(
      "error: couldn't retrieve selectors via --selector flag or introspection: the provided selector contains match expressions, which are not supported by expose",
    ); // l10n-exempt
  else selector = obj.spec?.selector?.matchLabels;
  if (!selector || !Object.keys(selector).length)
    return failed("error: couldn't retrieve selectors via --selector flag or introspection: the object has no labels to select its pods by"); // l10n-exempt
  const protocol = opts.protocol ?? 'TCP';
  let ports: { name?: string; port: number; targetPort?: number | string; protocol: string }[];
  if (opts.port !== undefined)
    ports = [
      {
        port: opts.port,
        protocol,
        ...(opts.targetPort !== undefined ? { targetPort: /^\d+$/.test(opts.targetPort) ? Number(opts.targetPort) : opts.targetPort } : {}),
      },
    ];
  else {
    const found =
      kind === 'Service'
        ? ((obj.spec?.ports ?? []) as { port: number; protocol?: string }[]).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }))
        : ((podSpecOf(obj)?.containers ?? []) as { ports?: { containerPort: number; protocol?: string }[] }[]).flatMap((c) =>
            (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' })),
          );
    if (!found.length) return failed("error: couldn't find port via --port flag or introspection"); // l10n-exempt: kubectl's own words
    ports = found.length === 1 ? found : found.map((p, i) => ({ ...p, name: `port-${i + 1}` }));
  }
  const svcName = opts.name ?? name;
  if (sim.get('Service', namespace, svcName)) return failed(`Error from server (AlreadyExists): services "${svcName}" already exists`);
  const svc = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: svcName, namespace, ...(obj.metadata.labels ? { labels: obj.metadata.labels } : {}) },
    spec: { selector, ports, ...(opts.type ? { type: opts.type } : {}) },
  };
  const r = sim.apply([{ obj: svc }], { namespace });
  const created = sim.get('Service', namespace, svcName);
  if (!created) return failed(...r.failures.map((f) => f.message));
  if (created.metadata.annotations) {
    delete created.metadata.annotations[LAST_APPLIED_ANNOTATION];
    if (!Object.keys(created.metadata.annotations).length) delete created.metadata.annotations;
  }
  return {
    ok: true,
    found: true,
    lines: out(`service/${svcName} exposed`),
    state: stateLines(sim, [namespace], r),
    changed: [{ kind: 'Service', namespace, name: svcName }],
    deleted: [],
    run: r,
  };
}
