import { createHash } from 'node:crypto';
import { normalizeForHash } from '../core/ids.js';

/**
 * core's contentHash, computed with node's native SHA-256: core must stay free of node: modules, so it carries
 * a JavaScript SHA-256 that costs about twice as much per article, and ingest hashes every article it sees.
 * Same normalisation, same digest, same hex (test/store/content-hash.test.ts holds them equal).
 */
export function fastContentHash(text: string): string {
  // Removing whitespace from the UTF-8 bytes costs half of the regular expression core uses on the string.
  // Only on the string can dropping whitespace join two lone surrogates into one character, so a text that
  // has surrogates at all (rare: emoji) takes core's way.
  const compact = surrogate.test(text) ? Buffer.from(normalizeForHash(text), 'utf8') : withoutWhitespace(Buffer.from(text.normalize('NFC'), 'utf8'));
  return createHash('sha256').update(compact).digest('hex');
}

const surrogate = /[\ud800-\udfff]/;

/** The bytes without the UTF-8 of every character JavaScript's \s matches, compacted in place. */
function withoutWhitespace(bytes: Buffer): Buffer {
  let kept = 0;
  for (let at = 0; at < bytes.length; ) {
    const skip = whitespaceLength(bytes, at);
    if (skip > 0) {
      at += skip;
    } else {
      bytes[kept++] = bytes[at++]!;
    }
  }
  return bytes.subarray(0, kept);
}

/** Byte length of the whitespace character starting at `at`, or 0. Continuation bytes never start one. */
function whitespaceLength(b: Buffer, at: number): number {
  const c = b[at]!;
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d) ? 1 : 0;
  const d = b[at + 1];
  const e = b[at + 2];
  switch (c) {
    case 0xc2: // U+00A0
      return d === 0xa0 ? 2 : 0;
    case 0xe1: // U+1680
      return d === 0x9a && e === 0x80 ? 3 : 0;
    case 0xe2: // U+2000–200A, U+2028, U+2029, U+202F; U+205F
      if (d === 0x80 && e !== undefined && (e <= 0x8a || e === 0xa8 || e === 0xa9 || e === 0xaf)) return 3;
      return d === 0x81 && e === 0x9f ? 3 : 0;
    case 0xe3: // U+3000
      return d === 0x80 && e === 0x80 ? 3 : 0;
    case 0xef: // U+FEFF
      return d === 0xbb && e === 0xbf ? 3 : 0;
    default:
      return 0;
  }
}
