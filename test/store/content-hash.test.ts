import fc from 'fast-check';
import { expect, it } from 'vitest';
import { articleIdFor, contentHash } from '../../src/core/ids.js';
import { fastContentHash } from '../../src/store/content-hash.js';
import { idCandidatesOfHash } from '../../src/store/plan-write.js';

it('computes exactly core contentHash', () => {
  for (const text of ['', 'Kim said.\r\n\r\nMore.', 'Caf\u0065\u0301 and café', '😀 emoji and\ttabs', 'lone \ud83d \ude00 halves']) {
    expect(fastContentHash(text)).toBe(contentHash(text));
  }
  fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => fastContentHash(text) === contentHash(text)));
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => fastContentHash(text) === contentHash(text)));
});

it('drops exactly the characters core counts as whitespace', () => {
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code < 0xe000) continue;
    const text = `a${String.fromCharCode(code)}b`;
    if (fastContentHash(text) !== contentHash(text)) expect.fail(`U+${code.toString(16).padStart(4, '0')} hashed differently`);
  }
});

it('reads the ids off the content hash as core writes them', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (body) => {
      const ids = idCandidatesOfHash(contentHash(body));
      return ids[0] === articleIdFor(body, 7) && ids[1] === articleIdFor(body, 8);
    }),
  );
});
