import { describe, expect, it } from 'vitest';
import { cutText } from '../../src/shared/text.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('cutText', () => {
  it('leaves text that fits alone, counting UTF-16 units as Telegram does', () => {
    expect(cutText('入党申请书', 5)).toBe('入党申请书');
    expect(cutText('😀😀', 4)).toBe('😀😀'); // two emoji are four units
    expect(cutText('😀😀', 3)).toBe('😀…');
  });

  it('never splits a surrogate pair at the boundary', () => {
    const text = `${'a'.repeat(198)}😀 more`; // the emoji sits on units 198–199
    const cut = cutText(text, 200);
    expect(cut).toBe(`${'a'.repeat(198)}…`);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(LONE_SURROGATE.test(cut)).toBe(false);
  });

  it('keeps CJK extension characters (outside the BMP) whole', () => {
    const text = '𠀀𠀁𠀂𠀃'; // U+20000…, two units each
    for (let max = 0; max <= text.length; max++) {
      const cut = cutText(text, max, '');
      expect(LONE_SURROGATE.test(cut)).toBe(false);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.length % 2).toBe(0);
    }
  });

  it('keeps emoji sequences and combining marks whole (grapheme boundaries)', () => {
    const family = '👨‍👩‍👧'; // 8 units, one grapheme
    expect(cutText(`ab${family}cd`, 8)).toBe('ab…');
    expect(cutText(`ab${family}cd`, 11)).toBe(`ab${family}…`);
    const flag = '🇨🇳';
    expect(cutText(`x${flag}${flag}`, 6)).toBe(`x${flag}…`);
    expect(cutText(`x${flag}${flag}`, 5)).toBe('x…');
    expect(cutText('cafe\u0301 au lait', 4, '')).toBe('caf'); // "é" as e + combining accent stays whole
  });

  it('takes any ellipsis, or none', () => {
    expect(cutText('abcdef', 4, '...')).toBe('a...');
    expect(cutText('abcdef', 4, '')).toBe('abcd');
    expect(cutText('abcdef', 1, '...')).toBe('a'); // an ellipsis that does not fit is left out
  });
});
