// Resource requests and limits. Requests are what the scheduler reserves; a memory limit is
// what keeps one leaking container from starving its neighbours. A limit without a request
// defaults the request to the limit, so a limit counts as a request here.
// upstream: pkg/apis/core/v1/defaults.go SetDefaults_Pod ("if limits are specified, but requests are not, default requests to limits").
import { get, obj } from '../../../k8s/objectAccess';
import { t } from '../../../util/l10n';
import type { LintRule } from '../lintRule';
import { POD_KINDS } from './kinds';

const has = (res: unknown, kind: 'requests' | 'limits', name: string) => get(res, kind, name) !== undefined && get(res, kind, name) !== null;

export const resourceRules: LintRule[] = [
  {
    id: 'no-resource-requests',
    family: 'resources',
    severity: 'warning',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers()) {
        const res = obj(c.value.resources);
        const missing = ['cpu', 'memory'].filter((r) => !has(res, 'requests', r) && !has(res, 'limits', r));
        if (missing.length === 0) continue;
        const [path, which] = res ? [[...c.path, 'resources'], 'key' as const] : m.containerAnchor(c);
        const message =
          missing.length === 2
            ? t(
                'Container "{0}" requests no CPU or memory: the scheduler reserves nothing for it, so nodes get overcommitted, and a pod without any requests or limits is the first evicted when a node runs short (QoS BestEffort).',
                c.name,
              )
            : missing[0] === 'cpu'
              ? t(
                  'Container "{0}" requests no CPU: the scheduler reserves none for it, so a busy node slows it down. Set resources.requests.cpu (e.g. 100m).',
                  c.name,
                )
              : t(
                  'Container "{0}" requests no memory: the scheduler reserves none for it, so the node can run out of memory. Set resources.requests.memory (e.g. 128Mi).',
                  c.name,
                );
        report.at(path, which, message);
      }
    },
  },
  {
    // Only the memory limit is required: a CPU limit throttles a container even on an idle
    // node, and many teams leave it out on purpose (kube-score has --ignore-container-cpu-limit).
    id: 'no-resource-limits',
    family: 'resources',
    severity: 'warning',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers()) {
        const res = obj(c.value.resources);
        if (has(res, 'limits', 'memory')) continue;
        const [path, which] = res ? [[...c.path, 'resources'], 'key' as const] : m.containerAnchor(c);
        report.at(
          path,
          which,
          t(
            'Container "{0}" has no memory limit: if it leaks memory it can take the whole node\'s memory before the kernel kills it. Set resources.limits.memory.',
            c.name,
          ),
        );
      }
    },
  },
];
