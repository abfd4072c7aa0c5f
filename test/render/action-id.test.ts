import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/message.js';
import { decodeAction, encodeAction } from '../../src/render/action-id.js';

describe('action payloads', () => {
  it('encodes compactly and decodes to the same kind and value with the default label', () => {
    const raw = encodeAction({ kind: 'page', label: 'Next page', value: 'a1b2c3d:2' });
    expect(raw).toBe('wb1:page:a1b2c3d%3A2');
    expect(decodeAction(raw)).toEqual({ kind: 'page', label: 'More', value: 'a1b2c3d:2' });
  });

  const kinds = fc.constantFrom<Action['kind']>('article', 'quotes', 'discuss', 'page', 'share');

  it('round-trips ids and search words (printable ASCII up to 25 characters) within 100 characters', () => {
    fc.assert(
      fc.property(kinds, fc.stringMatching(/^[ -~]{1,25}$/), (kind, value) => {
        const raw = encodeAction({ kind, label: 'x', value });
        expect(raw.length).toBeLessThanOrEqual(100);
        expect(decodeAction(raw)).toMatchObject({ kind, value });
      }),
    );
  });

  it('either round-trips any printable value or refuses it as too long', () => {
    fc.assert(
      fc.property(kinds, fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }), (kind, value) => {
        fc.pre(!/\p{Cc}/u.test(value));
        let raw: string;
        try {
          raw = encodeAction({ kind, label: 'x', value });
        } catch (error) {
          expect(String(error)).toMatch(/is too long/);
          return;
        }
        expect(decodeAction(raw)).toMatchObject({ kind, value });
      }),
    );
  });

  it('rejects values that cannot be a payload, naming the action and the reason', () => {
    expect(() => encodeAction({ kind: 'article', label: 'x', value: 'y'.repeat(95) })).toThrow(/Action value for "article" is too long: the encoded payload is 107 characters, the limit is 100/);
    expect(() => encodeAction({ kind: 'quotes', label: 'x', value: '' })).toThrow(/Action value for "quotes" is invalid/);
    expect(() => encodeAction({ kind: 'quotes', label: 'x', value: 'a\nb' })).toThrow(/invalid/);
  });

  it.each([
    ['unknown kind', 'wb1:delete:abc'],
    ['other prefix', 'wb2:article:abc'],
    ['no value', 'wb1:article:'],
    ['broken escape', 'wb1:article:%E0%A4%A'],
    ['non-canonical escape', 'wb1:article:%61bc'],
    ['raw separator in value', 'wb1:article:a b'],
    ['too long', `wb1:article:${'a'.repeat(100)}`],
    ['prototype key', 'wb1:constructor:abc'],
    ['empty', ''],
  ])('decodes a forged or garbled payload (%s) to undefined', (_name, raw) => {
    expect(decodeAction(raw)).toBeUndefined();
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (raw) => {
      const action = decodeAction(raw);
      if (action !== undefined) expect(encodeAction(action)).toBe(raw);
    }));
  });
});
