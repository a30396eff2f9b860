// `kubectl apply` against the simulated API server: per document created / configured /
// unchanged, or rejected with the API server's message while the other documents still go in.
// upstream: kubectl pkg/cmd/apply/apply.go; apiserver validation and registry strategies.
import type { Store } from './store';
import type { ApiServer } from './apiServer';
import type { AppliedEntry } from '../protocol/clusterSnapshot';
import type { KObject, Pod } from './types';
import { priorityAdmissionError } from './priorityAdmission';
import { clone, isClusterScoped } from './types';
import { validateObject } from '../k8s/apiValidation';
import { FieldError, formatInvalid, formatServerInvalid } from '../k8s/fieldError';
import { kubectlName, resolveResource, resourceName, splitApiVersion } from '../k8s/resources';
import { applyDefaults } from './defaults';
import { customKindFor, customResources } from './customResources';
import { decodeErrorText, decodeHint, decodeManifest } from './decodeGuard';
import { threeWayMerge } from './threeWayMerge';
import { deepEqual } from './controllerUtils';
import { allocateService, ServiceAllocations } from './controllers/service';
import { LAST_APPLIED_ANNOTATION } from './controllers/deployment/deploymentUtil';
import { foldStringData } from '../k8s/foldStringData';
import { tracksGeneration } from '../k8s/generation';
import { t } from '../util/l10n';

export interface ApplyInput {
  obj: Record<string, unknown>;
  /** Where the document came from: a file path or an editor URI, and its 1-based line. */
  source?: { file: string; line: number };
}

/** A rejected document, with what the CLI needs to print kubectl's single- or multi-failure form. */
interface ApplyFailure {
  index: number;
  /** kubectl's line when this is the only failure (`The Deployment "web" is invalid: …`). */
  message: string;
  /** kubectl's line when several documents failed (`Error from server (Invalid): error when creating …`). */
  multiMessage: string;
  errors?: FieldError[];
  /** A localised explanation when the failure comes from the order of the documents. */
  hint?: string;
}

/** `kubectl create -f`: an object that exists is refused; no last-applied annotation unless --save-config. */
export interface CreateMode {
  /** --record: the command, written to kubernetes.io/change-cause. */
  changeCause?: string;
  saveConfig?: boolean;
}

export interface ApplyOutcome {
  applied: AppliedEntry[];
  failures: ApplyFailure[];
  /** kubectl warnings printed before the result lines (e.g. missing last-applied annotation). */
  warnings: string[];
}

const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

const VERSION_ALIASES: Record<string, string[]> = { HorizontalPodAutoscaler: ['v1', 'v2'] };

