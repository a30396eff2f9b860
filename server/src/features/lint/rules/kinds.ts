// Which kinds carry a pod template, and which of them run for a long time (probes matter).

/** Controllers whose pods run until replaced: they serve traffic, so probes and rollouts matter. */
export const LONG_RUNNING = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController'] as const;

/** Every kind with a pod spec: long-running controllers, run-to-completion ones, bare Pods. */
export const POD_KINDS = ['Pod', 'PodTemplate', 'Job', 'CronJob', ...LONG_RUNNING] as const;

/** Kinds that roll out new pods when their template changes. */
export const ROLLING = ['Deployment', 'StatefulSet', 'DaemonSet'] as const;
