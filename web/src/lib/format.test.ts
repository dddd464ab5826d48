import { describe, expect, it } from 'vitest';
import { answerWords, durationWords, formatDateTime, safeNext, serviceMatches, standardWords } from './format.ts';

describe('durationWords', () => {
  it('uses minutes under an hour', () => {
    expect(durationWords(30)).toBe('30 minutes');
    expect(durationWords(1)).toBe('1 minute');
  });

  it('counts working hours and working days of 8 hours', () => {
    expect(durationWords(240)).toBe('4 working hours');
    expect(durationWords(60)).toBe('1 working hour');
    expect(durationWords(90)).toBe('1.5 working hours');
    expect(durationWords(480)).toBe('1 working day');
    expect(durationWords(1440)).toBe('3 working days');
    expect(durationWords(720)).toBe('1.5 working days');
    expect(durationWords(600)).toBe('10 working hours');
  });

  it('counts plain hours and days of 24 hours around the clock', () => {
    expect(durationWords(240, true)).toBe('4 hours');
    expect(durationWords(480, true)).toBe('8 hours');
    expect(durationWords(1440, true)).toBe('1 day');
    expect(durationWords(4320, true)).toBe('3 days');
    expect(durationWords(45, true)).toBe('45 minutes');
  });
});

describe('standardWords', () => {
  it('says the promise in plain words', () => {
    expect(standardWords({ firstResponseMinutes: 240, resolutionMinutes: 1440, always: false })).toBe(
      'answered within 4 working hours, done within 3 working days',
    );
    expect(standardWords({ firstResponseMinutes: 30, resolutionMinutes: 480, always: true })).toBe(
      'answered within 30 minutes, done within 8 hours',
    );
  });
});

describe('answerWords', () => {
  it('reads answers of every kind', () => {
    expect(answerWords(true)).toBe('Yes');
    expect(answerWords(false)).toBe('No');
    expect(answerWords(['a', 'b'])).toBe('a, b');
    expect(answerWords(null)).toBe('—');
    expect(answerWords('')).toBe('—');
    expect(answerWords(undefined)).toBe('—');
    expect(answerWords(42)).toBe('42');
  });
});

describe('serviceMatches', () => {
  const service = { name: 'New laptop', summary: 'A computer for work', tags: ['hardware', 'IT'] };
  it('matches every word in name, summary or tags, ignoring case', () => {
    expect(serviceMatches(service, '')).toBe(true);
    expect(serviceMatches(service, 'LAPTOP')).toBe(true);
    expect(serviceMatches(service, 'hardware computer')).toBe(true);
    expect(serviceMatches(service, 'laptop payroll')).toBe(false);
  });
});

describe('safeNext', () => {
  it('only follows same-site paths', () => {
    expect(safeNext('/orders/IT-1')).toBe('/orders/IT-1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(undefined)).toBe('/');
  });

  it('refuses what a browser would read as another site or a script', () => {
    // Browsers treat "\\" like "/" and drop tabs and newlines, so each of these leaves the site.
    for (const next of [
      '/\\evil.example',
      '\\\\evil.example',
      '/\\/evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      ' //evil.example',
      'javascript:alert(1)',
      '/orders/\\..\\..\\//evil.example',
      '',
    ]) {
      expect(safeNext(next), JSON.stringify(next)).toBe('/');
    }
  });

  it('keeps same-site paths with their query and fragment', () => {
    expect(safeNext('/orders?status=open&q=a%2Fb#top')).toBe('/orders?status=open&q=a%2Fb#top');
    expect(safeNext('/answer/abc.def-1')).toBe('/answer/abc.def-1');
    expect(safeNext('/orders/HR-1001/')).toBe('/orders/HR-1001/');
  });
});

describe('formatDateTime', () => {
  it('says a moment in the portal language’s one format, naming a zone that is not the reader’s', () => {
    const reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(formatDateTime('2025-03-12T14:00:00Z', reader)).toMatch(/^12 Mar 2025, \d\d:\d\d$/);
    const away = reader === 'Asia/Tokyo' ? 'America/New_York' : 'Asia/Tokyo';
    expect(formatDateTime('2025-03-12T14:00:00Z', away)).toMatch(/^1[23] Mar 2025, \d\d:00 (GMT[+-]\d+|EDT)$/);
  });

  it('leaves a value it cannot read as it is', () => {
    expect(formatDateTime('soon')).toBe('soon');
  });
});
