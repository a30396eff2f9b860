// Pod Security Standards, "baseline" profile: the pod reaches into the node itself (its
// network, processes, IPC, files, ports, kernel settings). Each is allowed by the API but
// rejected by a namespace that enforces baseline, and each widens what a compromised
// container can do to the node.
// upstream: https://kubernetes.io/docs/concepts/security/pod-security-standards/ (Baseline table).
import { arr, get, num, obj, str } from '../../../k8s/objectAccess';
import { t } from '../../../util/l10n';
import type { LintRule } from '../lintRule';
import type { Manifest } from '../manifest';
import { POD_KINDS } from './kinds';

/** Sysctls the baseline profile allows (namespaced, isolated per pod). */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

function hostNamespaceRule(id: string, field: 'hostNetwork' | 'hostPID' | 'hostIPC', message: () => string): LintRule {
  return {
    id,
    family: 'security',
    severity: 'warning',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m: Manifest, report) {
      const p = m.podPath();
      if (p && m.get(...p, 'spec', field) === true) report.at([...p, 'spec', field], 'value', message());
    },
  };
}

export const hostAccessRules: LintRule[] = [
  hostNamespaceRule('host-network', 'hostNetwork', () =>
    t(
      "hostNetwork: true puts the pod on the node's own network: it can see all node traffic and bind node ports, and two replicas on one node collide on the same ports (Pod Security baseline forbids it).",
    ),
  ),
  hostNamespaceRule('host-pid', 'hostPID', () =>
    t("hostPID: true lets the containers see and signal every process on the node, including other pods' (Pod Security baseline forbids it)."),
  ),
  hostNamespaceRule('host-ipc', 'hostIPC', () =>
    t("hostIPC: true shares the node's inter-process communication (shared memory) with the containers (Pod Security baseline forbids it)."),
  ),
  {
    id: 'host-path-volume',
    family: 'security',
    severity: 'warning',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      const p = m.podPath();
      if (!p) return;
      arr(m.get(...p, 'spec', 'volumes')).forEach((v, i) => {
        if (obj(get(v, 'hostPath')) === undefined) return;
        const path = str(get(v, 'hostPath', 'path')) ?? '';
        const message = /docker\.sock$|containerd\.sock$|crio\.sock$/.test(path)
          ? t(
              'Volume "{0}" mounts the container runtime socket {1}: whoever controls this container controls every container on the node.',
              str(get(v, 'name')) ?? '',
              path,
            )
          : t(
              'Volume "{0}" mounts {1} from the node (hostPath): the pod depends on that node\'s files and can change them (Pod Security baseline forbids hostPath). Prefer a PersistentVolumeClaim, ConfigMap or emptyDir.',
              str(get(v, 'name')) ?? '',
              path,
            );
        report.at([...p, 'spec', 'volumes', i, 'hostPath'], 'key', message);
      });
    },
  },
  {
    id: 'host-port',
    family: 'security',
    severity: 'warning',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        arr(c.value.ports).forEach((port, i) => {
          const hostPort = num(get(port, 'hostPort'));
          if (!hostPort) return;
          report.at(
            [...c.path, 'ports', i, 'hostPort'],
            'value',
            t(
              'hostPort {0} opens the port on the node itself: only one such pod fits on each node, and the pod is reachable from outside the cluster network (Pod Security baseline restricts host ports). A Service is usually what you want.',
              hostPort,
            ),
          );
        });
      }
    },
  },
  {
    id: 'unsafe-sysctls',
    family: 'security',
    severity: 'warning',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      const p = m.podPath();
      if (!p) return;
      arr(m.get(...p, 'spec', 'securityContext', 'sysctls')).forEach((s, i) => {
        const name = str(get(s, 'name'));
        if (!name || SAFE_SYSCTLS.has(name)) return;
        report.at(
          [...p, 'spec', 'securityContext', 'sysctls', i, 'name'],
          'value',
          t(
            'Sysctl {0} is not in the safe set: the kubelet refuses to start the pod unless the node allows it, and it may affect other pods on the node (Pod Security baseline).',
            name,
          ),
        );
      });
    },
  },
];
