import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFrom, errorMessage, fieldErrors } from './api-error.ts';

describe('the API refusals in the portal', () => {
  it('reads problem details: the code, its parameters, the fields, the current state', () => {
    const error = apiErrorFrom(409, {
      type: '/api/v1/problems/order_changed',
      status: 409,
      code: 'order_changed',
      params: { number: 'HR-1001' },
      detail: 'ignored: the portal words the code itself',
      current: { version: 4 },
    });
    expect(error).toMatchObject({ status: 409, code: 'order_changed', params: { number: 'HR-1001' } });
    expect(error.current).toEqual({ version: 4 });
    expect(error.message).toBe('Order HR-1001 was changed by someone else. Reload and try again.');
  });

  it('words each field from its code, never from the English detail', () => {
    const error = apiErrorFrom(400, {
      code: 'invalid_request',
      params: {},
      fields: {
        name: { code: 'too_long', params: { max: 120 }, detail: 'something else' },
        mail: { code: 'not_email', params: {} },
        odd: { code: 'a_code_from_a_newer_api', params: {} },
        broken: 'not a refusal',
      },
    });
    expect(Object.keys(error.fields)).toEqual(['name', 'mail', 'odd']);
    expect(fieldErrors(error)).toEqual({
      name: 'At most 120 characters.',
      mail: 'Enter an email address like name@example.com.',
      odd: 'Check this value.',
    });
  });

  it('says general words by status for a code it does not know, or a body that is not a problem', () => {
    expect(apiErrorFrom(422, { code: 'something_newer', params: {} }).message).toBe('This cannot be done right now.');
    expect(apiErrorFrom(404, '<html>').message).toBe(
      'We could not find this. It may have been removed, or the link is wrong.',
    );
    expect(apiErrorFrom(502, undefined)).toMatchObject({
      code: 'http_502',
      message: 'Something went wrong on our side. Please try again.',
    });
    // A code known here whose parameters do not fit its words: the words by status, never "undefined".
    expect(apiErrorFrom(404, { code: 'order_not_found', params: {} }).message).not.toContain('undefined');
  });

  it('keeps the portal’s own words for failures that are not the API’s refusal', () => {
    expect(errorMessage(new ApiError(0, 'network', { words: 'offline' }))).toBe('offline');
    expect(errorMessage(new Error('boom'))).toBe('Something went wrong on our side. Please try again.');
    expect(fieldErrors(new Error('boom'))).toEqual({});
  });
});
