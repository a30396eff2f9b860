// "Why?" for an object that is not fine (a pod not Running and Ready, a Service without ready
// endpoints, a stalled rollout, a failed Job): computed from the cluster state by
// server/src/cluster/why/. Only types live here: the client imports this file.
import type { ObjectRef } from './clusterView';

export interface WhyText {
  /** The cause in plain words, with the names and numbers of this object. */
  cause: string;
  /** The upstream event (or status field) that shows it: `Warning FailedScheduling: 0/3 nodes…`. */
  event: string;
  /** What to change. */
  fix: string;
}

export interface WhyExplanation {
  /** The condition the explainer is keyed by: FailedScheduling, CrashLoopBackOff, ServiceSelectorMatchesNothing… */
  condition: string;
  /** The object explained. */
  object: ObjectRef;
  /** The manifest field that decides it: on the object the user wrote (the Deployment of a pod). */
  field: { object: ObjectRef; path: string } | null;
  text: WhyText;
}
