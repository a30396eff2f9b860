// Standard 5-field cron schedules (minute hour day-of-month month day-of-week) and the
// @hourly-style macros, evaluated in UTC. upstream: robfig/cron v3 as used by the CronJob controller.

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

/** The first scheduled time strictly after `afterMs` (UTC), or undefined within 5 years. */
export function nextCronTime(s: CronSchedule, afterMs: number): number | undefined {
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
