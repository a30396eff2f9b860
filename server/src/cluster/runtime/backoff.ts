// The kubelet's per-key exponential back-off: 10 s, doubling, capped at 5 min; an entry last
// updated more than twice the cap (10 min) before the event is forgotten, so a container that ran
// 10 minutes restarts at once and starts again from 10 s. Used for container restarts
// (CrashLoopBackOff) and image pulls (ImagePullBackOff). Pure: times are simulated milliseconds.
// upstream: client-go util/flowcontrol/backoff.go (Next, IsInBackOffSince, IsInBackOffSinceUpdate,
// hasExpired); kubelet.go `backOffPeriod = 10s`, `MaxContainerBackOff = 300s`.

export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

export interface BackoffEntry {
  backoffMs: number;
  lastUpdateMs: number;
}

export type BackoffTable = Record<string, BackoffEntry>;

/** upstream hasExpired: the event is more than 2 × max after the entry's last update. */
function hasExpired(eventMs: number, entry: BackoffEntry): boolean {
  return eventMs - entry.lastUpdateMs > 2 * MAX_BACKOFF_MS;
}

/** upstream Backoff.Next: start at 10 s (or again after expiry), else double up to 5 min. */
export function nextBackoff(table: BackoffTable, key: string, eventMs: number, nowMs: number): BackoffEntry {
  const entry = table[key];
  const backoffMs = !entry || hasExpired(eventMs, entry) ? INITIAL_BACKOFF_MS : Math.min(entry.backoffMs * 2, MAX_BACKOFF_MS);
  return (table[key] = { backoffMs, lastUpdateMs: nowMs });
}

/** upstream IsInBackOffSince (container restarts): less than the back-off has passed since the event (the exit). */
export function inBackoffSince(table: BackoffTable, key: string, eventMs: number, nowMs: number): boolean {
  const entry = table[key];
  if (!entry || hasExpired(eventMs, entry)) return false;
  return nowMs - eventMs < entry.backoffMs;
}

/** upstream IsInBackOffSinceUpdate (image pulls): less than the back-off has passed since the last failure. */
export function inBackoffSinceUpdate(table: BackoffTable, key: string, nowMs: number): boolean {
  const entry = table[key];
  if (!entry || hasExpired(nowMs, entry)) return false;
  return nowMs - entry.lastUpdateMs < entry.backoffMs;
}

/** "10s", "1m20s", "5m0s": Go's time.Duration String for whole seconds, as the kubelet prints back-offs. */
export function goDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${s % 60}s`;
  return `${Math.floor(m / 60)}h${m % 60}m${s % 60}s`;
}
