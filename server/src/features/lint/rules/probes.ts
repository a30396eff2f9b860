// Probes: readiness decides whether a pod receives Service traffic, liveness whether the
// kubelet restarts it. Only long-running controllers are checked: a Job's pods finish, and a
// bare Pod is usually a one-off experiment.
import { arr, get, num, obj, str } from '../../../k8s/objectAccess';
import { t } from '../../../util/l10n';
import type { LintRule } from '../lintRule';
import type { ContainerAt } from '../manifest';
import { LONG_RUNNING, POD_KINDS } from './kinds';
import { closest } from './closest';

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

function containerPorts(c: ContainerAt): { names: string[]; numbers: number[] } {
  const ports = arr(c.value.ports)
    .map(obj)
    .filter((p) => p !== undefined);
  return {
    names: ports.map((p) => str(p!.name)).filter((n): n is string => !!n),
    numbers: ports.map((p) => num(p!.containerPort)).filter((n): n is number => n !== undefined),
  };
}

export const probeRules: LintRule[] = [
  {
    // Only containers that declare a port: readiness gates Service traffic, and a container
    // without ports is usually an agent or worker that receives none (fluentd, a load generator).
    id: 'no-readiness-probe',
    family: 'probes',
    severity: 'warning',
    enabledByDefault: true,
    kinds: LONG_RUNNING,
    check(m, report) {
      for (const c of m.containers()) {
        if (c.value.readinessProbe !== undefined || arr(c.value.ports).length === 0) continue;
        const [path, which] = m.containerAnchor(c);
        report.at(
          path,
          which,
          t(
            'Container "{0}" has no readinessProbe: Services send it traffic as soon as the process starts, before the app is ready, and keep sending it traffic when it stops responding.',
            c.name,
          ),
        );
      }
    },
  },
  {
    id: 'no-liveness-probe',
    family: 'probes',
    severity: 'information',
    enabledByDefault: true,
    kinds: LONG_RUNNING,
    check(m, report) {
      for (const c of m.containers()) {
        if (c.value.livenessProbe !== undefined) continue;
        const [path, which] = m.containerAnchor(c);
        report.at(path, which, t('Container "{0}" has no livenessProbe: if the app hangs without exiting, the kubelet never restarts it.', c.name));
      }
    },
  },
  {
    // A named probe port must exist on the container (the kubelet cannot resolve it otherwise
    // and the probe fails). A number is only flagged when the container lists its ports and the
    // number is not among them: listing ports is optional, so an unlisted port may be intended.
    id: 'probe-port-not-exposed',
    family: 'probes',
    severity: 'warning',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        const ports = containerPorts(c);
        for (const probe of PROBES) {
          for (const handler of HANDLERS) {
            const port = get(c.value, probe, handler, 'port');
            const path = [...c.path, probe, handler, 'port'];
            if (typeof port === 'string' && !/^\d+$/.test(port)) {
              if (ports.names.includes(port)) continue;
              const suggestion = closest(port, ports.names);
              const message = suggestion
                ? t(
                    'The {0} of container "{1}" uses port "{2}", but the container has no port with that name, so the probe always fails. Did you mean "{3}"?',
                    probe,
                    c.name,
                    port,
                    suggestion,
                  )
                : t(
                    'The {0} of container "{1}" uses port "{2}", but the container has no port with that name, so the probe always fails.',
                    probe,
                    c.name,
                    port,
                  );
              report.at(path, 'value', message, suggestion ? { replacement: suggestion } : undefined);
            } else {
              const n = typeof port === 'string' ? Number(port) : num(port);
              if (n === undefined || ports.numbers.length === 0 || ports.numbers.includes(n)) continue;
              report.at(
                path,
                'value',
                t('The {0} of container "{1}" checks port {2}, which is not one of the container\'s ports ({3}).', probe, c.name, n, ports.numbers.join(', ')),
              );
            }
          }
        }
      }
    },
  },
];
