import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DateOrder } from '../../../shared/importSpec';
import { parseDate } from './dates';
import { reasonOf, valueOf } from '../../../shared/values/testing';

const END_OF_DAY = 24 * 60 * 60 * 1000 - 1;

describe('parseDate', () => {
  it.each<[string, DateOrder, number]>([
    ['2024-03-01T09:30:00Z', 'iso', Date.UTC(2024, 2, 1, 9, 30)],
    ['2024-03-01T09:30:00.250Z', 'iso', Date.UTC(2024, 2, 1, 9, 30, 0, 250)],
    ['2024-03-01T09:30:00.1Z', 'iso', Date.UTC(2024, 2, 1, 9, 30, 0, 100)],
    ['2024-03-01T09:30:00.123456789Z', 'iso', Date.UTC(2024, 2, 1, 9, 30, 0, 123)],
    ['2024-03-01T09:30:00+02:00', 'iso', Date.UTC(2024, 2, 1, 7, 30)],
    ['2024-03-01T09:30:00+0200', 'iso', Date.UTC(2024, 2, 1, 7, 30)],
    ['2024-03-01T09:30:00-05:30', 'iso', Date.UTC(2024, 2, 1, 15, 0)],
    ['2024-03-01T01:00:00+02:00', 'iso', Date.UTC(2024, 1, 29, 23, 0)],
    ['2024-03-01 09:30:00', 'iso', Date.UTC(2024, 2, 1, 9, 30)],
    ['2024-03-01 09:30', 'iso', Date.UTC(2024, 2, 1, 9, 30)],
    ['2024-03-01T09:30', 'iso', Date.UTC(2024, 2, 1, 9, 30)],
    ['2024-03-01 09:30:00 UTC', 'iso', Date.UTC(2024, 2, 1, 9, 30)],
    ['2024/03/01 09:30', 'month-first', Date.UTC(2024, 2, 1, 9, 30)],
    ['3/1/2024 9:30', 'month-first', Date.UTC(2024, 2, 1, 9, 30)],
    ['3/1/2024 9:30 AM', 'month-first', Date.UTC(2024, 2, 1, 9, 30)],
    ['3/1/2024 9:30 PM', 'month-first', Date.UTC(2024, 2, 1, 21, 30)],
    ['3/1/2024, 9:30 pm', 'month-first', Date.UTC(2024, 2, 1, 21, 30)],
    ['3/1/2024 9:30PM', 'month-first', Date.UTC(2024, 2, 1, 21, 30)],
    ['03/01/2024 09:30:15', 'month-first', Date.UTC(2024, 2, 1, 9, 30, 15)],
    ['03/01/2024 09:30:15', 'day-first', Date.UTC(2024, 0, 3, 9, 30, 15)],
    ['01.03.2024 09:30', 'iso', Date.UTC(2024, 2, 1, 9, 30)],
    ['01.03.2024 09:30:15', 'month-first', Date.UTC(2024, 2, 1, 9, 30, 15)],
  ])('reads the date-time %s (%s)', (raw, order, expected) => {
    expect(valueOf(parseDate(raw, order, 'event'))).toBe(expected);
    // The role only matters for date-only values.
    expect(valueOf(parseDate(raw, order, 'milestone'))).toBe(expected);
  });

  it('reads 12 AM as midnight and 12 PM as noon', () => {
    expect(valueOf(parseDate('3/1/2024 12:30 AM', 'month-first', 'event'))).toBe(Date.UTC(2024, 2, 1, 0, 30));
    expect(valueOf(parseDate('3/1/2024 12:30 PM', 'month-first', 'event'))).toBe(Date.UTC(2024, 2, 1, 12, 30));
    expect(valueOf(parseDate('3/1/2024 12:00 a.m.', 'month-first', 'event'))).toBe(Date.UTC(2024, 2, 1, 0, 0));
    expect(valueOf(parseDate('3/1/2024 11:59 PM', 'month-first', 'event'))).toBe(Date.UTC(2024, 2, 1, 23, 59));
  });

  it.each<[string, DateOrder]>([
    ['2024-03-01', 'iso'],
    ['2024/03/01', 'iso'],
    ['2024-3-1', 'iso'],
    ['3/1/2024', 'month-first'],
    ['03/01/2024', 'month-first'],
    ['3/1/24', 'month-first'],
    ['1/3/2024', 'day-first'],
    ['01-03-2024', 'day-first'],
    ['01.03.2024', 'iso'],
    ['1.3.24', 'day-first'],
    ['  2024-03-01 ', 'iso'],
  ])('reads the date-only %s (%s) as the end of the day for milestones, the start for events', (raw, order) => {
    // spec 1 (Time)
    expect(valueOf(parseDate(raw, order, 'event'))).toBe(Date.UTC(2024, 2, 1));
    expect(valueOf(parseDate(raw, order, 'milestone'))).toBe(Date.UTC(2024, 2, 1, 23, 59, 59, 999));
  });

  it('reads the dotted form day-first whatever the file order', () => {
    expect(valueOf(parseDate('01.03.2024', 'month-first', 'event'))).toBe(Date.UTC(2024, 2, 1));
  });

  it('accepts the leap day of a leap year only', () => {
    expect(valueOf(parseDate('2024-02-29', 'iso', 'event'))).toBe(Date.UTC(2024, 1, 29));
    expect(valueOf(parseDate('2000-02-29', 'iso', 'event'))).toBe(Date.UTC(2000, 1, 29));
    expect(reasonOf(parseDate('2023-02-29', 'iso', 'event'))).toBe(
      '"2023-02-29" is not a real date (February 2023 has 28 days)',
    );
    expect(reasonOf(parseDate('2100-02-29', 'iso', 'event'))).toContain('is not a real date');
    expect(reasonOf(parseDate('29.02.2023', 'iso', 'event'))).toContain('is not a real date');
  });

  it.each<[string, DateOrder, string]>([
    ['13/45/2024', 'month-first', '"13/45/2024" is not a date (month 13)'],
    ['13/45/2024', 'day-first', '"13/45/2024" is not a date (month 45)'],
    ['3/13/2024', 'day-first', '"3/13/2024" is not a date (month 13)'],
    ['2024-13-01', 'iso', '"2024-13-01" is not a date (month 13)'],
    ['2024-00-10', 'iso', '"2024-00-10" is not a date (month 0)'],
    ['2024-01-00', 'iso', '"2024-01-00" is not a date (day 0)'],
    ['2024-01-32', 'iso', '"2024-01-32" is not a date (day 32)'],
    ['2024-02-30', 'iso', '"2024-02-30" is not a real date (February 2024 has 29 days)'],
    ['2024-04-31', 'iso', '"2024-04-31" is not a real date (April 2024 has 30 days)'],
    ['1899-12-31', 'iso', '"1899-12-31" is outside the years 1900 to 2200'],
    ['2201-01-01', 'iso', '"2201-01-01" is outside the years 1900 to 2200'],
    ['2024-03-01 24:00', 'iso', '"2024-03-01 24:00" is not a time (hour 24)'],
    ['2024-03-01 09:60', 'iso', '"2024-03-01 09:60" is not a time (minute 60)'],
    ['2024-03-01 09:30:60', 'iso', '"2024-03-01 09:30:60" is not a time (second 60)'],
    ['3/1/2024 13:30 PM', 'month-first', '"3/1/2024 13:30 PM" is not a time (hour 13 with PM)'],
    ['3/1/2024 0:30 AM', 'month-first', '"3/1/2024 0:30 AM" is not a time (hour 0 with AM)'],
    ['2024-03-01T09:30:00+15:00', 'iso', '"2024-03-01T09:30:00+15:00" has an impossible UTC offset (+15:00)'],
    ['2024-03-01T09:30:00+02:75', 'iso', 'has an impossible UTC offset'],
  ])('rejects %s (%s) with a precise reason', (raw, order, expected) => {
    expect(reasonOf(parseDate(raw, order, 'event'))).toContain(expected);
  });

  it('rejects a slash date when the file has no day/month order', () => {
    const why = reasonOf(parseDate('3/1/2024', 'iso', 'event'));
    expect(why).toContain('"3/1/2024"');
    expect(why).toContain('day/month order');
  });

  it.each(['yesterday', '2024', '45352', '2024-03', 'March 1, 2024', '2024-03-01T', '2024-03/01', '3/1', '12abc'])(
    'rejects %s as not a date',
    (raw) => {
      expect(reasonOf(parseDate(raw, 'month-first', 'event'))).toContain('is not a date (expected a form like');
    },
  );

  it('rejects a blank date', () => {
    expect(reasonOf(parseDate('  ', 'iso', 'event'))).toBe('the date is blank');
  });
});

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const utcDateTime = fc
  .date({
    min: new Date(Date.UTC(1900, 0, 1)),
    max: new Date(Date.UTC(2200, 11, 31, 23, 59, 59, 999)),
    noInvalidDate: true,
  })
  .map((date) => ({
    ms: date.getTime(),
    y: date.getUTCFullYear(),
    mo: date.getUTCMonth() + 1,
    d: date.getUTCDate(),
    h: date.getUTCHours(),
    mi: date.getUTCMinutes(),
    s: date.getUTCSeconds(),
    milli: date.getUTCMilliseconds(),
  }));

