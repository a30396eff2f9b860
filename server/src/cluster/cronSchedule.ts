// Standard 5-field cron schedules (minute hour day-of-month month day-of-week) and the
// @hourly-style macros, evaluated in UTC or in an IANA time zone (spec.timeZone, through the
// runtime's own Intl data — offline). upstream: robfig/cron v3 SpecSchedule.Next as used by the
// CronJob controller; pkg/controller/cronjob/utils.go mostRecentScheduleTime, getJobName.

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export interface CronSchedule {
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  domStar: boolean;
  dowStar: boolean;
}

function field(text: string, min: number, max: number, names?: string[]): Set<number> | undefined {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [rangeText, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return undefined;
    const value = (s: string) => {
      const i = names?.indexOf(s.toUpperCase()) ?? -1;
      return i >= 0 ? i + (min === 1 ? 1 : 0) : Number(s);
    };
    let lo: number;
    let hi: number;
    if (rangeText === '*' || rangeText === '?') {
      lo = min;
      hi = max;
    } else if (rangeText.includes('-')) {
      const [a, b] = rangeText.split('-');
      lo = value(a);
      hi = value(b);
    } else {
      lo = value(rangeText);
      hi = stepText === undefined ? lo : max;
    }
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < min || hi > max || lo > hi) return undefined;
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

/** Parses a schedule; undefined when it is not valid cron. `7` in day-of-week means Sunday. */
export function parseCron(schedule: string): CronSchedule | undefined {
  let text = schedule.trim().replace(/^(CRON_)?TZ=\S+\s+/, '');
  text = MACROS[text] ?? text;
  const parts = text.split(/\s+/);
  if (parts.length !== 5) return undefined;
  const minute = field(parts[0], 0, 59);
  const hour = field(parts[1], 0, 23);
  const dom = field(parts[2], 1, 31);
  const month = field(parts[3], 1, 12, MONTHS);
  const dow = field(parts[4], 0, 7, DAYS);
  if (dow?.delete(7)) dow.add(0);
  if (!minute || !hour || !dom || !month || !dow) return undefined;
  return { minute, hour, dom, month, dow, domStar: parts[2] === '*' || parts[2] === '?', dowStar: parts[4] === '*' || parts[4] === '?' };
}

/** The first scheduled time strictly after `afterMs`, in `timeZone` (default UTC), or undefined within 5 years. */
export function nextCronTime(s: CronSchedule, afterMs: number, timeZone?: string): number | undefined {
  if (!timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC') return nextUtc(s, afterMs);
  // Walk wall-clock times of the zone (as if UTC), map each candidate back to an instant; a wall
  // time that does not exist (skipped by a DST change) is passed over, as robfig/cron does.
  let wall = toWall(afterMs, timeZone);
  for (let guard = 0; guard < 100000; guard++) {
    const next = nextUtc(s, wall);
    if (next === undefined) return undefined;
    const instant = fromWall(next, timeZone);
    if (instant > afterMs && toWall(instant, timeZone) === next) return instant;
    wall = next;
  }
  return undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether the runtime knows the IANA zone (kube-apiserver validates spec.timeZone the same way). */
export function isKnownTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The zone's wall-clock time of an instant, expressed as the UTC instant with the same fields. */
function toWall(ms: number, tz: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second) + (ms % 1000);
}

function fromWall(wall: number, tz: string): number {
  let guess = wall - (toWall(wall, tz) - wall);
  guess = wall - (toWall(guess, tz) - guess);
  return guess;
}

/** upstream: getTimeHashInMinutes / getJobName — `<cronjob>-<scheduled time in minutes since the epoch>`. */
export function cronJobName(cronJob: string, scheduledMs: number): string {
  return `${cronJob}-${Math.floor(scheduledMs / 60000)}`;
}

/**
 * upstream: mostRecentScheduleTime — the latest schedule time in (earliest, now] and how many
 * were passed over. earliest is lastScheduleTime, else the creation time, moved up to
 * now − startingDeadlineSeconds when that is later. `tooMany` (above 100 missed) is upstream's
 * TooManyMissedTimes warning.
 */
export function mostRecentScheduleTime(
  s: CronSchedule,
  earliestMs: number,
  nowMs: number,
  timeZone?: string,
): { time?: number; missed: number; next?: number } {
  let missed = 0;
  let last: number | undefined;
  let t = nextCronTime(s, earliestMs, timeZone);
  while (t !== undefined && t <= nowMs) {
    last = t;
    missed++;
    if (missed > 100000) break;
    t = nextCronTime(s, t, timeZone);
  }
  return { time: last, missed, next: t };
}

function nextUtc(s: CronSchedule, afterMs: number): number | undefined {
  const d = new Date(Math.floor(afterMs / 60000) * 60000 + 60000);
  const limit = afterMs + 5 * 366 * 86400000;
  while (d.getTime() < limit) {
    if (!s.month.has(d.getUTCMonth() + 1)) {
      d.setUTCMonth(d.getUTCMonth() + 1, 1);
      d.setUTCHours(0, 0, 0, 0);
      continue;
    }
    const domOk = s.dom.has(d.getUTCDate());
    const dowOk = s.dow.has(d.getUTCDay());
    // Both restricted → either may match (cron's OR rule); otherwise the restricted one must.
    const dayOk = s.domStar || s.dowStar ? domOk && dowOk : domOk || dowOk;
    if (!dayOk) {
      d.setUTCDate(d.getUTCDate() + 1);
      d.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!s.hour.has(d.getUTCHours())) {
      d.setUTCHours(d.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!s.minute.has(d.getUTCMinutes())) {
      d.setUTCMinutes(d.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    return d.getTime();
  }
  return undefined;
}