/** The order hint when the missing namespace is created by a later document of the same apply. */
function laterNamespace(inputs: ApplyInput[], index: number, namespace: string): string | undefined {
  for (let j = index + 1; j < inputs.length; j++) {
    const o = inputs[j].obj;
    if (o.kind !== 'Namespace' || (o.metadata as { name?: unknown } | undefined)?.name !== namespace) continue;
    const where = inputs[j].source ? `${inputs[j].source?.file}:${inputs[j].source?.line}` : `#${j + 1}`;
    const obj = inputs[index].source ? `${inputs[index].source?.file}:${inputs[index].source?.line}` : `#${index + 1}`;
    return t(
      'Order matters: namespace {0} is created later in this apply ({1}) than the object that needs it ({2}). kubectl applies files in name order and the documents of a file from top to bottom, and never moves Namespaces first. Put the Namespace first (for example in a file named 00-namespace.yaml) or apply again.',
      namespace,
      where,
      obj,
    );
  }
  return undefined;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** `text` is JSON.stringify(manifest), which is what a copy without annotations prints as. */
function lastApplied(manifest: Record<string, unknown>, text: string): string {
  if (!(manifest.metadata as KObject['metadata'] | undefined)?.annotations) return text + '\n';
  const copy = JSON.parse(text) as KObject;
  if (copy.metadata?.annotations) {
    delete copy.metadata.annotations[LAST_APPLIED_ANNOTATION];
    if (Object.keys(copy.metadata.annotations).length === 0) delete copy.metadata.annotations;
  }
  return JSON.stringify(copy) + '\n';
}

/** Immutable-field checks on update (registry strategies' ValidateUpdate). */
export function validateUpdate(kind: string, live: KObject, next: KObject): FieldError[] {
  const errors: FieldError[] = [];
  if (['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job'].includes(kind) && !deepEqual(live.spec?.selector, next.spec?.selector)) {
    errors.push({ field: 'spec.selector', path: ['spec', 'selector'], type: 'Invalid', value: next.spec?.selector ?? null, detail: 'field is immutable' });
  }
  if (kind === 'Job' && !deepEqual(live.spec?.template, next.spec?.template)) {
    errors.push({ field: 'spec.template', path: ['spec', 'template'], type: 'Invalid', value: next.spec?.template ?? null, detail: 'field is immutable' });
  }
  if (kind === 'StatefulSet') {
    const allowed = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];
    const strip = (s: Record<string, unknown>) => Object.fromEntries(Object.entries(s ?? {}).filter(([k]) => !allowed.includes(k)));
    if (!deepEqual(strip(live.spec), strip(next.spec))) {
      errors.push({
        field: 'spec',
        path: ['spec'],
        type: 'Forbidden',
        detail:
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      });
    }
  }
  if (kind === 'Pod') {
    const norm = (spec: Record<string, unknown>) => {
      const s = clone(spec ?? {}) as Record<string, unknown> & { containers?: { image?: string }[]; initContainers?: { image?: string }[] };
      for (const c of s.containers ?? []) delete c.image;
      for (const c of s.initContainers ?? []) delete c.image;
      delete s.activeDeadlineSeconds;
      delete s.tolerations;
      delete s.terminationGracePeriodSeconds;
      delete s.nodeName;
      return s;
    };
    if (!deepEqual(norm(live.spec), norm(next.spec))) {
      errors.push({
        field: 'spec',
        path: ['spec'],
        type: 'Forbidden',
        detail:
          'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      });
    }
  }
  return errors;
}

/**
 * Applies documents in the order given — kubectl's order: files in lexical order (a directory is
 * walked name by name), the documents of a file in file order; nothing is reordered by kind, so a
 * Namespace applied after an object in it fails that object with `namespaces "x" not found`.
 * upstream: kubectl pkg/cmd/apply/apply.go (r.Visit over the builder's infos, in order);
 * cli-runtime pkg/resource/visitor.go ExpandPathsToFileVisitors (filepath.Walk, lexical).
 */
export function applyDocuments(store: Store, api: ApiServer, inputs: ApplyInput[], defaultNamespace = 'default', create?: CreateMode): ApplyOutcome {
  const applied: AppliedEntry[] = new Array(inputs.length);
  const failures: ApplyFailure[] = [];
  const warnings: string[] = [];
  // resolveResource scans the resource table; documents repeat a handful of kinds.
  const resources = new Map<string, ReturnType<typeof resolveResource>>();
  // ClusterIPs / nodePorts in use: scanned once, then kept up to date as this apply stores Services.
  let allocations: ServiceAllocations | undefined;
  // kubectl maps every document to a resource before sending any (discovery is read once): a CR
  // applied together with its CRD is refused on the first apply, as upstream ("ensure CRDs are installed first").
  const custom = customResources(store);
  for (let i = 0; i < inputs.length; i++) {
    const { obj: manifest, source } = inputs[i];
    const kind = str(manifest.kind);
    const apiVersion = str(manifest.apiVersion);
    const meta = (manifest.metadata ?? {}) as Record<string, unknown>;
    const name = str(meta.name) || str(meta.generateName);
    const file = source?.file ?? 'STDIN';
    let info = resources.get(kind);
    if (info === undefined && !resources.has(kind)) resources.set(kind, (info = resolveResource(kind)));
    const { group, version } = splitApiVersion(apiVersion);
    if (!info || info.kind !== kind || info.group !== group) info = customKindFor(custom, kind, group, version) ?? info;
    const namespace = info && !info.namespaced ? null : str(meta.namespace) || defaultNamespace;
    const entry: AppliedEntry = { apiVersion, kind, namespace, name, action: 'error', message: '', source: source ?? null };
    applied[i] = entry;
    const fail = (message: string, multiMessage: string = message, errors?: FieldError[]) => {
      entry.message = message;
      failures.push({ index: i, message, multiMessage, errors });
    };
    const served = info && 'versions' in info ? (info.versions as string[]).includes(version) : info?.version === version;
    if (!info || info.kind !== kind || info.group !== group || (!served && !(VERSION_ALIASES[kind] ?? []).includes(version))) {
      fail(
        `error: resource mapping not found for name: "${name}" namespace: "${namespace ?? ''}" from "${file}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
      );
      continue;
    }
    const prefix = kubectlName(kind, group);
    const existing = store.get(kind, namespace ?? undefined, name);
    const verb = existing && !create ? 'applying patch:' : 'creating';
    // Decoded into the shapes the simulator is written for, or refused as the API server does.
    const decoded = decodeManifest(manifest);
    if (decoded.problem) {
      fail(`Error from server (BadRequest): error when ${verb} "${file}": ${decodeErrorText(kind, apiVersion, decoded.problem)}`);
      failures[failures.length - 1].hint = decodeHint(kind, name, decoded.problem);
      continue;
    }
    const errors = validateObject(decoded.obj);
    const invalid = (errs: FieldError[]) =>
      fail(formatInvalid(kind, name, errs), `Error from server (Invalid): error when ${verb} "${file}": ${formatServerInvalid(kind, group, name, errs)}`, errs);
    if (errors.length) {
      invalid(errors);
      continue;
    }
    if (namespace && !isClusterScoped(kind) && !store.get('Namespace', undefined, namespace)) {
      const m = `Error from server (NotFound): error when ${verb} "${file}": namespaces "${namespace}" not found`;
      fail(m);
      const later = laterNamespace(inputs, i, namespace);
      if (later) failures[failures.length - 1].hint = later;
      continue;
    }
    // A Secret's stringData is folded into data (base64) as the API server does — and before the
    // last-applied annotation is made: upstream kubectl records stringData there in clear
    // (kubernetes/kubernetes#23564); KubeMate records the folded object, so no output shows a value.
    const stored = kind === 'Secret' ? foldStringData(manifest) : manifest;
    // The last-applied annotation records the manifest as written (stringData folded); the working copy is the decoded object.
    const text = JSON.stringify(stored);
    const annotated = (kind === 'Secret' ? foldStringData(decoded.obj) : decoded.obj) as KObject;
    annotated.metadata = { ...(annotated.metadata ?? {}), name } as KObject['metadata'];
    if (namespace) annotated.metadata.namespace = namespace;
    if (!create) annotated.metadata.annotations = { ...(annotated.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: lastApplied(stored, text) };
    else if (create.saveConfig || create.changeCause) {
      const extra: Record<string, string> = create.saveConfig ? { [LAST_APPLIED_ANNOTATION]: lastApplied(stored, text) } : {};
      if (create.changeCause) extra[CHANGE_CAUSE_ANNOTATION] = create.changeCause;
      annotated.metadata.annotations = { ...(annotated.metadata.annotations ?? {}), ...extra };
    }
    if (!existing) {
      const obj = annotated;
      applyDefaults(obj);
      const refused = kind === 'Pod' ? priorityAdmissionError(store, obj as Pod) : undefined;
      if (refused) {
        fail(`Error from server (Forbidden): error when creating "${file}": ${refused}`);
        continue;
      }
      if (kind === 'Service') {
        const errs = allocateService(store, obj, undefined, (allocations ??= new ServiceAllocations(store)));
        if (errs.length) {
          invalid(errs);
          continue;
        }
      }
      delete obj.status;
      if (kind === 'Service' && obj.spec.type === 'LoadBalancer') obj.status = { loadBalancer: {} };
      api.create(obj);
      if (kind === 'Service') allocations?.add(obj);
      entry.action = 'created';
      entry.message = `${prefix}/${name} created`;
      continue;
    }
    if (create) {
      fail(`Error from server (AlreadyExists): error when creating "${file}": ${resourceName(kind, group)} "${name}" already exists`);
      continue;
    }
    const prevText = existing.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
    if (prevText === undefined) {
      warnings.push(
        `Warning: resource ${resourceName(kind, group)}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
      );
    }
    let prev: unknown;
    try {
      prev = prevText ? JSON.parse(prevText) : undefined;
    } catch {
      prev = undefined;
    }
    const desired = clone(annotated) as Record<string, unknown>;
    delete desired.status;
    const merged = threeWayMerge(existing, prev, desired) as KObject;
    applyDefaults(merged);
    const updateErrors = validateUpdate(kind, existing, merged);
    if (kind === 'Service' && !updateErrors.length)
      updateErrors.push(...allocateService(store, merged, existing, (allocations ??= new ServiceAllocations(store))));
    if (updateErrors.length) {
      invalid(updateErrors);
      continue;
    }
    if (deepEqual(merged, existing)) {
      entry.action = 'unchanged';
      entry.message = `${prefix}/${name} unchanged`;
      continue;
    }
    if (tracksGeneration(kind) && !deepEqual(merged.spec, existing.spec)) merged.metadata.generation = (existing.metadata.generation ?? 1) + 1;
    store.replace(merged);
    if (kind === 'Service') {
      allocations?.remove(existing);
      allocations?.add(merged);
    }
    entry.action = 'configured';
    entry.message = `${prefix}/${name} configured`;
  }
  return { applied, failures, warnings };
}
