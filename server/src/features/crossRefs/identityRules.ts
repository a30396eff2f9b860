// Object identity across files: the same object defined twice, and namespaces used but never
// defined. Identity follows the API server: API group (not version), kind, namespace, name —
// apps/v1 and apps/v1beta1 Deployments of one name are one object (kubeconform compares the full
// apiVersion instead, see test/unit/crossRefs).
import { t } from '../../util/l10n';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import { IndexedObject, loc, objectLabel } from '../../workspace/indexedObject';
import { BUILT_IN_NAMESPACES } from '../../workspace/dependencyKeys';
import type { Finding } from '../../findings/finding';
import { crossDiag } from './crossRefCodes';
import { sentences } from './describe';

function dirOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/**
 * Twice in one file: a warning (kubectl apply applies both, the later wins). In two files of one
 * folder: a hint (`kubectl apply -f folder/` applies both, but sample folders often hold
 * alternatives — istio's bookinfo.yaml and bookinfo-dualstack.yaml — so it stays out of the
 * Problems panel). Files in different folders are alternatives or bundles and are not reported.
 */
export function duplicateRule(index: WorkspaceIndex, o: IndexedObject): Finding[] {
  if (!o.name || o.generated) return [];
  const others = index.sameIdentity(o).filter((x) => x !== o && !x.generated);
  if (!others.length) return [];
  const sameFile = others.filter((x) => x.uri === o.uri);
  const sameDir = others.filter((x) => x.uri !== o.uri && dirOf(x.uri) === dirOf(o.uri));
  const what = o.namespace ? t('{0} in namespace {1}', objectLabel(o), o.namespace) : objectLabel(o);
  const range = loc(o, o.nameRange).range;
  const versions = (list: IndexedObject[]) => {
    const other = list.find((x) => x.apiVersion !== o.apiVersion);
    return other ? t('Different versions of one API group ({0}, {1}) name the same object.', o.apiVersion, other.apiVersion) : '';
  };
  if (sameFile.length) {
    const lines = sameFile.map((x) => String(loc(x, x.nameRange).range.start.line + 1)).join(', ');
    const msg = sentences(
      t('{0} is defined more than once in this file (also line {1}). When the file is applied, the later definition replaces the earlier one.', what, lines),
      versions(sameFile),
    );
    return [
      crossDiag(
        'duplicate-object',
        msg,
        range,
        sameFile.map((x) => ({ location: loc(x, x.nameRange), message: t('Also defined here') })),
      ),
    ];
  }
  if (sameDir.length) {
    const files = sameDir.map((x) => fileName(x.uri)).join(', ');
    const msg = sentences(
      t('{0} is also defined in {1}. Applying the folder (kubectl apply -f) keeps only the definition applied last.', what, files),
      versions(sameDir),
    );
    return [
      crossDiag(
        'duplicate-object',
        msg,
        range,
        sameDir.map((x) => ({ location: loc(x, x.nameRange), message: t('Also defined here') })),
        'hint',
      ),
    ];
  }
  return [];
}

/** A namespace written in metadata.namespace but not defined by a Namespace manifest (reported once per file). */
export function namespaceRule(index: WorkspaceIndex, o: IndexedObject, reported: Set<string>): Finding[] {
  const ns = o.explicitNamespace;
  if (!ns || BUILT_IN_NAMESPACES.has(ns) || reported.has(ns) || !o.namespaceRange) return [];
  reported.add(ns);
  if (index.find('Namespace', '', ns).length) return [];
  const msg = t(
    'Namespace "{0}" is not defined in the workspace. Unless it exists in the cluster, kubectl apply fails (namespaces "{0}" not found): add a Namespace manifest or run kubectl create namespace {0}.',
    ns,
  );
  return [crossDiag('namespace-undefined', msg, loc(o, o.namespaceRange).range, [], undefined, { namespace: ns })];
}
