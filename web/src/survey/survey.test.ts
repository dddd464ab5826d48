import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api.ts';
import { linkProblem, parseScore, surveyAnswer } from './survey.ts';

describe('parseScore', () => {
  it('reads the one-click score of the email link', () => {
    expect(parseScore('4')).toBe(4);
    expect(parseScore(['1'])).toBe(1);
    expect(parseScore('0')).toBeUndefined();
    expect(parseScore('6')).toBeUndefined();
    expect(parseScore('4.5')).toBeUndefined();
    expect(parseScore(undefined)).toBeUndefined();
  });
});

describe('surveyAnswer', () => {
  it('sends a category only with a low score, and no empty comment', () => {
    expect(surveyAnswer(2, ' too late ', 'too_slow')).toEqual({ score: 2, comment: 'too late', category: 'too_slow' });
    expect(surveyAnswer(4, '', 'too_slow')).toEqual({ score: 4 });
    expect(surveyAnswer(1, undefined, 'made_up')).toEqual({ score: 1 });
  });
});

describe('linkProblem', () => {
  it('tells expired, tampered and earlier-resolution links apart', () => {
    const token = (code: string) => ({ fields: { token: { code } } });
    expect(linkProblem(new ApiError(400, 'survey_link_expired', token('link_expired')))).toBe('expired');
    expect(linkProblem(new ApiError(400, 'survey_link_invalid', token('link_invalid')))).toBe('invalid');
    expect(linkProblem(new ApiError(400, 'survey_link_invalid'))).toBe('invalid');
    expect(linkProblem(new ApiError(404, 'survey_link_earlier'))).toBe('earlier');
  });

  it('leaves other failures to the page (a bad comment, the network)', () => {
    const tooLong = { fields: { comment: { code: 'too_long', params: { max: 2000 } } } };
    expect(linkProblem(new ApiError(400, 'invalid_request', tooLong))).toBeUndefined();
    expect(linkProblem(new ApiError(0, 'network', { words: 'offline' }))).toBeUndefined();
    expect(linkProblem(new Error('x'))).toBeUndefined();
  });
});
