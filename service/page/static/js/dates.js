// TIMEX3 values (2021-09-09, 2021-09, 2021-W36, 2021) as intervals of days, and dates in words.

const DAY_MS = 86400000;

function utcDay(year, month, day) {
  return new Date(Date.UTC(year, month - 1, day));
}

// [first day, day after the last] of a TIMEX3 value, or null when it is not a calendar date.
export function interval(value) {
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value))) {
    const start = utcDay(+m[1], +m[2], +m[3]);
    return { start, end: new Date(start.getTime() + DAY_MS), precision: "day" };
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    // ISO week 1 holds January 4th; weeks start on Monday.
    const jan4 = utcDay(+m[1], 1, 4);
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS);
    const start = new Date(monday.getTime() + (+m[2] - 1) * 7 * DAY_MS);
    return { start, end: new Date(start.getTime() + 7 * DAY_MS), precision: "week" };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    return { start: utcDay(+m[1], +m[2], 1), end: utcDay(+m[1], +m[2] + 1, 1), precision: "month" };
  }
  if ((m = /^(\d{4})$/.exec(value))) {
    return { start: utcDay(+m[1], 1, 1), end: utcDay(+m[1] + 1, 1, 1), precision: "year" };
  }
  return null;
}

const longDay = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const shortDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

// "2021-09-09" (a calendar day, no time zone) in words.
export function dayInWords(isoDay, long = true) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay || "");
  if (!m) return "";
  return (long ? longDay : shortDay).format(utcDay(+m[1], +m[2], +m[3]));
}

export function publishedInWords(isoDateTime) {
  const date = new Date(isoDateTime);
  return Number.isNaN(date.getTime()) ? "" : shortDay.format(date);
}
