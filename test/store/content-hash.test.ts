import fc from 'fast-check';
import { expect, it } from 'vitest';
import { contentHash } from '../../src/core/ids.js';
import { fastContentHash } from '../../src/store/content-hash.js';

it('computes exactly core contentHash', () => {
  for (const text of ['', 'Kim said.\r\n\r\nMore.', 'Caf\u0065\u0301 and café', '😀 emoji and\ttabs']) expect(fastContentHash(text)).toBe(contentHash(text));
  fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => fastContentHash(text) === contentHash(text)));
});
