import { describe, expect, it } from 'vitest';
import { workingHoursLines } from './hours.ts';

describe('workingHoursLines', () => {
  it('joins consecutive days with the same hours and leaves out days not worked', () => {
    const calendar = {
      timeZone: 'Europe/Warsaw',
      hours: {
        '1': [{ start: '09:00', end: '17:00' }],
        '2': [{ start: '09:00', end: '17:00' }],
        '3': [{ start: '09:00', end: '17:00' }],
        '4': [{ start: '09:00', end: '17:00' }],
        '5': [{ start: '09:00', end: '15:00' }],
        '6': [
          { start: '08:00', end: '12:00' },
          { start: '12:30', end: '14:00' },
        ],
      },
      holidays: [],
    };
    expect(workingHoursLines(calendar, 'en-GB')).toEqual([
      'Mon–Thu 09:00–17:00',
      'Fri 09:00–15:00',
      'Sat 08:00–12:00, 12:30–14:00',
    ]);
    expect(workingHoursLines(calendar, 'pl-PL')[0]).toBe('pon.–czw. 09:00–17:00');
  });
});
