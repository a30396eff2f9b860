// Configuration roll-outs: a Deployment rolls out new pods when its template changes, and a
// ConfigMap's content is not part of the template.
import { arr, get, isObj, str } from '../../../k8s/objectAccess';
import { t } from '../../../util/l10n';
import type { LintRule } from '../lintRule';
import type { Manifest, Path } from '../manifest';
import { ROLLING } from './kinds';

/** app-config-v2, app-config-3, nginx-conf-2024.1, app-config-7g5h2k9m4t (kustomize hash). */
const VERSIONED = /(^|[-.])v?\d+([.-]\d+)*$|-(?=[a-z0-9]*\d)[a-z0-9]{5,}$/;
/** Tools that restart pods when a ConfigMap changes: Helm's checksum/config, stakater Reloader, … */
const ROLLS_ON_CHANGE = /checksum|reloader|config-?hash/i;

/** Every place a pod spec names a ConfigMap, in document order, first occurrence of each name. */
function configMapRefs(m: Manifest): { name: string; path: Path }[] {
  const p = m.podPath();
  if (!p) return [];
  const refs: { name: string; path: Path }[] = [];
  const add = (name: unknown, path: Path) => {
    const n = str(name);
    if (n && !refs.some((r) => r.name === n)) refs.push({ name: n, path });
  };
  for (const c of m.containers(true)) {
    arr(c.value.env).forEach((e, i) => add(get(e, 'valueFrom', 'configMapKeyRef', 'name'), [...c.path, 'env', i, 'valueFrom', 'configMapKeyRef', 'name']));
    arr(c.value.envFrom).forEach((e, i) => add(get(e, 'configMapRef', 'name'), [...c.path, 'envFrom', i, 'configMapRef', 'name']));
  }
  arr(m.get(...p, 'spec', 'volumes')).forEach((v, i) => {
    add(get(v, 'configMap', 'name'), [...p, 'spec', 'volumes', i, 'configMap', 'name']);
    arr(get(v, 'projected', 'sources')).forEach((s, j) =>
      add(get(s, 'configMap', 'name'), [...p, 'spec', 'volumes', i, 'projected', 'sources', j, 'configMap', 'name']),
    );
  });
  return refs;
}

function annotationKeys(v: unknown): string[] {
  return isObj(v) ? Object.keys(v) : [];
}

export const configRules: LintRule[] = [
  {
    id: 'configmap-not-versioned',
    family: 'config',
    severity: 'information',
    enabledByDefault: true,
    kinds: ROLLING,
    check(m, report) {
      const p = m.podPath();
      if (!p) return;
      const annotations = [...annotationKeys(m.get('metadata', 'annotations')), ...annotationKeys(m.get(...p, 'metadata', 'annotations'))];
      if (annotations.some((a) => ROLLS_ON_CHANGE.test(a))) return;
      for (const ref of configMapRefs(m)) {
        if (VERSIONED.test(ref.name) || ref.name === 'kube-root-ca.crt') continue;
        report.at(
          ref.path,
          'value',
          t(
            'Changing ConfigMap "{0}" does not replace the pods of this {1}: variables read from it keep their old values until a pod is recreated, and mounted files change only after a delay (never with subPath). Put a version in the name (e.g. {0}-v2) and change the reference, so each change rolls out new pods like a new image.',
            ref.name,
            m.kind,
          ),
        );
      }
    },
  },
];
