// The timeline of an action: every change of a Deployment's ReplicaSets (names and sizes) or of
// its rollout status message becomes a step, so a rolling update can be shown one step at a time.
import type { TimelineStep } from '../protocol/clusterSnapshot';
import type { Store } from './store';
import type { KObject } from './types';
import { revisionOf, rolloutStatusMessage } from './controllers/deployment/deploymentUtil';

interface KnownSignature {
  rv: string | undefined;
  rss: KObject[];
  rvs: (string | undefined)[];
  sig: string;
}

export class RolloutTimeline {
  /** Last signature per Deployment object, with the versions it was computed from (kept across actions). */
  private known = new WeakMap<KObject, KnownSignature>();

  constructor(private store: Store) {}

  /** Starts an action's timeline: the signatures every later step is compared with. */
  begin(): RolloutTrack {
    const signatures = new Map<string, string>();
    for (const d of this.store.list('Deployment')) signatures.set(d.metadata.uid ?? '', this.signature(d));
    return { signatures, steps: [], startMs: this.store.now(), inputs: this.inputs() };
  }

  /** After round `step`: a step for each Deployment whose signature moved. */
  record(track: RolloutTrack, step: number): void {
    // Signatures read only Deployments and ReplicaSets: while neither kind was written, none can differ.
    const inputs = this.inputs();
    if (inputs === track.inputs) return;
    track.inputs = inputs;
    for (const d of this.store.list('Deployment')) {
      const sig = this.signature(d);
      const uid = d.metadata.uid ?? '';
      if (track.signatures.get(uid) === sig) continue;
      track.signatures.set(uid, sig);
      const rss = this.store
        .ownedBy(uid, 'ReplicaSet')
        .slice()
        .sort((a, b) => (revisionOf(a) ?? 0) - (revisionOf(b) ?? 0));
      track.steps.push({
        step,
        second: Math.round((this.store.now() - track.startMs) / 1000),
        namespace: d.metadata.namespace ?? 'default',
        deployment: d.metadata.name,
        replicaSets: rss.map((r) => ({
          name: r.metadata.name,
          revision: revisionOf(r) ?? null,
          desired: r.spec?.replicas ?? 0,
          ready: r.status?.readyReplicas ?? 0,
          available: r.status?.availableReplicas ?? 0,
        })),
        status: rolloutStatusMessage(d).message,
      });
    }
  }

  private inputs(): string {
    return `${this.store.kindVersion('Deployment')}/${this.store.kindVersion('ReplicaSet')}`;
  }

  /** ReplicaSet names and sizes plus the rollout status message. */
  private signature(d: KObject): string {
    const rss = this.store.ownedBy(d.metadata.uid ?? '', 'ReplicaSet');
    // Every change of a Deployment or ReplicaSet goes through the store and moves its
    // resourceVersion: same objects at the same versions give the same signature.
    const known = this.known.get(d);
    if (
      known &&
      known.rv === d.metadata.resourceVersion &&
      known.rss.length === rss.length &&
      rss.every((r, i) => r === known.rss[i] && r.metadata.resourceVersion === known.rvs[i])
    ) {
      return known.sig;
    }
    const sig = rss.map((r) => `${r.metadata.name}=${r.spec?.replicas ?? 0}`).join(',') + '|' + rolloutStatusMessage(d).message;
    this.known.set(d, { rv: d.metadata.resourceVersion, rss, rvs: rss.map((r) => r.metadata.resourceVersion), sig });
    return sig;
  }
}

export interface RolloutTrack {
  signatures: Map<string, string>;
  steps: TimelineStep[];
  startMs: number;
  /** Deployment/ReplicaSet kind versions when signatures were last compared. */
  inputs: string;
}
