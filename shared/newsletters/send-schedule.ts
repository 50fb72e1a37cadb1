/**
 * When a newsletter's next issue is due: the first moment after `after` at
 * which the wall clock in its time zone shows the send time on one of its
 * weekdays. Daylight-saving changes are handled by asking Intl for the zone's
 * offset at the candidate instant (twice, as the offset may differ across the
 * change); a send time that does not exist that day (skipped by a spring
 * change) goes out an hour later, as the wall clock reads it.
 */

/** The zone's offset from UTC in minutes at this instant. */
function offsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant the zone's wall clock shows this local date and time. */
export function zonedTime(timeZone: string, year: number, month: number, day: number, hour: number, minute: number): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - offsetMinutes(timeZone, new Date(wall)) * 60_000;
  return new Date(wall - offsetMinutes(timeZone, new Date(first)) * 60_000);
}

/** The local calendar date in the zone at this instant. */
function localDate(timeZone: string, at: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function nextSendAt(schedule: { sendTime: string; timeZone: string; weekdays: number[] }, after: Date): Date {
  const [hour, minute] = schedule.sendTime.split(':').map(Number) as [number, number];
  const today = localDate(schedule.timeZone, after);
  // Eight days always holds the next matching weekday, whatever today is.
  for (let offset = 0; offset <= 8; offset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    if (!schedule.weekdays.includes(date.getUTCDay())) continue;
    const candidate = zonedTime(schedule.timeZone, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, minute);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  throw new Error(`No send time found for ${JSON.stringify(schedule)}`);
}
