/**
 * What a route of the API contract answers (contract.ts and the route tables it spreads in): a name
 * for the OpenAPI document, and the TypeScript type the handler returns and the client reads.
 */

declare const ANSWER: unique symbol;
/** What a route answers: a name for the document, and the TypeScript type for the handler and the client. */
export interface Answer<T> {
  readonly name: string;
  /** A list of `name`. */
  readonly list?: true;
  readonly [ANSWER]?: () => T;
}

/** One `name`, typed `T`. */
export const answer = <T>(name: string): Answer<T> => ({ name });
/** A list of `name`, typed `T[]`. */
export const answers = <T>(name: string): Answer<T[]> => ({ name, list: true });
