// Namespaces: the default namespace is where everything without one lands, so apps put there
// share names, access rules and quotas with every stray object.
import { resolveResource } from '../../../k8s/resources';
import { t } from '../../../util/l10n';
import type { LintRule } from '../lintRule';
import type { Manifest } from '../manifest';

/** Only kinds we know to be namespaced: a custom resource may be cluster-scoped. */
const namespaced = (m: Manifest) => m.builtIn && resolveResource(m.kind)?.namespaced === true;

export const namespaceRules: LintRule[] = [
  {
    id: 'default-namespace',
    family: 'namespaces',
    severity: 'information',
    enabledByDefault: true,
    check(m, report) {
      if (!namespaced(m) || m.get('metadata', 'namespace') !== 'default') return;
      report.at(
        ['metadata', 'namespace'],
        'value',
        t(
          '{0} "{1}" goes into the default namespace, where everything without a namespace lands: names collide and access rules and quotas cannot tell apps apart. Give the app its own namespace.',
          m.kind,
          m.name,
        ),
      );
    },
  },
  {
    // Off by default: leaving the namespace out so `kubectl apply -n …` decides is a common,
    // deliberate style (kube-linter's use-namespace is off by default for the same reason).
    id: 'missing-namespace',
    family: 'namespaces',
    severity: 'information',
    enabledByDefault: false,
    check(m, report) {
      if (!namespaced(m) || m.has('metadata', 'namespace')) return;
      report.at(
        ['metadata', 'name'],
        'value',
        t(
          '{0} "{1}" names no namespace: it goes wherever kubectl currently points, usually the default namespace. Set metadata.namespace, or always apply with -n.',
          m.kind,
          m.name,
        ),
      );
    },
  },
];
