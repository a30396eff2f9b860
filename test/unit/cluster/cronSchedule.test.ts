// CronJob schedules: Job names, next times in UTC and in IANA time zones, the most recent missed time.
import * as assert from 'node:assert/strict';
import { cronJobName, mostRecentScheduleTime, nextCronTime, parseCron } from '../../../server/src/cluster/cronSchedule';

const at = (iso: string) => Date.parse(iso);
const show = (ms: number | undefined) => (ms === undefined ? 'none' : new Date(ms).toISOString().replace('.000Z', 'Z'));

describe('cluster/cronSchedule', () => {
  const names: [string, string, string][] = [
    ['hello', '2016-05-19T10:00:00Z', 'hello-24394200'], // upstream's own example
    ['tick', '2026-01-01T00:02:00Z', 'tick-29453762'],
    ['nightly', '2026-01-01T00:00:00Z', 'nightly-29453760'],
  ];
  for (const [cj, time, want] of names) it(`job name at ${time} → ${want}`, () => assert.equal(cronJobName(cj, at(time)), want));

  // [schedule, timeZone, after, next]
  const next: [string, string | undefined, string, string][] = [
    ['*/5 * * * *', undefined, '2026-01-01T00:00:00Z', '2026-01-01T00:05:00Z'],
    ['0 8 * * *', 'Asia/Shanghai', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'], // 08:00 UTC+8 = 00:00Z; strictly after
    ['0 8 * * *', 'Asia/Shanghai', '2025-12-31T23:59:00Z', '2026-01-01T00:00:00Z'],
    ['30 1 * * *', 'America/New_York', '2026-07-01T00:00:00Z', '2026-07-01T05:30:00Z'], // EDT, UTC−4
    ['30 1 * * *', 'America/New_York', '2026-01-10T00:00:00Z', '2026-01-10T06:30:00Z'], // EST, UTC−5
    ['30 2 * * *', 'America/New_York', '2026-03-08T00:00:00Z', '2026-03-09T06:30:00Z'], // 02:30 does not exist on 8 March (DST starts)
    ['@hourly', undefined, '2026-01-01T00:59:59Z', '2026-01-01T01:00:00Z'],
    ['0 0 * * MON', undefined, '2026-01-01T00:00:00Z', '2026-01-05T00:00:00Z'],
  ];
  for (const [schedule, tz, after, want] of next) {
    it(`"${schedule}"${tz ? ` in ${tz}` : ''} after ${after} → ${want}`, () => assert.equal(show(nextCronTime(parseCron(schedule)!, at(after), tz)), want));
  }

  it('most recent schedule time and the count of times passed', () => {
    const r = mostRecentScheduleTime(parseCron('*/10 * * * *')!, at('2026-01-01T00:00:00Z'), at('2026-01-01T00:35:00Z'));
    assert.deepEqual([show(r.time), r.missed, show(r.next)], ['2026-01-01T00:30:00Z', 3, '2026-01-01T00:40:00Z']);
  });
  it('nothing due yet', () => {
    const r = mostRecentScheduleTime(parseCron('0 * * * *')!, at('2026-01-01T00:00:00Z'), at('2026-01-01T00:59:00Z'));
    assert.deepEqual([show(r.time), r.missed], ['none', 0]);
  });
});
