// securityContext rules. Dangerous settings someone turned on (baseline profile) are warnings;
// hardening that is merely missing (restricted profile) is information, and the noisiest of
// those are off by default so a beginner's first Deployment is not buried in notes.
// upstream: https://kubernetes.io/docs/concepts/security/pod-security-standards/ (Baseline and Restricted tables).
import { arr, get, num, obj, str } from '../../../k8s/objectAccess';
import { t } from '../../../util/l10n';
import type { LintRule } from '../lintRule';
import type { ContainerAt, Manifest, Path } from '../manifest';
import { POD_KINDS } from './kinds';

/** Capabilities the baseline profile lets a container add (the container runtime's defaults). */
const BASELINE_CAPS = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);
/** Capabilities that amount to control of the node (mount, load modules, trace, reconfigure networking). */
const ROOT_LIKE = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'SYS_RAWIO', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'SYS_BOOT']);

const capName = (c: unknown) => (str(c) ?? '').toUpperCase().replace(/^CAP_/, '');
const added = (c: ContainerAt) => arr(get(c.value, 'securityContext', 'capabilities', 'add')).map(capName);

/** The container's own securityContext field, else the pod's (containers override the pod). */
function effective(m: Manifest, c: ContainerAt, field: string): { value: unknown; path?: Path } {
  const own = get(c.value, 'securityContext', field);
  if (own !== undefined && own !== null) return { value: own, path: [...c.path, 'securityContext', field] };
  const p = m.podPath()!;
  const pod = m.get(...p, 'spec', 'securityContext', field);
  if (pod !== undefined && pod !== null) return { value: pod, path: [...p, 'spec', 'securityContext', field] };
  return { value: undefined };
}

/** Point at the field when it exists, else at the container. */
function where(m: Manifest, c: ContainerAt, path: Path | undefined): [Path, 'key' | 'value'] {
  return path ? [path, 'value'] : m.containerAnchor(c);
}

export const securityContextRules: LintRule[] = [
  {
    id: 'privileged-container',
    family: 'security',
    severity: 'warning',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        if (get(c.value, 'securityContext', 'privileged') !== true) continue;
        report.at(
          [...c.path, 'securityContext', 'privileged'],
          'value',
          t(
            'Container "{0}" is privileged: it has every capability and all of the node\'s devices, the same as root on the node (Pod Security baseline forbids it).',
            c.name,
          ),
        );
      }
    },
  },
  {
    id: 'dangerous-capabilities',
    family: 'security',
    severity: 'warning',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        added(c).forEach((cap, i) => {
          if (BASELINE_CAPS.has(cap)) return;
          const message = ROOT_LIKE.has(cap)
            ? t(
                'Container "{0}" adds the Linux capability {1}, which gives it root-like power over the node (Pod Security baseline allows only the runtime defaults such as NET_BIND_SERVICE).',
                c.name,
                cap,
              )
            : t(
                'Container "{0}" adds the Linux capability {1}, beyond the runtime defaults that the Pod Security baseline profile allows: a namespace that enforces baseline rejects the pod. Keep it only if the app needs it.',
                c.name,
                cap,
              );
          report.at([...c.path, 'securityContext', 'capabilities', 'add', i], 'value', message);
        });
      }
    },
  },
  {
    // Pod Security "restricted" checks are off by default, like drop-all-capabilities and
    // read-only-root-fs: a learner's first Deployment should not light up on every container.
    // Skipped for privileged or CAP_SYS_ADMIN containers: those always escalate, and the API
    // rejects allowPrivilegeEscalation: false next to them.
    id: 'allow-privilege-escalation',
    family: 'security',
    severity: 'information',
    enabledByDefault: false,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        const value = get(c.value, 'securityContext', 'allowPrivilegeEscalation');
        if (value === false || get(c.value, 'securityContext', 'privileged') === true || added(c).includes('SYS_ADMIN')) continue;
        const path = value === undefined || value === null ? undefined : [...c.path, 'securityContext', 'allowPrivilegeEscalation'];
        report.at(
          ...where(m, c, path),
          t(
            'Container "{0}" does not set allowPrivilegeEscalation: false, so its processes can gain privileges (setuid binaries). Pod Security "restricted" requires false.',
            c.name,
          ),
        );
      }
    },
  },
  {
    id: 'run-as-non-root',
    family: 'security',
    severity: 'information',
    enabledByDefault: false,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        const user = effective(m, c, 'runAsUser');
        if (num(user.value) === 0) {
          report.at(user.path!, 'value', t('Container "{0}" runs as root (runAsUser: 0): a process that escapes the container is root on the node.', c.name));
          continue;
        }
        if (effective(m, c, 'runAsNonRoot').value === true || (num(user.value) ?? 0) > 0) continue;
        report.at(
          ...m.containerAnchor(c),
          t('Container "{0}" may run as root: set runAsNonRoot: true (or a non-zero runAsUser). Pod Security "restricted" requires it.', c.name),
        );
      }
    },
  },
  {
    id: 'seccomp-unconfined',
    family: 'security',
    severity: 'warning',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      const p = m.podPath();
      if (!p) return;
      const paths: Path[] = [[...p, 'spec', 'securityContext'], ...m.containers(true).map((c) => [...c.path, 'securityContext'])];
      for (const sc of paths) {
        if (m.get(...sc, 'seccompProfile', 'type') !== 'Unconfined') continue;
        report.at(
          [...sc, 'seccompProfile', 'type'],
          'value',
          t(
            'seccompProfile Unconfined turns off system-call filtering, so the container can make any kernel call (Pod Security baseline forbids it). Use RuntimeDefault.',
          ),
          { replacement: 'RuntimeDefault' },
        );
      }
    },
  },
  {
    id: 'proc-mount-unmasked',
    family: 'security',
    severity: 'warning',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        if (get(c.value, 'securityContext', 'procMount') !== 'Unmasked') continue;
        report.at(
          [...c.path, 'securityContext', 'procMount'],
          'value',
          t("procMount: Unmasked exposes the node's kernel settings under /proc to the container (Pod Security baseline forbids it)."),
          { replacement: 'Default' },
        );
      }
    },
  },
  {
    id: 'drop-all-capabilities',
    family: 'security',
    severity: 'information',
    enabledByDefault: false,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        const drop = arr(get(c.value, 'securityContext', 'capabilities', 'drop')).map(capName);
        if (drop.includes('ALL')) continue;
        const caps = obj(get(c.value, 'securityContext', 'capabilities'));
        const [path, which] = caps ? [[...c.path, 'securityContext', 'capabilities'], 'key' as const] : m.containerAnchor(c);
        report.at(
          path,
          which,
          t(
            'Container "{0}" keeps the runtime\'s default Linux capabilities: drop ALL and add back only what it needs (the Pod Security restricted profile requires drop: [ALL]).',
            c.name,
          ),
        );
      }
    },
  },
  {
    id: 'read-only-root-fs',
    family: 'security',
    severity: 'information',
    enabledByDefault: false,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        if (get(c.value, 'securityContext', 'readOnlyRootFilesystem') === true) continue;
        report.at(
          ...m.containerAnchor(c),
          t(
            'Container "{0}" can write to its image\'s filesystem: set readOnlyRootFilesystem: true and mount an emptyDir where the app must write, so an attacker cannot change its binaries.',
            c.name,
          ),
        );
      }
    },
  },
];
