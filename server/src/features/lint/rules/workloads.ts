// Pod spec habits that silently do something other than what they seem to.
import { arr, get, str } from '../../../k8s/objectAccess';
import { t } from '../../../util/l10n';
import type { LintRule } from '../lintRule';
import { POD_KINDS } from './kinds';

export const workloadRules: LintRule[] = [
  {
    id: 'deprecated-service-account',
    family: 'workloads',
    severity: 'information',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      const p = m.podPath();
      if (!p || !m.has(...p, 'spec', 'serviceAccount')) return;
      const both = m.has(...p, 'spec', 'serviceAccountName');
      report.at(
        [...p, 'spec', 'serviceAccount'],
        'key',
        both
          ? t('serviceAccount is a deprecated alias of serviceAccountName, which is also set and wins. Remove serviceAccount.')
          : t('serviceAccount is a deprecated alias of serviceAccountName. Use serviceAccountName.'),
        both ? undefined : { replacement: 'serviceAccountName' },
      );
    },
  },
  {
    id: 'duplicate-env',
    family: 'workloads',
    severity: 'warning',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        const seen = new Set<string>();
        arr(c.value.env).forEach((e, i) => {
          const name = str(get(e, 'name'));
          if (!name) return;
          if (seen.has(name))
            report.at(
              [...c.path, 'env', i, 'name'],
              'value',
              t('Environment variable {0} is set more than once in container "{1}": only the last value counts.', name, c.name),
            );
          seen.add(name);
        });
      }
    },
  },
];
