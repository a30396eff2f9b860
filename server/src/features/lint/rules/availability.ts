// Availability: what happens to the app while nodes are drained for maintenance.
import { get, num, str, strMap } from '../../../k8s/objectAccess';
import { t } from '../../../util/l10n';
import type { LintRule } from '../lintRule';

export const availabilityRules: LintRule[] = [
  {
    // Needs the workspace: whether a PodDisruptionBudget covers the pods is only known from
    // the other files, so without an index the rule stays silent rather than guess.
    id: 'single-replica-no-pdb',
    family: 'availability',
    severity: 'information',
    enabledByDefault: true,
    kinds: ['Deployment', 'StatefulSet'],
    workspace: true,
    check(m, report, env) {
      if (!env.pdbSelects || !m.builtIn) return;
      const replicas = m.get('spec', 'replicas');
      if (replicas !== undefined && replicas !== null && num(replicas) !== 1) return;
      const labels = strMap(m.get('spec', 'template', 'metadata', 'labels'));
      if (!labels || Object.keys(labels).length === 0) return;
      const namespace = str(m.get('metadata', 'namespace')) ?? 'default';
      if (env.pdbSelects(namespace, labels)) return;
      const [path, which] = replicas === undefined || replicas === null ? [['metadata', 'name'], 'value' as const] : [['spec', 'replicas'], 'value' as const];
      report.at(
        path,
        which,
        t(
          '{0} "{1}" runs a single replica and no PodDisruptionBudget covers it: draining its node (upgrades, maintenance) takes the app down until the pod starts elsewhere. Run 2 or more replicas and add a PodDisruptionBudget.',
          m.kind,
          m.name,
        ),
      );
    },
  },
  {
    id: 'pdb-blocks-eviction',
    family: 'availability',
    severity: 'warning',
    enabledByDefault: true,
    kinds: ['PodDisruptionBudget'],
    check(m, report) {
      const spec = m.get('spec');
      const maxUnavailable = get(spec, 'maxUnavailable');
      const minAvailable = get(spec, 'minAvailable');
      if (maxUnavailable === 0 || maxUnavailable === '0%' || maxUnavailable === '0') {
        report.at(
          ['spec', 'maxUnavailable'],
          'value',
          t(
            'This PodDisruptionBudget never allows a voluntary eviction ({0}): node drains and cluster upgrades wait forever. Allow at least one pod to be disrupted.',
            `maxUnavailable: ${String(maxUnavailable)}`,
          ),
        );
      } else if (minAvailable === '100%') {
        report.at(
          ['spec', 'minAvailable'],
          'value',
          t(
            'This PodDisruptionBudget never allows a voluntary eviction ({0}): node drains and cluster upgrades wait forever. Allow at least one pod to be disrupted.',
            'minAvailable: 100%',
          ),
        );
      }
    },
  },
];
