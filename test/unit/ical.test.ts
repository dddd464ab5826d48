import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ICAL_MAX_BYTES, parseIcalHolidays } from '#shared/ical.ts';

const crlf = (lines: string[]): string => `${lines.join('\r\n')}\r\n`;

const holidayFile = crlf([
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Example Corp//Holidays 2026//EN',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Warsaw',
  'BEGIN:STANDARD',
  'DTSTART:19701025T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:new-year@example.com',
  'DTSTAMP:20251101T120000Z',
  'DTSTART;VALUE=DATE:20260101',
  'DTEND;VALUE=DATE:20260102',
  'SUMMARY:New Year\\, the first day',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:easter@example.com',
  'DTSTART;VALUE=DATE:20260405',
  'DTEND;VALUE=DATE:20260407',
  // A folded line: CRLF followed by a space continues the summary.
  'SUMMARY:Easter Sunday and Mon',
  ' day',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:christmas@example.com',
  'DTSTART;VALUE=DATE:20261224',
  'DURATION:P3D',
  'SUMMARY:Christmas',
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'TRIGGER;VALUE=DATE-TIME:19990101T000000Z',
  'DTSTART;VALUE=DATE:19990101',
  'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:party@example.com',
  'DTSTART;TZID="Europe/Warsaw":20261231T130000',
  'DTEND;TZID="Europe/Warsaw":20261231T170000',
  'SUMMARY:Office party',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:labour@example.com',
  'DTSTART;VALUE=DATE:20260501',
  'RRULE:FREQ=YEARLY',
  'SUMMARY:Labour Day',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:thanksgiving@example.com',
  'DTSTART;VALUE=DATE:20261126',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH',
  'SUMMARY:Thanksgiving',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:cancelled@example.com',
  'DTSTART;VALUE=DATE:20260601',
  'STATUS:CANCELLED',
  'SUMMARY:Picnic (cancelled)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:dupe@example.com',
  'DTSTART;VALUE=DATE:20260101',
  'SUMMARY:New Year (again)',
  'END:VEVENT',
  'BEGIN:VTODO',
  'DTSTART;VALUE=DATE:20260303',
  'SUMMARY:Not a holiday',
  'END:VTODO',
  'END:VCALENDAR',
]);

describe('iCal holiday import', () => {
  it('reads all-day, multi-day, timed and yearly events from a realistic file', () => {
    const { dates, problems } = parseIcalHolidays(holidayFile);
    expect(dates).toEqual([
      '2026-01-01',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-11-26',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-31',
      '2027-05-01',
      '2028-05-01',
    ]);
    expect(problems).toEqual([
      { code: 'ical_time_of_day', params: { event: 'Office party', day: '2026-12-31' } },
      { code: 'ical_first_only', params: { event: 'Thanksgiving' } },
    ]);
  });

  it('unfolds lines broken with LF and tabs too, and unescapes text', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'SUMMARY:Bank\\; holi',
      '\tday',
      'DTSTART;VALUE=DATE:2026',
      ' 0815',
      'RRULE:FREQ=YEARLY;BYDAY=MO',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\n');
    expect(parseIcalHolidays(text)).toEqual({
      dates: ['2026-08-15'],
      problems: [{ code: 'ical_first_only', params: { event: 'Bank; holiday' } }],
    });
  });

  it('expands yearly rules up to a chosen year, honouring COUNT, UNTIL, EXDATE and 29 February', () => {
    const event = (lines: string[]) =>
      parseIcalHolidays(crlf(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', ...lines, 'END:VEVENT', 'END:VCALENDAR']), {
        throughYear: 2030,
      }).dates;
    expect(event(['DTSTART;VALUE=DATE:20261111', 'RRULE:FREQ=YEARLY'])).toHaveLength(5);
    expect(event(['DTSTART;VALUE=DATE:20261111', 'RRULE:FREQ=YEARLY;COUNT=2'])).toEqual(['2026-11-11', '2027-11-11']);
    expect(event(['DTSTART;VALUE=DATE:20261111', 'RRULE:FREQ=YEARLY;UNTIL=20281231'])).toEqual([
      '2026-11-11',
      '2027-11-11',
      '2028-11-11',
    ]);
    expect(
      event(['DTSTART;VALUE=DATE:20261111', 'RRULE:FREQ=YEARLY;INTERVAL=2', 'EXDATE;VALUE=DATE:20281111']),
    ).toEqual(['2026-11-11', '2030-11-11']);
    expect(event(['DTSTART;VALUE=DATE:20240229', 'RRULE:FREQ=YEARLY;COUNT=2'])).toEqual(['2024-02-29', '2028-02-29']);
  });

  it('reports malformed input instead of throwing', () => {
    expect(parseIcalHolidays('hello')).toEqual({
      dates: [],
      problems: [{ code: 'ical_not_calendar' }],
    });
    const broken = parseIcalHolidays(
      crlf([
        'BEGIN:VCALENDAR',
        'BEGIN:VEVENT',
        'SUMMARY:No start',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'SUMMARY:Bad start',
        'DTSTART;VALUE=DATE:20261340',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20260704',
        'DTEND;VALUE=DATE:soon',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'SUMMARY:Sabbatical',
        'DTSTART;VALUE=DATE:20260101',
        'DTEND;VALUE=DATE:20280101',
        'END:VEVENT',
        'garbage line without colon',
        'END:VEVENT',
      ]),
    );
    expect(broken.problems).toEqual([
      { code: 'ical_no_start', params: { event: 'No start' } },
      { code: 'ical_bad_start', params: { event: 'Bad start', value: '20261340' } },
      { code: 'ical_bad_end', params: { event: '', value: 'soon' } },
      { code: 'ical_too_long', params: { event: 'Sabbatical', days: 730, first: 366 } },
    ]);
    expect(broken.dates).toHaveLength(366);
    expect(broken.dates).toContain('2026-07-04');
    expect(parseIcalHolidays(`BEGIN:VCALENDAR\r\n${'X'.repeat(ICAL_MAX_BYTES)}`)).toEqual({
      dates: [],
      problems: [{ code: 'ical_too_large', params: { maxMb: 1 } }],
    });
  });

  it('never throws, whatever the text', () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'BEGIN:VCALENDAR',
        'BEGIN:VEVENT',
        'END:VEVENT',
        'END:VCALENDAR',
        'DTSTART;VALUE=DATE:20260101',
        'DTEND;VALUE=DATE:20251231',
        'RRULE:FREQ=YEARLY;COUNT=x',
        'RRULE:FREQ=YEARLY;INTERVAL=0',
        'DURATION:P',
        ' folded',
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\r\n', '\n', '\r'), (lines, eol) => {
        const result = parseIcalHolidays(lines.join(eol));
        expect(result.dates).toEqual([...new Set(result.dates)].sort());
        for (const date of result.dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 300 },
    );
  });
});
