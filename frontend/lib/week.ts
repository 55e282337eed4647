/** ISO weeks as the API names them (`2026-W48`), computed in Europe/Amsterdam like the server does. */
export interface IsoWeek {
  year: number;
  week: number;
}

export function parseWeek(text: string): IsoWeek {
  const match = /^(\d{4})-W(\d{2})$/.exec(text);
  if (!match) throw new Error(`not an ISO week: ${text}`);
  return { year: Number(match[1]), week: Number(match[2]) };
}

export function weekText({ year, week }: IsoWeek): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week, as a UTC date (only its calendar date matters). */
export function monday({ year, week }: IsoWeek): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const jan4Monday = new Date(jan4);
  jan4Monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7));
  const result = new Date(jan4Monday);
  result.setUTCDate(jan4Monday.getUTCDate() + (week - 1) * 7);
  return result;
}

function isoWeekOf(date: Date): IsoWeek {
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.round((thursday.getTime() - monday({ year, week: 1 }).getTime()) / (7 * 86_400_000));
  return { year, week };
}

/** This week in Amsterdam. */
export function currentWeek(now: Date = new Date()): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now).split('-').map(Number);
  return weekText(isoWeekOf(new Date(Date.UTC(y, m - 1, d))));
}

export function addWeeks(text: string, weeks: number): string {
  const start = monday(parseWeek(text));
  start.setUTCDate(start.getUTCDate() + weeks * 7);
  return weekText(isoWeekOf(start));
}

/** Every week from `from` up to and including `to`, oldest first. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let week = from; week <= to && weeks.length < 520; week = addWeeks(week, 1)) {
    weeks.push(week);
  }
  return weeks;
}