describe('parseDate properties', () => {
  it('reads the ISO, US, day-first and dotted renderings of a date-time as Date.UTC does', () => {
    fc.assert(
      fc.property(utcDateTime, ({ ms, y, mo, d, h, mi, s, milli }) => {
        const seconds = Date.UTC(y, mo - 1, d, h, mi, s);
        const minutes = Date.UTC(y, mo - 1, d, h, mi);
        const h12 = h % 12 === 0 ? 12 : h % 12;
        const meridiem = h < 12 ? 'AM' : 'PM';
        const ymd = `${y}-${pad(mo)}-${pad(d)}`;
        expect(valueOf(parseDate(`${ymd}T${pad(h)}:${pad(mi)}:${pad(s)}.${pad(milli, 3)}Z`, 'iso', 'event'))).toBe(ms);
        expect(valueOf(parseDate(`${ymd} ${pad(h)}:${pad(mi)}:${pad(s)}`, 'iso', 'milestone'))).toBe(seconds);
        expect(valueOf(parseDate(`${y}/${pad(mo)}/${pad(d)} ${h}:${pad(mi)}`, 'day-first', 'event'))).toBe(minutes);
        const us = `${mo}/${d}/${y} ${h12}:${pad(mi)}:${pad(s)} ${meridiem}`;
        expect(valueOf(parseDate(us, 'month-first', 'event'))).toBe(seconds);
        const dayFirst = `${pad(d)}/${pad(mo)}/${y} ${pad(h)}:${pad(mi)}:${pad(s)}`;
        expect(valueOf(parseDate(dayFirst, 'day-first', 'milestone'))).toBe(seconds);
        expect(valueOf(parseDate(`${d}.${mo}.${y} ${pad(h)}:${pad(mi)}`, 'iso', 'event'))).toBe(minutes);
      }),
    );
  });

  it('reads every date-only rendering as the start of the day for events and the end for milestones', () => {
    fc.assert(
      fc.property(utcDateTime, ({ y, mo, d }) => {
        const start = Date.UTC(y, mo - 1, d);
        const renderings: [string, DateOrder][] = [
          [`${y}-${pad(mo)}-${pad(d)}`, 'iso'],
          [`${mo}/${d}/${y}`, 'month-first'],
          [`${pad(d)}/${pad(mo)}/${y}`, 'day-first'],
          [`${pad(d)}.${pad(mo)}.${y}`, 'iso'],
        ];
        if (y >= 2000 && y <= 2099) renderings.push([`${mo}/${d}/${pad(y - 2000)}`, 'month-first']);
        for (const [raw, order] of renderings) {
          expect(valueOf(parseDate(raw, order, 'event'))).toBe(start);
          expect(valueOf(parseDate(raw, order, 'milestone'))).toBe(start + END_OF_DAY);
        }
      }),
    );
  });

  it('applies a UTC offset, with or without its colon', () => {
    const offsets = fc.integer({ min: -14 * 60, max: 14 * 60 });
    fc.assert(
      fc.property(utcDateTime, offsets, ({ y, mo, d, h, mi, s }, offset) => {
        const sign = offset < 0 ? '-' : '+';
        const hh = pad(Math.floor(Math.abs(offset) / 60));
        const mm = pad(Math.abs(offset) % 60);
        const local = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
        const expected = Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
        expect(valueOf(parseDate(`${local}${sign}${hh}:${mm}`, 'iso', 'event'))).toBe(expected);
        expect(valueOf(parseDate(`${local}${sign}${hh}${mm}`, 'iso', 'event'))).toBe(expected);
      }),
    );
  });

  it('reads the common ISO forms (read without a regex) as the general reading does, valid or not', () => {
    // Digits anywhere in range or past it, so month 13, day 31 of a short month and hour 24 are tried too.
    const two = fc.integer({ min: 0, max: 99 }).map(pad);
    const stamp = fc.record({ y: fc.integer({ min: 1890, max: 2210 }), mo: two, d: two, h: two, mi: two, s: two });
    fc.assert(
      fc.property(
        stamp,
        fc.constantFrom<'event' | 'milestone'>('event', 'milestone'),
        ({ y, mo, d, h, mi, s }, role) => {
          const date = `${y}-${mo}-${d}`;
          const time = `${h}:${mi}:${s}`;
          // The same values in forms only the general reading takes: slashes, and lower-case t and z.
          const cases: [string, string][] = [
            [date, `${y}/${mo}/${d}`],
            [`${date}T${time}Z`, `${date}t${time}z`],
          ];
          for (const [common, general] of cases) {
            const fast = parseDate(common, 'iso', role);
            const slow = parseDate(general, 'iso', role);
            expect(fast.ok).toBe(slow.ok);
            if (fast.ok && slow.ok) expect(fast.value).toBe(slow.value);
            // An independent reading of the same text, where JavaScript's own ISO parser takes it.
            if (fast.ok && common.length === 20) expect(fast.value).toBe(Date.parse(common));
            if (fast.ok && common.length === 10 && role === 'event') expect(fast.value).toBe(Date.parse(common));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
