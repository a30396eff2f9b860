// Status pieces that thousands of pods hold with identical content: the condition a kubelet or
// scheduler sets in a given second, a container's `running` state since that second, a node's
// host IP list. Pods share one frozen object for each instead of a copy apiece — fewer objects
// for the garbage collector, identical JSON. Nothing edits these in place (new ones replace
// them), and freezing keeps it that way: a write would throw in strict mode.
import type { ContainerState, PodCondition } from './types';

let conditionsSecond = '';
let conditions: PodCondition[] = [];

/** `{type, status, lastTransitionTime: now, reason?}`, the shape the kubelet and scheduler build. */
export function sharedCondition(type: string, status: PodCondition['status'], now: string, reason?: string): PodCondition {
  if (now !== conditionsSecond) {
    conditionsSecond = now;
    conditions = [];
  }
  for (const c of conditions) if (c.type === type && c.status === status && c.reason === reason) return c;
  const c: PodCondition = { type, status, lastTransitionTime: now };
  if (reason) c.reason = reason;
  conditions.push(Object.freeze(c));
  return c;
}

let runningSecond = '';
let running: ContainerState | undefined;

/** `{ running: { startedAt: now } }`. */
export function runningSince(now: string): ContainerState {
  if (now !== runningSecond || !running) {
    runningSecond = now;
    running = Object.freeze({ running: Object.freeze({ startedAt: now }) });
  }
  return running;
}

const hostIPLists = new Map<string, { ip: string }[]>();

/** `[{ ip }]` for a node's InternalIP (bounded). */
export function hostIPList(ip: string): { ip: string }[] {
  let l = hostIPLists.get(ip);
  if (!l) {
    if (hostIPLists.size >= 4096) hostIPLists.clear();
    hostIPLists.set(ip, (l = Object.freeze([Object.freeze({ ip })]) as { ip: string }[]));
  }
  return l;
}
