/**
 * The keys that sign email links, as a ring: one current key signs, every listed key verifies, so a
 * key can be rotated without breaking links already in people's mailboxes. Stored as JSON
 * `{"current":"k2","k1":"…","k2":"…"}` (Secrets Manager in AWS); a plain string is one key named "k1".
 */
export interface LinkKeyRing {
  current: string;
  keys: Record<string, string>;
}

const MIN_KEY_LENGTH = 32;

export class LinkKeyError extends Error {}

export function parseLinkKeyRing(raw: string): LinkKeyRing {
  const text = raw.trim();
  if (!text.startsWith('{')) {
    if (text.length < MIN_KEY_LENGTH)
      throw new LinkKeyError(`The link key must have at least ${MIN_KEY_LENGTH} characters.`);
    return { current: 'k1', keys: { k1: text } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new LinkKeyError('The link key ring is not valid JSON.');
  }
  if (!parsed || typeof parsed !== 'object') throw new LinkKeyError('The link key ring must be a JSON object.');
  const { current, ...rest } = parsed as Record<string, unknown>;
  const keys: Record<string, string> = {};
  for (const [id, value] of Object.entries(rest)) {
    if (!/^[\w-]{1,32}$/.test(id)) throw new LinkKeyError(`Link key id "${id}" must be letters, digits, - or _.`);
    if (typeof value !== 'string' || value.length < MIN_KEY_LENGTH) {
      throw new LinkKeyError(`Link key "${id}" must be a string of at least ${MIN_KEY_LENGTH} characters.`);
    }
    keys[id] = value;
  }
  if (typeof current !== 'string' || !Object.hasOwn(keys, current)) {
    throw new LinkKeyError('The link key ring must name its "current" key, and that key must be in the ring.');
  }
  return { current, keys };
}
