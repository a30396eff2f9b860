// What every controller receives: the store, the event recorder, object creation through the
// simulated API server (admission defaults, generated names) and a way to ask for a wake-up at
// a later simulated time (readiness probes, minReadySeconds, finishing Job pods).
import type { Store } from './store';
import type { EventRecorder } from './events';
import type { KObject } from './types';

export interface ControllerContext {
  store: Store;
  events: EventRecorder;
  /** Creates an object as the API server would (defaults, generateName, uid). */
  create<T extends KObject>(obj: T): T;
  /** Deletes an object; its dependents go with it (garbage collector, background propagation). */
  remove(obj: KObject): void;
  /**
   * Asks the simulator to run another round at `ms` (simulated time) even if nothing else changes.
   * `runtime`: a container's own life (an exit, a back-off, a failing probe) — an action settles
   * through those only for its first minute, so a crash loop does not run on for ever.
   * `deletion`: a terminating pod's end — only letting time pass, `delete` and `drain` (which
   * wait for the pod to be gone, as kubectl does) run up to it; other actions leave it Terminating.
   */
  wakeAt(ms: number, kind?: 'runtime' | 'deletion'): void;
}
