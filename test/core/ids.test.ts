import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleIdFor, contentHash, normalizeForHash, sha256 } from '../../src/core/ids.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const lead = 'North Korean leader Kim Jong Un has ordered officials to step up production of missiles.';

describe('sha256', () => {
  it('matches node:crypto for arbitrary input, including every padding boundary', () => {
    for (let n = 0; n < 200; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 255);
      expect(hex(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      expect(hex(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
    }), { numRuns: 100 });
  });
});

describe('content ids', () => {
  it('is short, lower-case and from the unambiguous alphabet', () => {
    const id = articleIdFor(lead);
    expect(id).toMatch(/^[0-9a-hjkmnp-tv-z]{7}$/);
    expect(articleIdFor(lead, 8)).toMatch(/^[0-9a-hjkmnp-tv-z]{8}$/);
  });

  it('is stable across runs: a fixed text has a fixed id and hash', () => {
    const normalized = normalizeForHash(lead);
    expect(contentHash(lead)).toBe(createHash('sha256').update(normalized, 'utf8').digest('hex'));
    expect(articleIdFor(lead)).toBe(articleIdFor(`${lead}`));
    // SHA-256('') = e3b0c442…; in Crockford base32 (independently computed with Python's base64 module).
    expect(articleIdFor('')).toBe('werc8gm');
    expect(articleIdFor(' \n', 8)).toBe('werc8gmr');
  });

  it('lengthening an id keeps it a prefix, so the store can go from 7 to 8 characters', () => {
    expect(articleIdFor(lead, 8).startsWith(articleIdFor(lead))).toBe(true);
  });

  it('ignores whitespace-only changes', () => {
    const rewrapped = lead.replace(/ /g, '\n').replace('Kim', '  Kim\t');
    expect(articleIdFor(rewrapped)).toBe(articleIdFor(lead));
    expect(contentHash(`\r\n${rewrapped}\r\n`)).toBe(contentHash(lead));
  });

  it('ignores Unicode composition differences', () => {
    expect(articleIdFor('Caf\u00e9 opens')).toBe(articleIdFor('Cafe\u0301 opens'));
  });

  it('changes when the words change', () => {
    const edited = lead.replace('missiles', 'shells');
    expect(contentHash(edited)).not.toBe(contentHash(lead));
    expect(articleIdFor(edited)).not.toBe(articleIdFor(lead));
  });

  it('rejects an impossible length with a clear error', () => {
    expect(() => articleIdFor(lead, 0)).toThrow(/article id length must be 1-51, got 0/);
  });
});
