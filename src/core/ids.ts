import type { ArticleId } from './article.js';

/**
 * Content-derived ids. The input is normalised first (Unicode NFC, all whitespace removed) so re-wrapping,
 * re-indenting or CRLF/LF changes keep the id, while any change to the words changes it. The digest is
 * SHA-256, written here because src/core may not import node:crypto; the test checks it against node:crypto.
 *
 * Ids use Crockford's base32 in lower case (0-9 and a-z without i, l, o, u): nothing to confuse when typed.
 * Collision odds for n articles and a k-character id (5 bits each) are about n² / 2^(5k+1): 7 characters give
 * 1 in ~6,900 for 1,000 articles and ~1.4% for 30,000; the store then lengthens the newcomer to 8 (40 bits,
 * 32 times rarer). The ids of one text are prefixes of each other, so lengthening keeps old links readable.
 */
const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

export function normalizeForHash(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, '');
}

/** Hex SHA-256 of the normalised text: 64 characters, for change detection. */
export function contentHash(text: string): string {
  return Array.from(sha256(new TextEncoder().encode(normalizeForHash(text))), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The first `length` base32 characters (5 bits each) of the normalised text's SHA-256; 7 by default. */
export function articleIdFor(text: string, length = 7): ArticleId {
  if (!Number.isInteger(length) || length < 1 || length > 51) throw new RangeError(`article id length must be 1-51, got ${length}`);
  const digest = sha256(new TextEncoder().encode(normalizeForHash(text)));
  let id = '';
  for (let i = 0; i < length; i++) {
    const bit = i * 5;
    const pair = (digest[bit >> 3]! << 8) | (digest[(bit >> 3) + 1] ?? 0);
    id += alphabet[(pair >> (11 - (bit & 7))) & 31];
  }
  return id as ArticleId;
}

const k = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** SHA-256 (FIPS 180-4) of `bytes`. */
export function sha256(bytes: Uint8Array): Uint8Array {
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  for (let block = 0; block < padded.length; block += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(block + t * 4);
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15]!;
      const b = w[t - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[t]! + w[t]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
    h[5] = h[5]! + f;
    h[6] = h[6]! + g;
    h[7] = h[7]! + hh;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((word, i) => outView.setUint32(i * 4, word));
  return out;
}
